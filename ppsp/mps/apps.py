from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MpsConfig(AppConfig):
    name = "ppsp.mps"
    label = "mps"
    verbose_name = _("Program, kegiatan dan MPS (Proses 4)")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.mps import selectors

        register("mps.plan", selectors.get_plan_for_user, lambda plan: plan.region.code)
        register("mps.programmerow", selectors.get_row_for_user, lambda row: row.plan.region.code)
        register(
            "mps.fundingcommitment",
            selectors.get_commitment_for_user,
            lambda c: c.row.plan.region.code,
        )
