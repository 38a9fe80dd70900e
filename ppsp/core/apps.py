from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ppsp.core"
    label = "core"

    def ready(self) -> None:
        # django.contrib.admin comes first in INSTALLED_APPS, so every admin module has been
        # autodiscovered by now: make the third-party admins audited as well.
        from django.contrib import admin

        from ppsp.core import checks  # noqa: F401  (registers the deployment checks)
        from ppsp.core.admin import audit_every_admin

        audit_every_admin(admin.site)
