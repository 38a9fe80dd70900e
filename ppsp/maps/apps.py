from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    name = "ppsp.maps"
    label = "maps"
    verbose_name = _("Peta area berisiko")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.maps.models import BoundarySet

        # whoever may see the kab/kota's map may see its history
        register(BoundarySet, Permission.VIEW_EHRA, "region.code")
