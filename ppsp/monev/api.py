"""REST plug-in of monev (`ppsp.api` contract): read-only, scoped realisation endpoints.

`register(router)` adds `/api/v1/realisasi/` (programme-row realisation) and
`/api/v1/realisasi-indikator/` (sasaran indicator realisation); both use the region scope
of VIEW_MONEV like the UI (out of scope: 404). Filters: kabkota, province, year, status.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from ppsp.api.fastlist import FastList
from ppsp.api.pagination import CachedCountPagination
from ppsp.api.scoping import YEAR, ScopedReadOnlyViewSet, documented, int_param
from ppsp.core.permissions import Permission
from ppsp.monev.models import IndicatorRealisation, ReportStatus, RowRealisation

STATUS = OpenApiParameter(
    "status",
    OpenApiTypes.STR,
    enum=list(ReportStatus.values),
    description="status laporan: draft, submitted, approved, returned",
)


class RowRealisationSerializer(serializers.ModelSerializer[RowRealisation]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="report.region.code")
    year = serializers.IntegerField(source="report.year")
    report_status = serializers.CharField(source="report.status")
    kegiatan = serializers.CharField(source="row.kegiatan")
    subsector = serializers.CharField(source="row.subsector")
    source = serializers.CharField(source="row.source")

    class Meta:
        model = RowRealisation
        fields = [
            "id", "kabkota", "year", "report_status", "row", "kegiatan", "subsector", "source",
            "budget", "output", "work_status", "evidence", "na_code", "na_reason", "source_note",
        ]  # fmt: skip


class IndicatorRealisationSerializer(serializers.ModelSerializer[IndicatorRealisation]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="report.region.code")
    year = serializers.IntegerField(source="report.year")
    report_status = serializers.CharField(source="report.status")
    indicator = serializers.CharField(source="node.indicator")
    subsector = serializers.CharField(source="node.subsector")

    class Meta:
        model = IndicatorRealisation
        fields = [
            "id", "kabkota", "year", "report_status", "node", "indicator", "subsector",
            "value", "source", "na_code", "na_reason", "source_note",
        ]  # fmt: skip


# only the columns the serializers read (the joined rows are wide)
REPORT_COLUMNS = ("report__year", "report__status", "report__region__code")
ROW_COLUMNS = (
    *REPORT_COLUMNS, "row__kegiatan", "row__subsector", "row__source", "budget", "output",
    "work_status", "evidence", "na_code", "na_reason", "source_note",
)  # fmt: skip
INDICATOR_COLUMNS = (
    *REPORT_COLUMNS, "node__indicator", "node__subsector", "value", "source", "na_code",
    "na_reason", "source_note",
)  # fmt: skip


class _ReportFilters(FastList, ScopedReadOnlyViewSet):
    permission = Permission.VIEW_MONEV
    region_prefix = "report__region__"
    pagination_class = CachedCountPagination

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(report__year=year)
        if status := params.get("status"):
            rows = rows.filter(report__status=status)
        return rows


@documented(YEAR, STATUS)
class RealisationViewSet(_ReportFilters):
    """Realisasi baris program per tahun (anggaran Rp, output fisik, status, bukti)."""

    serializer_class = RowRealisationSerializer

    def base_queryset(self) -> QuerySet[RowRealisation]:
        # report, then row: walks the (report, row) unique index, cheap at any page
        return (
            RowRealisation.objects.select_related("report__region", "row")
            .only(*ROW_COLUMNS)
            .order_by("report_id", "row_id")
        )


@documented(YEAR, STATUS)
class IndicatorRealisationViewSet(_ReportFilters):
    """Realisasi indikator sasaran per tahun dengan sumber datanya."""

    serializer_class = IndicatorRealisationSerializer

    def base_queryset(self) -> QuerySet[IndicatorRealisation]:
        return (
            IndicatorRealisation.objects.select_related("report__region", "node")
            .only(*INDICATOR_COLUMNS)
            .order_by("report_id", "node_id")
        )


def register(router: Any) -> None:
    router.register("realisasi", RealisationViewSet, basename="realisation")
    router.register(
        "realisasi-indikator", IndicatorRealisationViewSet, basename="indicator-realisation"
    )
