from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "ppsp.profiles"
    label = "profiles"
    verbose_name = _("Profil desa (Form 2) dan kemajuan SSK")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.profiles.models import DesaProfile, LegacyDocument

        register(DesaProfile, Permission.VIEW_REGION, "desa.code")
        register(LegacyDocument, Permission.VIEW_DOCUMENTS, "region.code")
