from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.regions.models import Population, Region


@admin.register(Region)
class RegionAdmin(AuditedAdmin):
    list_display = ["code", "name", "level", "kind"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]
    readonly_fields = ["province_code", "kabkota_code", "kecamatan_code", "search_text"]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # master data: never deleted by hand


@admin.register(Population)
class PopulationAdmin(AuditedAdmin):
    list_display = ["region", "year", "penduduk", "kk", "source"]
    list_filter = ["year"]
    search_fields = ["region__code", "region__name"]
    raw_id_fields = ["region"]
