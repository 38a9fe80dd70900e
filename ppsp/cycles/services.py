"""Writes for update cycles: open a cycle, move processes through the table, tick steps."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.refusals import audits_refusals
from ppsp.audit.services import audit_record
from ppsp.core.access import require_permission
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context
from ppsp.cycles.models import (
    CycleProcess,
    CycleStep,
    ProcessState,
    ProcessTemplate,
    RpjmdPeriod,
    UpdateCycle,
)
from ppsp.cycles.trigger_data import ssk_in_force
from ppsp.cycles.workflow import WORKFLOW, ProcessAction
from ppsp.cycles.workflow import gate_facts as gate_facts  # views read it from here
from ppsp.documents.models import MethodVersion
from ppsp.regions.models import Level, Region

require = require_permission
"""PermissionDenied unless the user holds the permission in the region (``by=None``: system)."""


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def due_date(fiscal_year: int, month: int) -> dt.date:
    """Last day of `month` in the fiscal year (Indonesian fiscal year = calendar year)."""
    return dt.date(fiscal_year, month, calendar.monthrange(fiscal_year, month)[1])


@transaction.atomic
def cycle_open(
    *, region: Region, fiscal_year: int, method_version: MethodVersion, by: Any
) -> UpdateCycle:
    """Open the pemutakhiran of one kab/kota for a fiscal year, with Proses 1–5 from templates."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Pemutakhiran dibuka per kabupaten/kota."})
    require(by, Permission.RUN_CYCLE, region.code)
    if UpdateCycle.objects.filter(region=region, fiscal_year=fiscal_year).exists():
        raise ValidationError(
            {"fiscal_year": f"Siklus pemutakhiran tahun anggaran {fiscal_year} sudah dibuka."}
        )
    templates = list(
        ProcessTemplate.objects.filter(method_version=method_version)
        .prefetch_related("steps")
        .order_by("number")
    )
    if not templates:
        raise ValidationError(
            {"method_version": "Versi pedoman ini belum memiliki templat Proses 1–5."}
        )
    previous = ssk_in_force(region, fiscal_year)  # the approved SSK being updated
    cycle = UpdateCycle(
        region=region,
        fiscal_year=fiscal_year,
        method_version=method_version,
        previous_ssk=previous,
        opened_by=_user(by),
    )
    cycle.full_clean()
    cycle.save()
    for template in templates:
        process = CycleProcess.objects.create(
            cycle=cycle,
            template=template,
            number=template.number,
            name=template.name,
            gate=template.gate,
            due_date=due_date(fiscal_year, template.due_month),
        )
        CycleStep.objects.bulk_create(
            CycleStep(process=process, order=s.order, name=s.name, reference=s.reference)
            for s in template.steps.all()
        )
    audit_record(
        actor=by,
        obj=cycle,
        action=Action.CREATE,
        changes=[
            {"field": "fiscal_year", "old": None, "new": fiscal_year},
            {"field": "method_version", "old": None, "new": method_version.code},
        ],
        region_code=region.code,
    )
    return cycle


@audits_refusals
@transaction.atomic
def process_transition(
    *, obj: CycleProcess, action: str, by: Any, reason: str = "", today: dt.date | None = None
) -> CycleProcess:
    """Apply one action of the transition table (`workflow.WORKFLOW`) to a process; gates
    are its guards; audited, refusals too.

    `by=None` is the system (the daily lateness check) and is only allowed to mark late.
    """

    def apply(ctx: Context) -> None:
        process, now = ctx.obj, timezone.now()
        if action == ProcessAction.SUBMIT:
            process.submitted_at = now
        elif action == ProcessAction.RETURN:
            process.return_comment = reason.strip()
        elif action == ProcessAction.SIGN_OFF:
            process.signed_off_by, process.signed_off_at = _user(by), now
            process.return_comment = ""

    process: CycleProcess = WORKFLOW.transition(
        obj, action, by, reason=reason, apply=apply, today=today
    )
    return process


def processes_mark_overdue(*, today: dt.date | None = None) -> int:
    """Mark every not-started or running process past its due date as late (daily task)."""
    day = today or timezone.localdate()
    overdue = CycleProcess.objects.filter(
        state__in=[ProcessState.BELUM_MULAI, ProcessState.BERJALAN], due_date__lt=day
    )
    count = 0
    for process in overdue:
        process_transition(obj=process, action=ProcessAction.MARK_LATE, by=None, today=day)
        count += 1
    return count


@transaction.atomic
def process_steps_set(*, process: CycleProcess, done_ids: Iterable[int], by: Any) -> int:
    """Mark exactly the steps in `done_ids` as done; returns how many changed."""
    process = (
        CycleProcess.objects.select_for_update().select_related("cycle__region").get(pk=process.pk)
    )
    require(by, Permission.RUN_CYCLE, process.cycle.region.code)
    if process.state in (ProcessState.SELESAI, ProcessState.MENUNGGU_VERIFIKASI):
        raise ValidationError("Langkah proses yang sudah diajukan atau selesai tidak dapat diubah.")
    wanted = set(done_ids)
    changed = 0
    for step in process.steps.all():
        done = step.pk in wanted
        if step.done != done:
            step.done, step.done_at = done, timezone.now() if done else None
            step.save(update_fields=["done", "done_at"])
            audit_record(
                actor=by,
                obj=step,
                action=Action.UPDATE,
                changes=[{"field": "done", "old": not done, "new": done}],
                region_code=process.cycle.region.code,
            )
            changed += 1
    return changed


@transaction.atomic
def rpjmd_period_create(
    *, region: Region, start_year: int, end_year: int, perda_number: str = "", by: Any
) -> RpjmdPeriod:
    require(by, Permission.RUN_CYCLE, region.code)
    period = RpjmdPeriod(
        region=region, start_year=start_year, end_year=end_year, perda_number=perda_number
    )
    period.full_clean()
    period.save()
    audit_record(
        actor=by,
        obj=period,
        action=Action.CREATE,
        changes=[{"field": "period", "old": None, "new": f"{start_year}–{end_year}"}],
        region_code=region.code,
    )
    return period
