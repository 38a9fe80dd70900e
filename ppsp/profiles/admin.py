from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.profiles.models import DesaProfile, LegacyTarget


@admin.register(DesaProfile)
class DesaProfileAdmin(AuditedAdmin):
    list_display = ("desa", "year", "luas_administratif", "luas_terbangun", "cbd")
    list_filter = ("year",)
    raw_id_fields = ("desa",)


@admin.register(LegacyTarget)
class LegacyTargetAdmin(AuditedAdmin):
    list_display = ("name", "document", "baseline", "target", "target_year")
