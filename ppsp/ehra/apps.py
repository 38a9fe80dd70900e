from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EhraConfig(AppConfig):
    name = "ppsp.ehra"
    label = "ehra"
    verbose_name = _("Studi EHRA dan area berisiko")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.ehra.models import AreaRisk, Household, SurveyRound

        register(SurveyRound, Permission.VIEW_EHRA, "region.code")
        register(Household, Permission.VIEW_EHRA, "desa.code")
        register(AreaRisk, Permission.VIEW_EHRA, "desa.code")
