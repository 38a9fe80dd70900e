from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.documents.models import (
    Document,
    DocumentFile,
    DocumentVersion,
    MethodVersion,
    RequiredTable,
)


class RequiredTableInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RequiredTable
    extra = 0


@admin.register(MethodVersion)
class MethodVersionAdmin(AuditedAdmin):
    list_display = ["code", "doc_type", "name", "year", "active"]
    list_filter = ["doc_type", "active"]
    inlines = [RequiredTableInline]


@admin.register(Document)
class DocumentAdmin(AuditedAdmin):
    list_display = ["region", "doc_type", "period_start", "period_end", "method_version"]
    list_filter = ["doc_type"]
    search_fields = ["region__code", "region__name"]
    raw_id_fields = ["region"]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(AuditedAdmin):
    # Status changes go through the workflow service only; the admin shows them read-only.
    list_display = ["document", "number", "status", "legal_number", "legal_date"]
    list_filter = ["status"]
    readonly_fields = ["status", "approved_at"]
    raw_id_fields = ["document"]


@admin.register(DocumentFile)
class DocumentFileAdmin(AuditedAdmin):
    list_display = ["version", "label", "file", "uploaded_at"]
    raw_id_fields = ["version"]
