from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    name = "ppsp.cycles"
    label = "cycles"
    verbose_name = _("Pemutakhiran SSK")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.cycles.models import CycleProcess, UpdateCycle

        register(UpdateCycle, Permission.VIEW_CYCLES, "region.code")
        register(CycleProcess, Permission.VIEW_CYCLES, "cycle.region.code")
