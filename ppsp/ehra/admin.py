from django.contrib import admin

from ppsp.core.admin import AuditedAdmin
from ppsp.ehra.models import SurveyRound


@admin.register(SurveyRound)
class SurveyRoundAdmin(AuditedAdmin):
    list_display = ("region", "year", "method", "computed_at")
    list_filter = ("year",)
    raw_id_fields = ("region", "created_by")
