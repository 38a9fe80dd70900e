"""Writes for participation and stage records (audited, atomic)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from ppsp.audit.refusals import audits_refusals
from ppsp.audit.services import audited_update
from ppsp.core.workflow import Context
from ppsp.programme.models import Participation, Phase, Stage, StageRecord, StageStatus
from ppsp.programme.participants_file import ParticipantRow
from ppsp.programme.transitions import ACTION_LABELS, WORKFLOW, StageAction
from ppsp.regions.models import Level, Region

_PARTICIPATION_FIELDS = ("cohort_year", "phase")
_RECORD_FIELDS = ("start_date", "end_date", "due_date", "evidence", "note")


def phase_for_year(year: int) -> Phase | None:
    return Phase.objects.filter(start_year__lte=year, end_year__gte=year).first()


@transaction.atomic
def participation_upsert(
    *, region: Region, cohort_year: int, by: Any, reason: str = ""
) -> tuple[Participation, bool]:
    """Create or update the participation of a kab/kota; returns (object, changed)."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Kepesertaan PPSP dicatat per kabupaten/kota."})
    participation = Participation.objects.filter(region=region).first()
    created = participation is None
    if participation is None:
        participation = Participation(region=region)
    with audited_update(
        participation,
        _PARTICIPATION_FIELDS,
        actor=by,
        created=created,
        reason=reason,
        region_code=region.code,
    ) as change:
        participation.cohort_year = cohort_year
        participation.phase = phase_for_year(cohort_year)
        participation.full_clean()
        if not created and not change.pending():
            return participation, False
        participation.save()
    return participation, True


def sync_current_stage(participation: Participation) -> None:
    """Current stage = the highest-numbered stage that has started; else the first recorded."""
    records = participation.stage_records.select_related("stage")
    started = records.exclude(status=StageStatus.BELUM_MULAI).order_by(
        "-stage__number", "-start_date", "-id"
    )
    current = started.first() or records.order_by("stage__number", "id").first()
    stage_id = current.stage_id if current else None
    status = current.status if current else ""
    if (participation.current_stage_id, participation.current_status) != (stage_id, status):
        participation.current_stage_id = stage_id
        participation.current_status = status
        participation.save(update_fields=["current_stage", "current_status", "updated_at"])


@transaction.atomic
def stage_record_create(
    *,
    participation: Participation,
    stage: Stage,
    by: Any,
    start_date: dt.date | None = None,
    due_date: dt.date | None = None,
    evidence: UploadedFile | None = None,
    note: str = "",
    status: str = StageStatus.BELUM_MULAI,
    reason: str = "",
) -> StageRecord:
    """A new stage record (status 'belum mulai'; imports may record one already running)."""
    record = StageRecord(
        participation=participation,
        stage=stage,
        start_date=start_date,
        due_date=due_date,
        note=note,
        status=status,
        recorded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if evidence:
        record.evidence = evidence
    with audited_update(
        record,
        ("stage", "status", *_RECORD_FIELDS),
        actor=by,
        created=True,
        reason=reason,
        region_code=participation.region.code,
    ):
        record.full_clean()
        record.save()
    sync_current_stage(participation)
    return record


@transaction.atomic
def stage_record_update(
    *, record: StageRecord, by: Any, reason: str = "", **values: Any
) -> StageRecord:
    """Change dates, evidence or note (never the status: that is a transition)."""
    unknown = set(values) - set(_RECORD_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    with audited_update(
        record,
        _RECORD_FIELDS,
        actor=by,
        reason=reason,
        region_code=record.participation.region.code,
    ) as change:
        for name, value in values.items():
            if name == "evidence" and not value:
                continue  # keep the stored file when no new one is uploaded
            setattr(record, name, value)
        record.full_clean()
        if change.pending():
            record.save()
    return record


@audits_refusals
@transaction.atomic
def stage_record_transition(
    *, obj: StageRecord, action: str, by: Any, on: dt.date | None = None, reason: str = ""
) -> StageRecord:
    """Apply one workflow action (table in `transitions.py`); audited as a transition.

    Refused with a ValidationError when the action is not allowed from the current status or
    when `by` lacks the permission the table names for the record's kab/kota.
    """
    day = on or timezone.localdate()

    def apply(ctx: Context) -> None:
        record = ctx.obj
        if action == StageAction.MULAI and record.start_date is None:
            record.start_date = day
        if action == StageAction.SELESAIKAN and record.end_date is None:
            record.end_date = max(day, record.start_date) if record.start_date else day
        if action == StageAction.BUKA_KEMBALI:
            record.end_date = None

    record: StageRecord = WORKFLOW.transition(
        obj,
        action,
        by,
        reason=reason,
        apply=apply,
        audit_fields=("start_date", "end_date"),
        audit_reason=reason or str(ACTION_LABELS.get(action, action)),
    )
    sync_current_stage(record.participation)
    obj.refresh_from_db()
    return record


@transaction.atomic
def participants_import(
    *, rows: Sequence[ParticipantRow], filename: str, by: Any
) -> dict[str, int]:
    """Save parsed participant rows; idempotent (a re-import changes nothing).

    Each row sets the kab/kota's cohort (and phase) and makes sure a stage record of its
    current stage exists (recorded as running). Call only with rows free of errors; the
    whole import is one transaction.
    """
    regions = {
        r.code: r
        for r in Region.objects.filter(level=Level.KABKOTA, code__in=[row.code for row in rows])
    }
    stages = {s.number: s for s in Stage.objects.all()}
    reason = f"Impor daftar peserta dari {filename}"
    counts = {"created": 0, "updated": 0, "unchanged": 0, "stage_records": 0}
    for row in rows:
        existed = Participation.objects.filter(region=regions[row.code]).exists()
        participation, changed = participation_upsert(
            region=regions[row.code], cohort_year=row.cohort_year, by=by, reason=reason
        )
        key = "unchanged" if not changed else ("updated" if existed else "created")
        counts[key] += 1
        stage = stages[row.stage_number]
        if not participation.stage_records.filter(stage=stage).exists():
            stage_record_create(
                participation=participation,
                stage=stage,
                status=StageStatus.BERJALAN,
                by=by,
                reason=reason,
            )
            counts["stage_records"] += 1
    return counts
