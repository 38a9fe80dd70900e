from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.mps.forms import EVIDENCE_KINDS, MAX_EVIDENCE
from ppsp.mps.models import FundingCommitment, NomenclatureCode, Plan, ProgrammeRow, SwotFactor


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ("region", "first_year", "komitmen_apbd", "externalised_at")
    raw_id_fields = ("region",)


@admin.register(ProgrammeRow)
class ProgrammeRowAdmin(AuditedAdmin):
    list_display = ("kegiatan", "plan", "subsector", "source", "status", "priority")
    list_filter = ("subsector", "source", "status")
    raw_id_fields = ("plan", "lokasi")


@admin.register(FundingCommitment)
class FundingCommitmentAdmin(AuditedAdmin):
    list_display = ("row", "party", "year", "amount", "status")
    raw_id_fields = ("row", "recorded_by")
    upload_rules = {"evidence_file": (EVIDENCE_KINDS, MAX_EVIDENCE)}


@admin.register(SwotFactor)
class SwotFactorAdmin(AuditedAdmin):
    list_display = ("plan", "subsector", "kind", "text", "weight", "score")
    raw_id_fields = ("plan",)


@admin.register(NomenclatureCode)
class NomenclatureCodeAdmin(AuditedAdmin):
    list_display = ("code", "name", "level", "system", "urusan", "status")
    list_filter = ("system", "level", "status")
    search_fields = ("code", "name")
