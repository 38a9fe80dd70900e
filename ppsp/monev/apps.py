from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonevConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ppsp.monev"
    verbose_name = _("Monitoring dan evaluasi")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.monev.models import Report

        register(Report, Permission.VIEW_MONEV, "region.code", include_region_events=False)
