from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonevConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ppsp.monev"
    verbose_name = _("Monitoring dan evaluasi")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.monev import selectors

        register(
            "monev.report",
            selectors.get_report_for_user,
            lambda report: report.region.code,
            include_region_events=False,
        )
