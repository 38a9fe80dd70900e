from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MpsConfig(AppConfig):
    name = "ppsp.mps"
    label = "mps"
    verbose_name = _("Program, kegiatan dan MPS (Proses 4)")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.mps.models import FundingCommitment, Plan, ProgrammeRow

        register(Plan, Permission.VIEW_MPS, "region.code")
        register(ProgrammeRow, Permission.VIEW_MPS, "plan.region.code")
        register(FundingCommitment, Permission.VIEW_MPS, "row.plan.region.code")
