from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ppsp.core"
    label = "core"
