"""Take the approval snapshot of approved versions that have none (approved before
snapshots existed). Idempotent; the snapshot records the data of the version's own
period as they are now, and the audit row says so."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from ppsp.docgen.services.snapshot import snapshot_take
from ppsp.documents.models import DocumentVersion, Status


class Command(BaseCommand):
    help = "Simpan snapshot versi disahkan yang belum memilikinya (idempoten)."

    def handle(self, *args: Any, **options: Any) -> None:
        missing = DocumentVersion.objects.filter(
            status=Status.APPROVED, snapshot__isnull=True
        ).select_related("document__region", "document__method_version")
        made = 0
        for version in missing:
            with transaction.atomic():
                snapshot_take(version=version, by=None)
            made += 1
        self.stdout.write(f"Snapshot baru: {made}.")
