from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ppsp.core.admin import AuditedAdmin
from ppsp.ehra.models import RiskMethodConfig, SurveyRound


@admin.register(SurveyRound)
class SurveyRoundAdmin(AuditedAdmin):
    list_display = ("region", "year", "method", "computed_at")
    list_filter = ("year",)
    raw_id_fields = ("region", "created_by")


@admin.register(RiskMethodConfig)
class RiskMethodConfigAdmin(AuditedAdmin):
    """Values of a draft are edited here; approval is on the EHRA configuration page."""

    list_display = ("version", "status", "approved_name", "approved_at")
    readonly_fields = (
        "version",
        "status",
        "created_by",
        "approved_by",
        "approved_name",
        "approved_at",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # new versions are drafts copied on the configuration page

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.approved:
            return False  # approved versions are frozen
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
