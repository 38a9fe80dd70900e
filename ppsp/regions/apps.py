from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "ppsp.regions"
    label = "regions"
    verbose_name = _("Wilayah")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.regions.models import Population, Region

        register(Region, Permission.VIEW_REGION, "code", include_region_events=True)
        register(Population, Permission.VIEW_REGION, "region.code")
