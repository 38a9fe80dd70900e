from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ppsp.demo"
    label = "demo"
