"""Writes of the EHRA survey: rounds, submission imports (atomic, idempotent), review."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ppsp.audit.models import Action, AuditEvent
from ppsp.audit.refusals import audits_refusals
from ppsp.audit.services import audit_event, audit_record, audit_record_many
from ppsp.compute.questionnaire_2021 import ACCEPTED_OLDER_VERSIONS, EHRA_2021
from ppsp.core import jobs
from ppsp.core.access import require_permission
from ppsp.core.actors import user_of
from ppsp.core.freeze import ensure_not_frozen, frozen_by
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context
from ppsp.ehra.arrays import households_from_answers, missing_required, skip_logic_problems
from ppsp.ehra.config import approved_config
from ppsp.ehra.models import Household, ImportRun, ImportStatus, ReviewState, SurveyRound
from ppsp.ehra.submissions_file import instance_id, parse_submissions
from ppsp.ehra.submissions_pull import PullSource, env_token, pull_records
from ppsp.ehra.workflow import NEEDS_NOTE, WORKFLOW, next_state
from ppsp.regions.models import Level, Region

PROGRESS_EVERY = 500


require = require_permission
"""PermissionDenied unless the user holds the permission in the region (``by=None``: system)."""


@transaction.atomic
def round_create(*, region: Region, year: int, by: Any) -> SurveyRound:
    """Open the EHRA round of a kab/kota for a year."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Studi EHRA dibuka per kabupaten/kota."})
    require(by, Permission.RUN_EHRA, region.code)
    if SurveyRound.objects.filter(region=region, year=year).exists():
        raise ValidationError({"year": f"Studi EHRA tahun {year} sudah dibuka."})
    survey = SurveyRound(region=region, year=year, created_by=user_of(by), config=approved_config())
    survey.full_clean()
    survey.save()
    audit_record(
        actor=by,
        obj=survey,
        action=Action.CREATE,
        changes=[{"field": "year", "old": None, "new": year}],
        region_code=region.code,
    )
    return survey


def recompute_later(survey: SurveyRound) -> None:
    """Inputs changed: once a round has results, recompute them by a task after commit."""
    if survey.computed_at is None or frozen_by(survey) is not None:
        return  # a round bound by an approved document keeps its approved results
    round_compute_start(survey=survey, by=None, on_commit=True)


def round_compute_start(*, survey: SurveyRound, by: Any, on_commit: bool = False) -> None:
    """Queue the IRS / area berisiko computation of a round as a tracked background job."""
    from ppsp.ehra.tasks import compute_round_task

    user = user_of(by)
    jobs.job_enqueue(
        task=compute_round_task,
        args=[survey.pk, user.pk if user else None],
        kind="hitung-ehra",
        label=f"Hitung IRS dan area berisiko EHRA {survey.year}",
        region_code=survey.region.code,
        permission=Permission.VIEW_EHRA,
        cancel_permission=Permission.RUN_EHRA,
        by=by,
        target=survey,
        result_url=reverse("ehra:irs", kwargs={"pk": survey.pk}),
        result_select="#irs-results",
        on_commit=on_commit,
    )


def recompute_kabkota_later(kabkota_code: str) -> None:
    """Form 2 of a kab/kota changed: recompute its computed rounds by a task after commit."""
    for survey in SurveyRound.objects.filter(region__code=kabkota_code, computed_at__isnull=False):
        recompute_later(survey)


def import_start(*, survey: SurveyRound, filename: str, content: bytes, by: Any) -> ImportRun:
    """Store the file as an ImportRun and queue the import task."""
    require(by, Permission.RUN_EHRA, survey.region.code)
    ensure_not_frozen(survey)
    run = ImportRun.objects.create(
        survey=survey, filename=filename[:200], content=content, created_by=user_of(by)
    )
    from ppsp.ehra.tasks import import_submissions_task

    jobs.job_enqueue(
        task=import_submissions_task,
        args=[run.pk],
        kind="impor-ehra",
        label=f"Impor data EHRA {run.filename}",
        region_code=survey.region.code,
        permission=Permission.VIEW_EHRA,
        cancel_permission=Permission.RUN_EHRA,
        by=by,
        target=run,
        steps=2,
        result_url=reverse("ehra:import_run", kwargs={"pk": run.pk}),
        result_select="#import-result",
        on_commit=True,
    )
    return run


def import_run(run_id: int, tracker: jobs.Tracker | None = None) -> ImportRun:
    """Parse and save one import: nothing is saved when any row is bad; re-import skips ids.

    Two steps reported to ``tracker`` (read and check, save); cancelling stops between them.
    """
    tracker = tracker or jobs.Tracker(None)
    tracker.step(1, "Membaca dan memeriksa berkas", count=2)
    run = ImportRun.objects.select_related("survey__region", "created_by").get(pk=run_id)
    run.status = ImportStatus.RUNNING
    run.save(update_fields=["status"])
    survey = run.survey
    desa = dict(
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA).values_list(
            "code", "pk"
        )
    )
    rows, errors = parse_submissions(
        run.filename,
        bytes(run.content),
        definition=EHRA_2021,
        desa_codes=desa.keys(),
        accepted_versions=ACCEPTED_OLDER_VERSIONS,
    )
    run.rows_total = len(rows) + len({e.row for e in errors})
    if errors:
        run.errors = [str(e) for e in errors]
        run.status = ImportStatus.FAILED
        run.finished_at = timezone.now()
        run.save(update_fields=["errors", "status", "finished_at", "rows_total"])
        return run
    run.save(update_fields=["rows_total"])  # progress: rows read, now saving
    tracker.step(2, "Menyimpan rekaman", count=2)
    with transaction.atomic():
        existing = _existing_ids(survey, [r.submission_id for r in rows])
        fresh = [r for r in rows if r.submission_id not in existing]
        records = [r.answers for r in fresh]
        arrays = households_from_answers(EHRA_2021, records, [0] * len(fresh), 1)
        checks = [
            _problem_note(skipped, missing)
            for skipped, missing in zip(
                skip_logic_problems(EHRA_2021, arrays),
                missing_required(EHRA_2021, records, arrays),
                strict=True,
            )
        ]
        for start in range(0, len(fresh), PROGRESS_EVERY):
            Household.objects.bulk_create(
                Household(
                    survey=survey,
                    submission_id=r.submission_id,
                    desa_id=desa[r.desa_code],
                    rt=r.rt,
                    answers=r.answers,
                    import_run=run,
                    state=ReviewState.HAS_ISSUES if found else ReviewState.RECEIVED,
                    note=found,
                )
                for r, found in zip(
                    fresh[start : start + PROGRESS_EVERY],
                    checks[start : start + PROGRESS_EVERY],
                    strict=True,
                )
            )
        run.created = len(fresh)
        run.skipped = len(rows) - len(fresh)
        run.rows_done = len(rows)
        run.status = ImportStatus.DONE
        run.finished_at = timezone.now()
        run.errors = []
        run.save()
        audit_record(
            actor=run.created_by,
            obj=survey,
            action=Action.IMPORT,
            changes=[{"field": "households", "old": None, "new": f"+{run.created}"}],
            reason=f"Impor {run.filename}: {run.created} baru, {run.skipped} sudah ada",
            region_code=survey.region.code,
        )
    return run


def _existing_ids(survey: SurveyRound, ids: list[str]) -> set[str]:
    """Ids (without ``uuid:``) already in the round, whichever form an older import stored."""
    found: set[str] = set()
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        stored = Household.objects.filter(
            survey=survey, submission_id__in=[*chunk, *(f"uuid:{i}" for i in chunk)]
        ).values_list("submission_id", flat=True)
        found |= {instance_id(s) for s in stored}
    return found


def _problem_note(skipped: list[str], missing: list[str]) -> str:
    parts = []
    if missing:
        parts.append(f"Wajib diisi tetapi kosong: {', '.join(missing)}")
    if skipped:
        parts.append(f"Dijawab padahal dilewati menurut alur kuesioner: {', '.join(skipped)}")
    return "; ".join(parts)[:300]


def _review(household: Household, action: str, note: str, by: Any) -> Household:
    def apply(ctx: Context) -> None:
        record = ctx.obj
        record.note = note.strip()[:300] if note.strip() else record.note
        record.reviewed_by = user_of(by)
        record.reviewed_at = timezone.now()

    reviewed: Household = WORKFLOW.transition(
        household, action, by, reason=note, apply=apply, audit_reason=note.strip()
    )
    return reviewed


@audits_refusals
@transaction.atomic
def household_review(*, household: Household, action: str, note: str = "", by: Any) -> Household:
    """Move one record through the review table (`workflow.WORKFLOW`; audited)."""
    _review(household, action, note, by)
    recompute_later(household.survey)
    return household


@transaction.atomic
def households_bulk_review(
    *, survey: SurveyRound, ids: list[int], action: str, note: str = "", by: Any
) -> int:
    """Apply one action to the chosen records of a round; all or nothing; one audit row each.

    Bulk: one UPDATE and one INSERT of audit rows, whatever the number of records.
    """
    require(by, Permission.REVIEW_EHRA, survey.region.code)
    ensure_not_frozen(survey)
    if action in NEEDS_NOTE and not note.strip():
        raise ValidationError({"note": "Tuliskan catatan masalah atau alasan penolakan."})
    chosen = list(
        Household.objects.select_for_update()
        .filter(survey=survey, pk__in=ids)
        .only("pk", "state", "submission_id", "desa_id", "note")
    )
    codes = dict(
        Region.objects.filter(pk__in={h.desa_id for h in chosen}).values_list("pk", "code")
    )
    now = timezone.now()
    events: list[AuditEvent] = []
    for household in chosen:
        step = next_state(household.state, action)
        if step is None:
            raise ValidationError(
                f"{household.submission_id}: tindakan tidak dapat dilakukan pada status "
                f"'{household.state}'."
            )
        old = household.state
        household.state = step[0]
        household.reviewed_by = user_of(by)
        household.reviewed_at = now
        if note.strip():
            household.note = note.strip()[:300]
        events.append(
            audit_event(
                actor=by,
                obj=household,
                action=Action.TRANSITION,
                changes=[{"field": "state", "old": old, "new": household.state}],
                reason=note.strip(),
                region_code=codes[household.desa_id],
            )
        )
    Household.objects.bulk_update(chosen, ["state", "reviewed_by", "reviewed_at", "note"])
    audit_record_many(events)
    recompute_later(survey)
    return len(chosen)


def import_pull(*, survey: SurveyRound, source: PullSource, token: str, by: Any) -> ImportRun:
    """Pull the submissions of a Kobo/ODK form now and import them like a file (a task).

    The token is used for this pull only and is not stored; the pulled records are
    stored as the run's content (JSON) so the import is reproducible.
    """
    require(by, Permission.RUN_EHRA, survey.region.code)
    records = pull_records(source, token or env_token(source.kind))
    content = json.dumps(records, ensure_ascii=False).encode("utf-8")
    return import_start(survey=survey, filename=source.filename(), content=content, by=by)
