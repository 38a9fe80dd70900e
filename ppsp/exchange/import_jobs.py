"""Sector-system imports as background jobs (see ``ppsp.core.upload_jobs``): one checks
the file into a draft batch and keeps its preview, one imports the batch."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ppsp.core.models import UploadedImport
from ppsp.core.upload_jobs import SUCCESS, Outcome, pack, unpack
from ppsp.regions.models import Level, Region

CHECK = "ppsp.exchange.import_jobs.sector_check"
COMMIT = "ppsp.exchange.import_jobs.sector_commit"
PREVIEW_ROWS = 200


def sector_check(upload: Any, tracker: Any) -> Outcome:
    """Parse and check the file; store it as a draft (or failed) batch with its errors."""
    from ppsp.exchange import services

    kabkota = Region.objects.get(code=upload.region_code, level=Level.KABKOTA)
    batch, parsed = services.batch_upload(
        system=upload.params["system"],
        kabkota=kabkota,
        filename=upload.filename,
        content=bytes(upload.content),
        by=upload.created_by,
    )
    outcome = Outcome(
        preview={
            "batch": batch.pk,
            "figures": pack(parsed.figures[:PREVIEW_ROWS]),
            "count": len(parsed.figures),
        },
        next=reverse("exchange:batch", args=[batch.pk]),
    )
    if parsed.errors:
        outcome.ok = False  # the batch page lists every error
    return outcome


def preview(batch: Any) -> tuple[list[Any], int]:
    """The kept preview figures of a draft batch and their total count."""
    from ppsp.exchange.adapters import Figure

    upload = (
        UploadedImport.objects.filter(handler=CHECK, result__preview__batch=batch.pk)
        .only("result")
        .first()
    )
    stored = (upload.result.get("preview") if upload else None) or {}
    figures = [Figure(**unpack(f)) for f in stored.get("figures", [])]
    return figures, int(stored.get("count", 0))


def sector_commit(upload: Any, tracker: Any) -> Outcome:
    """Import the previewed batch all or nothing (its file is read again)."""
    from ppsp.exchange import services
    from ppsp.exchange.models import BatchStatus, ImportBatch

    batch = ImportBatch.objects.get(pk=upload.params["batch"])
    batch = services.batch_import(batch=batch, by=upload.created_by)
    outcome = Outcome(next=reverse("exchange:batch", args=[batch.pk]))
    if batch.status == BatchStatus.FAILED:
        outcome.ok = False  # the batch page lists every error
    elif batch.status == BatchStatus.DONE:
        outcome.add(
            SUCCESS,
            _("%(c)d angka baru, %(u)d diperbarui, %(n)d tidak berubah.")
            % {"c": batch.created, "u": batch.updated, "n": batch.unchanged},
        )
    return outcome
