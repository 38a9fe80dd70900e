from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocgenConfig(AppConfig):
    name = "ppsp.docgen"
    label = "docgen"
    verbose_name = _("Penyusunan dokumen BPS, SSK dan MPS")
