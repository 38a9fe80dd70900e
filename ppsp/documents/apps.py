from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "ppsp.documents"
    label = "documents"
    verbose_name = _("Dokumen BPS, SSK dan MPS")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.core.permissions import Permission
        from ppsp.documents import freeze_keys
        from ppsp.documents.models import Document, DocumentVersion

        freeze_keys.register_all()
        from django.contrib import admin

        from ppsp.core.freeze import lock_admin

        lock_admin(admin.site)

        register(Document, Permission.VIEW_DOCUMENTS, "region.code")
        register(DocumentVersion, Permission.VIEW_DOCUMENTS, "document.region.code")
