"""REST plug-in of monev (`ppsp.api` contract): read-only, scoped realisation endpoints.

`register(router)` adds `/api/v1/realisasi/` (programme-row realisation) and
`/api/v1/realisasi-indikator/` (sasaran indicator realisation); both use the region scope
of VIEW_MONEV like the UI (out of scope: 404). Filters: kabkota, province, year, status.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from ppsp.api.scoping import KABKOTA, PROVINCE, YEAR, ScopedReadOnlyViewSet, int_param
from ppsp.core.permissions import Permission
from ppsp.monev.models import IndicatorRealisation, RowRealisation


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
            "budget", "output", "work_status", "evidence", "na_code", "na_reason",
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
            "value", "source", "na_code", "na_reason",
        ]  # fmt: skip


class _ReportFilters(ScopedReadOnlyViewSet):
    permission = Permission.VIEW_MONEV
    region_prefix = "report__region__"

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(report__year=year)
        if status := params.get("status"):
            rows = rows.filter(report__status=status)
        return rows


@extend_schema(parameters=[KABKOTA, PROVINCE, YEAR])
class RealisationViewSet(_ReportFilters):
    """Realisasi baris program per tahun (anggaran Rp, output fisik, status, bukti)."""

    serializer_class = RowRealisationSerializer

    def base_queryset(self) -> QuerySet[RowRealisation]:
        return RowRealisation.objects.select_related("report__region", "row").order_by("pk")


@extend_schema(parameters=[KABKOTA, PROVINCE, YEAR])
class IndicatorRealisationViewSet(_ReportFilters):
    """Realisasi indikator sasaran per tahun dengan sumber datanya."""

    serializer_class = IndicatorRealisationSerializer

    def base_queryset(self) -> QuerySet[IndicatorRealisation]:
        return IndicatorRealisation.objects.select_related("report__region", "node").order_by("pk")


def register(router: Any) -> None:
    router.register("realisasi", RealisationViewSet, basename="realisation")
    router.register(
        "realisasi-indikator", IndicatorRealisationViewSet, basename="indicator-realisation"
    )
