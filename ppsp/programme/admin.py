from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.programme.forms import EVIDENCE_KINDS
from ppsp.programme.models import (
    FacilitatorAssignment,
    FacilitatorTraining,
    Opd,
    Participation,
    Phase,
    PokjaMember,
    PokjaSk,
    Stage,
    StageRecord,
)


@admin.register(Phase)
class PhaseAdmin(AuditedAdmin):
    list_display = ["name", "start_year", "end_year"]


@admin.register(Stage)
class StageAdmin(AuditedAdmin):
    list_display = ["number", "code", "name"]


@admin.register(Participation)
class ParticipationAdmin(AuditedAdmin):
    list_display = ["region", "cohort_year", "phase", "current_stage", "current_status"]
    list_filter = ["phase", "cohort_year", "current_stage"]
    search_fields = ["region__code", "region__name"]
    raw_id_fields = ["region"]
    readonly_fields = ["current_stage", "current_status"]


@admin.register(StageRecord)
class StageRecordAdmin(AuditedAdmin):
    list_display = ["participation", "stage", "status", "start_date", "end_date"]
    list_filter = ["stage", "status"]
    search_fields = ["participation__region__code", "participation__region__name"]
    raw_id_fields = ["participation", "recorded_by"]
    readonly_fields = ["status"]  # status changes only through the transition service
    upload_rules = {"evidence": (EVIDENCE_KINDS, None)}


@admin.register(Opd)
class OpdAdmin(AuditedAdmin):
    list_display = ["region", "name", "short_name"]
    search_fields = ["region__code", "name"]
    raw_id_fields = ["region"]


class PokjaMemberInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PokjaMember
    raw_id_fields = ["opd"]
    extra = 0


@admin.register(PokjaSk)
class PokjaSkAdmin(AuditedAdmin):
    list_display = ["region", "number", "date"]
    search_fields = ["region__code", "number"]
    raw_id_fields = ["region", "recorded_by"]
    inlines = [PokjaMemberInline]


@admin.register(FacilitatorAssignment)
class FacilitatorAssignmentAdmin(AuditedAdmin):
    list_display = ["user", "kind", "region", "contract_year"]
    list_filter = ["kind", "contract_year"]
    raw_id_fields = ["user", "region"]


@admin.register(FacilitatorTraining)
class FacilitatorTrainingAdmin(AuditedAdmin):
    list_display = ["user", "title", "start_date", "end_date", "organiser"]
    raw_id_fields = ["user"]
