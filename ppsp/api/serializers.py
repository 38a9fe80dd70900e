"""Read serializers: flat rows with region codes, no nested querysets (no N+1)."""

from __future__ import annotations

from rest_framework import serializers

from ppsp.documents.models import Document, DocumentVersion
from ppsp.ehra.labels import RiskClasses, risk_classes_for_round
from ppsp.ehra.models import AreaRisk, DesaResult
from ppsp.mps.models import KklNode, ProgrammeRow
from ppsp.programme.models import Participation, StageRecord
from ppsp.regions.models import Region


class RegionSerializer(serializers.ModelSerializer[Region]):  # type: ignore[misc,unused-ignore]
    parent = serializers.CharField(source="parent.code", default=None, read_only=True)

    class Meta:
        model = Region
        fields = ["code", "name", "level", "kind", "parent", "province_code", "kabkota_code"]


class ParticipationSerializer(serializers.ModelSerializer[Participation]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="region.code", read_only=True)
    kabkota_name = serializers.CharField(source="region.name", read_only=True)
    phase = serializers.CharField(source="phase.name", default=None, read_only=True)
    current_stage = serializers.IntegerField(
        source="current_stage.number", default=None, read_only=True
    )

    class Meta:
        model = Participation
        fields = [
            "id",
            "kabkota",
            "kabkota_name",
            "cohort_year",
            "phase",
            "current_stage",
            "current_status",
            "updated_at",
        ]


class StageRecordSerializer(serializers.ModelSerializer[StageRecord]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="participation.region.code", read_only=True)
    stage = serializers.IntegerField(source="stage.number", read_only=True)
    stage_name = serializers.CharField(source="stage.name", read_only=True)

    class Meta:
        model = StageRecord
        fields = [
            "id",
            "kabkota",
            "stage",
            "stage_name",
            "status",
            "start_date",
            "end_date",
            "due_date",
            "note",
        ]


class DocumentSerializer(serializers.ModelSerializer[Document]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="region.code", read_only=True)
    method_version = serializers.CharField(source="method_version.code", read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "kabkota",
            "doc_type",
            "method_version",
            "period_start",
            "period_end",
            "created_at",
        ]


class DocumentVersionSerializer(serializers.ModelSerializer[DocumentVersion]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="document.region.code", read_only=True)
    doc_type = serializers.CharField(source="document.doc_type", read_only=True)
    period_start = serializers.IntegerField(source="document.period_start", read_only=True)
    period_end = serializers.IntegerField(source="document.period_end", read_only=True)

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "document",
            "kabkota",
            "doc_type",
            "period_start",
            "period_end",
            "number",
            "status",
            "summary",
            "legal_kind",
            "legal_number",
            "legal_date",
            "approved_at",
        ]


class DesaResultSerializer(serializers.ModelSerializer[DesaResult]):  # type: ignore[misc,unused-ignore]
    desa = serializers.CharField(source="desa.code", read_only=True)
    desa_name = serializers.CharField(source="desa.name", read_only=True)
    kabkota = serializers.CharField(source="desa.kabkota_code", read_only=True)
    year = serializers.IntegerField(source="survey.year", read_only=True)

    class Meta:
        model = DesaResult
        fields = [
            "id",
            "survey",
            "year",
            "kabkota",
            "desa",
            "desa_name",
            "households",
            "sumber_air",
            "air_limbah",
            "persampahan",
            "genangan",
            "phbs",
            "irs",
            "irs_class",
        ]


class AreaRiskSerializer(serializers.ModelSerializer[AreaRisk]):  # type: ignore[misc,unused-ignore]
    desa = serializers.CharField(source="desa.code", read_only=True)
    kabkota = serializers.CharField(source="desa.kabkota_code", read_only=True)
    year = serializers.IntegerField(source="survey.year", read_only=True)
    final_class = serializers.SerializerMethodField()
    class_label = serializers.SerializerMethodField()
    class_colour = serializers.SerializerMethodField()

    class Meta:
        model = AreaRisk
        fields = [
            "id",
            "survey",
            "year",
            "kabkota",
            "desa",
            "component",
            "impact",
            "s_irs",
            "s_opd",
            "exposure",
            "area",
            "risk_class",
            "override_class",
            "final_class",
            "class_label",
            "class_colour",
        ]

    def get_final_class(self, obj: AreaRisk) -> int:
        return obj.final_class  # compute.area_risk.final_class, as ehra.figures.area_class_by_desa

    def _classes(self, obj: AreaRisk) -> RiskClasses:
        """The round's class labels and colours, read once per round and response."""
        cache = self.context.setdefault("risk_classes", {})
        if obj.survey_id not in cache:
            cache[obj.survey_id] = risk_classes_for_round(obj.survey)
        classes: RiskClasses = cache[obj.survey_id]
        return classes

    def get_class_label(self, obj: AreaRisk) -> str:
        """Label of the final class (Indonesian, as the round's method version names it)."""
        return self._classes(obj).label(self.get_final_class(obj))

    def get_class_colour(self, obj: AreaRisk) -> str:
        """Colour of the final class (#rrggbb) in the round's method version."""
        return self._classes(obj).colour(self.get_final_class(obj))


class SasaranSerializer(serializers.ModelSerializer[KklNode]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="plan.region.code", read_only=True)
    plan_first_year = serializers.IntegerField(source="plan.first_year", read_only=True)
    targets = serializers.DictField(child=serializers.FloatField(allow_null=True), read_only=True)

    class Meta:
        model = KklNode
        fields = [
            "id",
            "kabkota",
            "plan_first_year",
            "subsector",
            "text",
            "indicator",
            "baseline_value",
            "baseline_year",
            "targets",
        ]


class ProgrammeRowSerializer(serializers.ModelSerializer[ProgrammeRow]):  # type: ignore[misc,unused-ignore]
    kabkota = serializers.CharField(source="plan.region.code", read_only=True)
    plan_first_year = serializers.IntegerField(source="plan.first_year", read_only=True)
    lokasi = serializers.CharField(source="lokasi.code", default=None, read_only=True)
    total = serializers.IntegerField(read_only=True)

    class Meta:
        model = ProgrammeRow
        fields = [
            "id",
            "kabkota",
            "plan_first_year",
            "subsector",
            "program_code",
            "program",
            "kegiatan_code",
            "kegiatan",
            "kategori",
            "sidlacom",
            "lokasi",
            "volume",
            "unit",
            "amount_1",
            "amount_2",
            "amount_3",
            "amount_4",
            "amount_5",
            "total",
            "source",
            "opd",
            "priority",
            "status",
        ]
