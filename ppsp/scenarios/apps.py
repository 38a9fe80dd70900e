from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    name = "ppsp.scenarios"
    label = "scenarios"
    verbose_name = _("Skenario pembangunan sanitasi")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.cycles import prerequisites
        from ppsp.scenarios import selectors
        from ppsp.scenarios.models import Scenario

        register(Scenario, Permission.VIEW_PLANNING, "region.code")
        prerequisites.register(3, selectors.proses3_problems)
