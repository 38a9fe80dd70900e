from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyclesConfig(AppConfig):
    name = "ppsp.cycles"
    label = "cycles"
    verbose_name = _("Pemutakhiran SSK")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.cycles import selectors

        register(
            "cycles.updatecycle",
            selectors.get_cycle_by_id_for_user,
            lambda cycle: cycle.region.code,
        )
        register(
            "cycles.cycleprocess",
            selectors.get_process_by_id_for_user,
            lambda process: process.cycle.region.code,
        )
