from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocgenConfig(AppConfig):
    name = "ppsp.docgen"
    label = "docgen"
    verbose_name = _("Penyusunan dokumen BPS, SSK dan MPS")

    def ready(self) -> None:
        from ppsp.docgen.services.snapshot import revision_copy, snapshot_take
        from ppsp.documents.services import APPROVAL_HOOKS, REVISION_HOOKS

        if snapshot_take not in APPROVAL_HOOKS:
            APPROVAL_HOOKS.append(snapshot_take)
        if revision_copy not in REVISION_HOOKS:
            REVISION_HOOKS.append(revision_copy)
