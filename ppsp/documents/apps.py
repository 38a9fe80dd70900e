from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "ppsp.documents"
    label = "documents"
    verbose_name = _("Dokumen BPS, SSK dan MPS")

    def ready(self) -> None:
        from ppsp.audit.views import register
        from ppsp.documents import freeze_keys, selectors

        freeze_keys.register_all()
        from django.contrib import admin

        from ppsp.core.freeze import lock_admin

        lock_admin(admin.site)

        register(
            "documents.document",
            selectors.get_document_by_id_for_user,
            lambda document: document.region.code,
        )
        register(
            "documents.documentversion",
            selectors.get_version_by_id_for_user,
            lambda version: version.document.region.code,
        )
