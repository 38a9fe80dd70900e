from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ppsp.regions"
    label = "regions"
    verbose_name = _("Wilayah")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.regions import selectors

        register(
            "regions.region",
            selectors.get_region_by_id_for_user,
            lambda region: region.code,
            include_region_events=True,
        )
        register(
            "regions.population",
            selectors.get_population_for_user,
            lambda population: population.region.code,
        )
