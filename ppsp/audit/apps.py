from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ppsp.audit"
    label = "audit"
