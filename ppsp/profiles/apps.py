from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProfilesConfig(AppConfig):
    name = "ppsp.profiles"
    label = "profiles"
    verbose_name = _("Profil desa (Form 2) dan kemajuan SSK")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.profiles import selectors

        register(
            "profiles.desaprofile",
            selectors.get_profile_by_id_for_user,
            lambda profile: profile.desa.code,
        )
        register(
            "profiles.legacydocument",
            selectors.get_legacy_by_id_for_user,
            lambda doc: doc.region.code,
        )
