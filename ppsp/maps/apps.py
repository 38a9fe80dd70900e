from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "ppsp.maps"
    label = "maps"
    verbose_name = _("Peta area berisiko")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.maps import selectors

        register(
            "maps.boundaryset",
            selectors.get_boundary_set_by_id_for_user,
            lambda boundary_set: boundary_set.region.code,
        )
