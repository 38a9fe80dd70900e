from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "ppsp.finance"
    label = "finance"
    verbose_name = _("Kemampuan keuangan daerah")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.finance.models import FiscalCapacity

        register(FiscalCapacity, Permission.VIEW_PLANNING, "region.code")
