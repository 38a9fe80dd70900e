"""Writes of the exchange app: sector-system imports (atomic, audited, idempotent), jobs."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db import transaction
from django.utils import timezone

from ppsp.audit.services import audit_record
from ppsp.core import jobs
from ppsp.exchange.adapters import Parsed, parse_file
from ppsp.exchange.models import BatchStatus, ExportJob, ImportBatch, SectorFigure
from ppsp.exchange.registry import TABLES
from ppsp.regions.models import Region


def batch_upload(
    *, system: str, kabkota: Region, filename: str, content: bytes, by: Any
) -> tuple[ImportBatch, Parsed]:
    """Store an uploaded file as a draft batch and check it (the preview)."""
    parsed = parse_file(system, kabkota, filename, content)
    batch = ImportBatch.objects.create(
        system=system,
        region=kabkota,
        filename=filename[:200],
        content=content,
        checksum=hashlib.sha256(content).hexdigest(),
        rows_total=parsed.rows,
        errors=parsed.errors,
        status=BatchStatus.FAILED if parsed.errors else BatchStatus.DRAFT,
        created_by=by,
    )
    return batch, parsed


@transaction.atomic
def batch_import(*, batch: ImportBatch, by: Any) -> ImportBatch:
    """Import a previewed batch all or nothing; re-importing the same figures changes none."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != BatchStatus.DRAFT:
        return batch
    parsed = parse_file(batch.system, batch.region, batch.filename, bytes(batch.content))
    if parsed.errors:
        batch.status, batch.errors = BatchStatus.FAILED, parsed.errors
        batch.save(update_fields=["status", "errors"])
        return batch
    existing = {
        (f.region_id, f.year, f.indicator, f.key): f
        for f in SectorFigure.objects.filter(
            source_system=batch.system,
            region_id__in={f.region_id for f in parsed.figures},
            indicator__in={f.indicator for f in parsed.figures},
        )
    }
    created: list[SectorFigure] = []
    changed: list[SectorFigure] = []
    unchanged = 0
    for figure in {(f.region_id, f.year, f.indicator, f.key): f for f in parsed.figures}.values():
        old = existing.get((figure.region_id, figure.year, figure.indicator, figure.key))
        if old is None:
            created.append(
                SectorFigure(
                    region_id=figure.region_id,
                    year=figure.year,
                    indicator=figure.indicator,
                    key=figure.key,
                    value=figure.value,
                    source_system=batch.system,
                    batch=batch,
                )
            )
        elif old.value != figure.value:
            old.value, old.batch = figure.value, batch
            changed.append(old)
        else:
            unchanged += 1
    SectorFigure.objects.bulk_create(created, batch_size=1000)
    SectorFigure.objects.bulk_update(changed, ["value", "batch"], batch_size=1000)
    batch.status, batch.imported_at = BatchStatus.DONE, timezone.now()
    batch.created, batch.updated, batch.unchanged = len(created), len(changed), unchanged
    batch.save(update_fields=["status", "imported_at", "created", "updated", "unchanged"])
    audit_record(
        actor=by,
        obj=batch,
        action="import",
        changes=[
            {"field": "baru", "old": None, "new": batch.created},
            {"field": "diperbarui", "old": None, "new": batch.updated},
            {"field": "tidak berubah", "old": None, "new": batch.unchanged},
        ],
        reason=f"{batch.get_system_display()}: {batch.filename}",
        region_code=batch.region.code,
    )
    return batch


def export_job_start(*, table: str, fmt: str, region_code: str, by: Any) -> ExportJob:
    """Queue a background extract (the immediate backend runs it at once in tests)."""
    from ppsp.exchange.tasks import export_task

    job = ExportJob.objects.create(table=table, fmt=fmt, region_code=region_code, requested_by=by)
    spec = TABLES[table]
    jobs.job_enqueue(
        task=export_task,
        args=[job.pk],
        kind="ekspor",
        label=f"Ekspor {spec.label} ({fmt.upper()}) {region_code or 'nasional'}",
        region_code=region_code,
        permission=spec.permission,
        by=by,
        target=job,
        steps=2,
        on_commit=True,
    )
    return job
