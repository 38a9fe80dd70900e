"""Scoped read endpoints of the core apps (regions, programme, documents, EHRA, MPS)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from ppsp.api import serializers as s
from ppsp.api.scoping import (
    SUBSECTOR,
    YEAR,
    ScopedReadOnlyViewSet,
    documented,
    int_param,
)
from ppsp.core.permissions import Permission
from ppsp.documents.models import Document, DocumentVersion
from ppsp.documents.selectors import period_contains
from ppsp.ehra.models import AreaRisk, DesaResult
from ppsp.ehra.selectors import final_class_is, rounds_hidden_from
from ppsp.mps.models import KklLevel, KklNode, ProgrammeRow
from ppsp.mps.selectors import plan_covers
from ppsp.programme.models import Participation, StageRecord
from ppsp.regions.models import Region

LEVEL = OpenApiParameter("level", OpenApiTypes.INT, description="1 provinsi … 4 desa")
TINGKAT = OpenApiParameter(
    "tingkat",
    OpenApiTypes.STR,
    enum=["provinsi", "kabkota", "kecamatan", "desa"],
    description="tingkat wilayah by name (the same as level 1–4)",
)
LEVEL_NAMES = {"provinsi": 1, "kabkota": 2, "kab/kota": 2, "kecamatan": 3, "desa": 4}
PARENT = OpenApiParameter("parent", OpenApiTypes.STR, description="kode wilayah induk")
STATUS = OpenApiParameter("status", OpenApiTypes.STR, description="status")
DOC_TYPE = OpenApiParameter("doc_type", OpenApiTypes.STR, description="BPS, SSK atau MPS")
STAGE = OpenApiParameter("stage", OpenApiTypes.INT, description="nomor tahapan")
COMPONENT = OpenApiParameter("component", OpenApiTypes.STR, description="komponen risiko")


def _level(params: Any) -> int | None:
    """`level` (1–4) or `tingkat` (provinsi, kabkota, kecamatan, desa); 400 if they disagree."""
    level = int_param(params.get("level"), "level", 1, 4)
    if tingkat := params.get("tingkat"):
        named = LEVEL_NAMES.get(tingkat.strip().lower())
        if named is None:
            raise ValidationError({"tingkat": "harus provinsi, kabkota, kecamatan atau desa"})
        if level is not None and level != named:
            raise ValidationError({"tingkat": "tidak sama dengan level"})
        level = named
    return level


@documented(LEVEL, TINGKAT, PARENT)
class RegionViewSet(ScopedReadOnlyViewSet):
    """Wilayah (provinsi, kab/kota, kecamatan, desa) inside the caller's scope."""

    permission = Permission.VIEW_REGION
    region_prefix = ""
    serializer_class = s.RegionSerializer
    lookup_field = "code"
    lookup_value_regex = r"[0-9]{2}(\.[0-9]{2}){0,2}(\.[0-9]{4})?"

    def base_queryset(self) -> QuerySet[Region]:
        return Region.objects.select_related("parent").order_by("code")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (level := _level(params)) is not None:
            rows = rows.filter(level=level)
        if parent := params.get("parent"):
            rows = rows.filter(parent__code=parent)
        return rows


@documented(YEAR, STATUS)
class ParticipationViewSet(ScopedReadOnlyViewSet):
    """Kepesertaan PPSP per kab/kota; `year` filters on the cohort year."""

    permission = Permission.VIEW_PROGRAMME
    serializer_class = s.ParticipationSerializer

    def base_queryset(self) -> QuerySet[Participation]:
        return Participation.objects.select_related("region", "phase", "current_stage")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(cohort_year=year)
        if status := params.get("status"):
            rows = rows.filter(current_status=status)
        return rows


@documented(STAGE, STATUS, YEAR)
class StageRecordViewSet(ScopedReadOnlyViewSet):
    """Catatan tahapan; `year` filters on the start date's year."""

    permission = Permission.VIEW_PROGRAMME
    region_prefix = "participation__region__"
    serializer_class = s.StageRecordSerializer

    def base_queryset(self) -> QuerySet[StageRecord]:
        return StageRecord.objects.select_related("participation__region", "stage")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (stage := int_param(params.get("stage"), "stage", 1, 99)) is not None:
            rows = rows.filter(stage__number=stage)
        if status := params.get("status"):
            rows = rows.filter(status=status)
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(start_date__year=year)
        return rows


def _period(rows: QuerySet[Any], year: int | None, prefix: str = "") -> QuerySet[Any]:
    if year is None:
        return rows
    return rows.filter(period_contains(year, prefix))


@documented(DOC_TYPE, YEAR)
class DocumentViewSet(ScopedReadOnlyViewSet):
    """BPS/SSK/MPS per kab/kota; `year` selects documents whose period contains it."""

    permission = Permission.VIEW_DOCUMENTS
    serializer_class = s.DocumentSerializer

    def base_queryset(self) -> QuerySet[Document]:
        return Document.objects.select_related("region", "method_version")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if doc_type := params.get("doc_type"):
            rows = rows.filter(doc_type=doc_type)
        return _period(rows, int_param(params.get("year"), "year"))


@documented(DOC_TYPE, STATUS, YEAR)
class DocumentVersionViewSet(ScopedReadOnlyViewSet):
    """Versions of documents with status and legal basis (metadata only, no files)."""

    permission = Permission.VIEW_DOCUMENTS
    region_prefix = "document__region__"
    serializer_class = s.DocumentVersionSerializer

    def base_queryset(self) -> QuerySet[DocumentVersion]:
        return DocumentVersion.objects.select_related("document__region").order_by("pk")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if doc_type := params.get("doc_type"):
            rows = rows.filter(document__doc_type=doc_type)
        if status := params.get("status"):
            rows = rows.filter(status=status)
        return _period(rows, int_param(params.get("year"), "year"), "document__")


class _EhraViewSet(ScopedReadOnlyViewSet):
    """EHRA rows: the Pokja blind rule applies (no results before the persepsi OPD)."""

    permission = Permission.VIEW_EHRA
    region_prefix = "desa__"

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(survey__year=year)
        return rows.exclude(survey__in=rounds_hidden_from(self.request.user))


@documented(YEAR)
class DesaResultViewSet(_EhraViewSet):
    """Indikator EHRA per desa: IRS and its five component indices (0–100)."""

    serializer_class = s.DesaResultSerializer

    def base_queryset(self) -> QuerySet[DesaResult]:
        return DesaResult.objects.select_related("desa", "survey").order_by("pk")


@documented(YEAR, COMPONENT, OpenApiParameter("risk_class", OpenApiTypes.INT))
class AreaRiskViewSet(_EhraViewSet):
    """Area berisiko per desa and component, with the verified class when overridden."""

    serializer_class = s.AreaRiskSerializer

    def base_queryset(self) -> QuerySet[AreaRisk]:
        return AreaRisk.objects.select_related("desa", "survey").order_by("pk")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if component := params.get("component"):
            rows = rows.filter(component=component)
        if (risk := int_param(params.get("risk_class"), "risk_class", 0, 9)) is not None:
            rows = rows.filter(final_class_is(risk))
        return super().filter_rows(rows, params)


def _plan_year(rows: QuerySet[Any], year: int | None) -> QuerySet[Any]:
    if year is None:
        return rows
    return rows.filter(plan_covers(year, "plan__"))


@documented(SUBSECTOR, YEAR)
class SasaranViewSet(ScopedReadOnlyViewSet):
    """Indikator sasaran of the KKL (MPS): baseline and targets per year."""

    permission = Permission.VIEW_MPS
    region_prefix = "plan__region__"
    serializer_class = s.SasaranSerializer

    def base_queryset(self) -> QuerySet[KklNode]:
        return (
            KklNode.objects.filter(level=KklLevel.SASARAN)
            .select_related("plan__region")
            .order_by("pk")
        )

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if subsector := params.get("subsector"):
            rows = rows.filter(subsector=subsector)
        return _plan_year(rows, int_param(params.get("year"), "year"))


@documented(SUBSECTOR, YEAR, OpenApiParameter("source", OpenApiTypes.STR))
class ProgrammeRowViewSet(ScopedReadOnlyViewSet):
    """Baris program/kegiatan (Lampiran 4); `year` selects plans whose window contains it."""

    permission = Permission.VIEW_MPS
    region_prefix = "plan__region__"
    serializer_class = s.ProgrammeRowSerializer

    def base_queryset(self) -> QuerySet[ProgrammeRow]:
        return ProgrammeRow.objects.select_related("plan__region", "lokasi").order_by("pk")

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        if subsector := params.get("subsector"):
            rows = rows.filter(subsector=subsector)
        if source := params.get("source"):
            rows = rows.filter(source=source)
        return _plan_year(rows, int_param(params.get("year"), "year"))
