from typing import Any

from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.scenarios.models import (
    NationalTarget,
    OptimisationJob,
    OptimisationRun,
    Scenario,
    ScenarioLine,
    SourceCap,
    UnitCostItem,
    UnitCostTable,
    Vision,
    ZoneStage,
)


class UnitCostItemInline(admin.TabularInline[Any, Any]):
    model = UnitCostItem
    extra = 0


@admin.register(UnitCostTable)
class UnitCostTableAdmin(AuditedAdmin):
    list_display = ("code", "name", "year", "active", "based_on")
    list_filter = ("active", "year")
    inlines = [UnitCostItemInline]


class LineInline(admin.TabularInline[Any, Any]):
    model = ScenarioLine
    extra = 0
    fk_name = "scenario"
    raw_id_fields = ("unit_cost", "requires")


class CapInline(admin.TabularInline[Any, Any]):
    model = SourceCap
    extra = 0


@admin.register(Scenario)
class ScenarioAdmin(AuditedAdmin):
    list_display = ("name", "region", "fiscal_year", "chosen", "created_at")
    list_filter = ("fiscal_year", "chosen")
    search_fields = ("name", "region__name", "region__code")
    raw_id_fields = ("region",)
    inlines = [LineInline, CapInline]


@admin.register(OptimisationRun)
class OptimisationRunAdmin(AuditedAdmin):
    list_display = ("scenario", "ran_at", "value", "optimal", "manual_value")
    raw_id_fields = ("scenario",)


@admin.register(NationalTarget)
class NationalTargetAdmin(AuditedAdmin):
    list_display = ("code", "subsector", "indicator", "value", "year", "direction", "active")
    list_filter = ("subsector", "active")


@admin.register(Vision)
class VisionAdmin(AuditedAdmin):
    list_display = ("region", "fiscal_year", "updated_at")
    raw_id_fields = ("region",)


@admin.register(ZoneStage)
class ZoneStageAdmin(AuditedAdmin):
    list_display = ("scenario", "subsector", "zone", "stage_medium", "stage_long")
    raw_id_fields = ("scenario",)


@admin.register(OptimisationJob)
class OptimisationJobAdmin(AuditedAdmin):
    list_display = ("scenario", "status", "created_at", "finished_at")
    raw_id_fields = ("scenario", "run")
