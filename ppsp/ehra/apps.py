from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EhraConfig(AppConfig):
    name = "ppsp.ehra"
    label = "ehra"
    verbose_name = _("Studi EHRA dan area berisiko")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.ehra import selectors

        register(
            "ehra.surveyround",
            selectors.get_round_by_id_for_user,
            lambda survey: survey.region.code,
        )
        register(
            "ehra.household",
            selectors.get_household_by_id_for_user,
            lambda household: household.desa.code,
        )
        register(
            "ehra.arearisk",
            selectors.get_area_by_id_for_user,
            lambda area: area.desa.code,
        )
