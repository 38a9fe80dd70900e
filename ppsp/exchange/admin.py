from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.exchange.models import FieldMapping, RealisationMapping


@admin.register(FieldMapping)
class FieldMappingAdmin(AuditedAdmin):
    list_display = ("system", "target", "header", "required")
    list_filter = ("system",)
    search_fields = ("header", "aliases", "target")


@admin.register(RealisationMapping)
class RealisationMappingAdmin(AuditedAdmin):
    list_display = ("code", "label", "system", "target", "kind", "priority")
    list_filter = ("system", "target")
    search_fields = ("code", "label", "match")
