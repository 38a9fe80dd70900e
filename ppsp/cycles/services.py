"""Writes for update cycles: open a cycle, move processes through the table, tick steps."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.refusals import Refusal, Refused, RefusedPermission, audits_refusals
from ppsp.audit.services import audit_record
from ppsp.core.access import require_permission
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.cycles import prerequisites
from ppsp.cycles.models import (
    CycleProcess,
    CycleStep,
    ProcessState,
    ProcessTemplate,
    RpjmdPeriod,
    UpdateCycle,
)
from ppsp.cycles.trigger_data import ssk_in_force
from ppsp.cycles.workflow import GATED, GateFacts, ProcessAction, gate_problems, next_state
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


def gate_facts(process: CycleProcess) -> GateFacts:
    cycle = process.cycle
    steps = list(process.steps.values_list("done", flat=True))
    previous_done = (
        process.number == 1
        or not CycleProcess.objects.filter(cycle=cycle, number__lt=process.number)
        .exclude(state=ProcessState.SELESAI)
        .exists()
    )
    return GateFacts(
        number=process.number,
        gate=process.gate,
        steps_total=len(steps),
        steps_done=sum(steps),
        previous_done=previous_done,
        sk_pokja=bool(cycle.sk_pokja_number and cycle.sk_pokja_date),
        activities=cycle.activities.count(),
        meetings=cycle.meetings.count(),
        konsultasi_closed=cycle.konsultasi_publik_closed_on is not None,
        pengesahan=cycle.pengesahan_on is not None,
    )


@audits_refusals
@transaction.atomic
def process_transition(
    *, obj: CycleProcess, action: str, by: Any, reason: str = "", today: dt.date | None = None
) -> CycleProcess:
    """Apply one action of the transition table to a process; gates checked; audited.

    `by=None` is the system (the daily lateness check) and is only allowed to mark late.
    """
    process = (
        CycleProcess.objects.select_for_update().select_related("cycle__region").get(pk=obj.pk)
    )
    step = next_state(process.state, action)
    code = process.cycle.region.code

    def refusal(message: str) -> Refusal:  # audited by @audits_refusals after the rollback
        attempted = f"status proses {process.number} '{action}'"
        return Refusal(obj=process, by=by, attempted=attempted, message=message, region_code=code)

    if step is None:
        raise Refused(
            refusal(
                f"Tindakan '{action}' tidak dapat dilakukan pada proses berstatus "
                f"'{ProcessState(process.state).label}'."
            )
        )
    new_state, permission = step
    if by is None and action != ProcessAction.MARK_LATE:
        raise PermissionDenied("Tindakan ini harus dilakukan oleh pengguna.")
    if by is not None and not has_permission(by, permission, code):
        raise RefusedPermission(
            refusal("Anda tidak berwenang melakukan tindakan ini di wilayah ini.")
        )
    day = today or timezone.localdate()
    if action == ProcessAction.MARK_LATE and process.due_date >= day:
        raise ValidationError(
            f"Proses {process.number} belum melewati tenggat {process.due_date:%d-%m-%Y}."
        )
    if action == ProcessAction.RETURN and not reason.strip():
        raise ValidationError({"reason": "Tuliskan catatan apa yang perlu diperbaiki."})
    if action in GATED:
        problems = gate_problems(gate_facts(process), action)
        if action == ProcessAction.SIGN_OFF:
            problems += prerequisites.problems(process)
        if problems:
            raise ValidationError(problems)
    old = process.state
    process.state = new_state
    now = timezone.now()
    if action == ProcessAction.SUBMIT:
        process.submitted_at = now
    elif action == ProcessAction.RETURN:
        process.return_comment = reason.strip()
    elif action == ProcessAction.SIGN_OFF:
        process.signed_off_by, process.signed_off_at = _user(by), now
        process.return_comment = ""
    process.full_clean()
    process.save()
    audit_record(
        actor=by,
        obj=process,
        action=Action.TRANSITION,
        changes=[{"field": "state", "old": old, "new": new_state}],
        reason=reason or action,
        region_code=code,
    )
    obj.state = process.state
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
