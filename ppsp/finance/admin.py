from typing import Any

from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.finance.models import BelanjaOpd, FiscalCapacity, HistoryYear, PlanYear


class BelanjaInline(admin.TabularInline[Any, Any]):
    model = BelanjaOpd
    extra = 0


class HistoryInline(admin.TabularInline[Any, Any]):
    model = HistoryYear
    extra = 0


class PlanInline(admin.TabularInline[Any, Any]):
    model = PlanYear
    extra = 0


@admin.register(FiscalCapacity)
class FiscalCapacityAdmin(AuditedAdmin):
    list_display = ("region", "fiscal_year", "growth_method", "komitmen_mode", "updated_at")
    list_filter = ("fiscal_year", "growth_method", "komitmen_mode")
    search_fields = ("region__name", "region__code")
    raw_id_fields = ("region",)
    inlines = [BelanjaInline, HistoryInline, PlanInline]
