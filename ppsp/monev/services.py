"""Writes of monev data: realisation entry, the review workflow and approval lock.

Every change is audited; an edit of a locked (submitted/approved) report is refused through
`ppsp.core.freeze` (the lock of `ppsp.monev.freeze`) and the refusal itself is audited
(written outside the refused transaction so it persists). Submission and approval store a
snapshot of the figures with its SHA-256.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.refusals import audits_refusals
from ppsp.audit.services import audit_record, audited_update
from ppsp.core import jobs
from ppsp.core.access import require_permission
from ppsp.core.freeze import Frozen, ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context
from ppsp.monev import freeze as monev_freeze
from ppsp.monev.models import (
    IndicatorRealisation,
    Report,
    ReportStatus,
    RowRealisation,
)
from ppsp.monev.workflow import ACTION_TO, WORKFLOW
from ppsp.mps.models import KklNode, ProgrammeRow
from ppsp.regions.models import Region

ROW_FIELDS = ("budget", "output", "work_status", "evidence", "na_code", "na_reason", "source_note")
INDICATOR_FIELDS = ("value", "source", "na_code", "na_reason", "source_note")
# the number whose origin `source_note` records ("STBM 2024"); typing over it clears the note
NOTED = {"row": "budget", "node": "value"}
# A write to a submitted/approved report, refused by the freeze (one message and audit).
ReportLocked = Frozen


RECOMPUTE_KIND = "agregat-monev"  # the national recompute job after an approval


require = partial(require_permission, message=None)
"""PermissionDenied unless the user holds the permission in the region (``by=None``: system)."""


@transaction.atomic
def report_open(*, region: Region, year: int, by: Any) -> Report:
    report, created = Report.objects.get_or_create(region=region, year=year)
    if created:
        audit_record(
            actor=by,
            obj=report,
            action=Action.CREATE,
            region_code=region.code,
            changes=[{"field": "year", "old": None, "new": year}],
        )
    return report


def refuse_if_locked(report: Report, by: Any, what: str = "") -> None:
    """Refuse (and audit, outside any transaction) a change of a report that is not a
    draft or returned: the one freeze refusal of `ppsp.core.freeze`."""
    report.refresh_from_db(fields=["status"])
    ensure_not_frozen(report, by=by)


@dataclass(frozen=True)
class SaveResult:
    created: int
    updated: int


def _upsert(
    model: type[RowRealisation] | type[IndicatorRealisation],
    existing: dict[int, Any],
    key: str,
    values: Mapping[int, Mapping[str, Any]],
    fields: tuple[str, ...],
    report: Report,
    by: Any,
) -> tuple[int, int]:
    created = updated = 0
    for pk, data in values.items():
        stored = existing.get(pk)
        new = stored is None
        obj = model(report=report, **{f"{key}_id": pk}) if stored is None else stored
        noted = None if new else getattr(obj, NOTED[key])
        with audited_update(
            obj, fields, actor=by, created=new, always=False, region_code=report.region.code
        ) as change:
            for field in fields:
                setattr(obj, field, data.get(field, getattr(obj, field)))
            if "source_note" not in data and noted != getattr(obj, NOTED[key]):
                obj.source_note = ""
            if not change.pending():
                continue  # nothing to save or audit
            obj.full_clean(exclude=["report", key])
            obj.save()
        created += new
        updated += not new
    return created, updated


def realisation_save(
    *,
    report: Report,
    rows: Mapping[int, Mapping[str, Any]],
    indicators: Mapping[int, Mapping[str, Any]],
    by: Any,
    action_label: str = "isian",
) -> SaveResult:
    """Create or update the given row and indicator values of a draft/returned report."""
    require(by, Permission.EDIT_MONEV, report.region.code)
    refuse_if_locked(report, by, action_label)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        ensure_not_frozen(report)  # locked meanwhile (the request's audit records it)
        _check_belongs(report, rows, indicators)
        row_existing = {r.row_id: r for r in report.row_values.all()}
        ind_existing = {i.node_id: i for i in report.indicator_values.all()}
        c1, u1 = _upsert(RowRealisation, row_existing, "row", rows, ROW_FIELDS, report, by)
        c2, u2 = _upsert(
            IndicatorRealisation, ind_existing, "node", indicators, INDICATOR_FIELDS, report, by
        )
    return SaveResult(c1 + c2, u1 + u2)


def realisation_record(
    *,
    region: Region,
    year: int,
    rows: Mapping[int, Mapping[str, Any]],
    indicators: Mapping[int, Mapping[str, Any]],
    by: Any,
    action_label: str = "isian",
) -> SaveResult:
    """Save already validated values, opening the report in the same transaction.

    A new report is created (and audited) only together with its values, so a refused or
    invalid submission leaves no empty draft behind. An existing report goes through
    `realisation_save` directly (its lock refusal is audited outside the transaction).
    """
    require(by, Permission.EDIT_MONEV, region.code)
    existing = Report.objects.filter(region=region, year=year).first()
    if existing is not None:
        return realisation_save(
            report=existing, rows=rows, indicators=indicators, by=by, action_label=action_label
        )
    if not rows and not indicators:
        return SaveResult(0, 0)
    with transaction.atomic():
        report = report_open(region=region, year=year, by=by)
        return realisation_save(
            report=report, rows=rows, indicators=indicators, by=by, action_label=action_label
        )


def _check_belongs(report: Report, rows: Mapping[int, Any], indicators: Mapping[int, Any]) -> None:
    own_rows = set(
        ProgrammeRow.objects.filter(plan__region=report.region, pk__in=list(rows)).values_list(
            "pk", flat=True
        )
    )
    own_nodes = set(
        KklNode.objects.filter(
            plan__region=report.region, level="sasaran", pk__in=list(indicators)
        ).values_list("pk", flat=True)
    )
    if set(rows) - own_rows or set(indicators) - own_nodes:
        raise ValidationError("Baris atau indikator bukan milik kab/kota laporan ini.")


def _transition(report: Report, *, to: str, by: Any, comment: str = "") -> Report:
    """Move `report` to status `to` through `workflow.WORKFLOW` (permission, guards,
    lock, audit)."""

    def apply(ctx: Context) -> None:
        now = timezone.now()
        if to == ReportStatus.SUBMITTED:
            ctx.obj.submitted_at = ctx.obj.submitted_at or now
        else:
            ctx.obj.reviewed_at, ctx.obj.reviewed_by = now, by
            ctx.obj.review_comment = comment

    done: Report = WORKFLOW.transition(
        report,
        ACTION_TO[to],
        by,
        reason=comment,
        apply=apply,
        audit_fields=("review_comment",),
        audit_reason=comment,
    )
    return done


@audits_refusals
def report_submit(*, report: Report, by: Any) -> Report:
    """Submit for review; the submitted values are frozen in a snapshot (`monev.freeze`)."""
    with transaction.atomic():
        report = _transition(report, to=ReportStatus.SUBMITTED, by=by)
        monev_freeze.snapshot_take(report=report, by=by)
    return report


@audits_refusals
def report_approve(*, report: Report, by: Any, comment: str = "") -> Report:
    with transaction.atomic():
        report = _transition(report, to=ReportStatus.APPROVED, by=by, comment=comment)
        monev_freeze.snapshot_take(report=report, by=by)
    from ppsp.monev.tasks import refresh_aggregates_task

    jobs.job_enqueue(
        task=refresh_aggregates_task,
        args=[report.year],
        kind=RECOMPUTE_KIND,
        label=f"Hitung ulang agregat nasional monev {report.year}",
        region_code="",
        permission=Permission.VIEW_NATIONAL_DASHBOARD,
        cancel_permission=Permission.VIEW_NATIONAL_DASHBOARD,
        by=by,
        result_url=reverse("monev:national", kwargs={"year": report.year}),
        result_select="#monev-dashboard-body",
        on_commit=True,
    )
    return report


@audits_refusals
def report_return(*, report: Report, by: Any, comment: str) -> Report:
    return _transition(report, to=ReportStatus.RETURNED, by=by, comment=comment.strip())


def as_decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))
