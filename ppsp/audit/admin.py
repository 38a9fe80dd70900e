from django.contrib import admin

from ppsp.audit.models import AuditEvent
from ppsp.core.admin import AuditedAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(AuditedAdmin):
    """Read-only: the trail cannot be edited or deleted here."""

    list_display = ["at", "actor", "action", "object_type", "object_repr", "region_code"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "object_id", "region_code"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
