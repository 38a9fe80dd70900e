from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.exchange.models import FieldMapping


@admin.register(FieldMapping)
class FieldMappingAdmin(AuditedAdmin):
    list_display = ("system", "target", "header", "required")
    list_filter = ("system",)
    search_fields = ("header", "aliases", "target")
