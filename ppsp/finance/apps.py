from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "ppsp.finance"
    label = "finance"
    verbose_name = _("Kemampuan keuangan daerah")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.finance import selectors

        register(
            "finance.fiscalcapacity",
            selectors.get_capacity_by_id_for_user,
            lambda capacity: capacity.region.code,
        )
