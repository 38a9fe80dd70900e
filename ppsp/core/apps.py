from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ppsp.core"
    label = "core"

    def ready(self) -> None:
        from ppsp.core import checks  # noqa: F401  (registers the deployment checks)
