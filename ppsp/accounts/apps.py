from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ppsp.accounts"
    label = "accounts"
