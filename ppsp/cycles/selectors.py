"""Reads of update cycles, always through the user's scope; access helpers answer 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.cycles.models import CycleProcess, CycleStep, ProcessState, UpdateCycle
from ppsp.documents.models import DocumentVersion, Status


def _permission(write: bool) -> Permission:
    return Permission.RUN_CYCLE if write else Permission.VIEW_CYCLES


def get_cycle_for_user(user: Any, pk: int, *, write: bool = False) -> UpdateCycle:
    rows = UpdateCycle.objects.select_related("region", "method_version", "previous_ssk")
    return object_for_user(user, rows, pk, _permission(write), "region.code")


def get_process_for_user(user: Any, pk: int, *, write: bool = False) -> CycleProcess:
    rows = CycleProcess.objects.select_related(
        "cycle__region", "cycle__method_version", "template", "signed_off_by"
    )
    return object_for_user(user, rows, pk, _permission(write), "cycle.region.code")


def _processes() -> Prefetch[Any]:
    return Prefetch("processes", queryset=CycleProcess.objects.order_by("number"))


def visible_cycles(user: Any, *, fiscal_year: int | None = None) -> QuerySet[UpdateCycle]:
    scope = scope_for(user, Permission.VIEW_CYCLES)
    if scope.empty:
        return UpdateCycle.objects.none()
    qs = UpdateCycle.objects.filter(scope.region_q("region__"))
    if fiscal_year is not None:
        qs = qs.filter(fiscal_year=fiscal_year)
    return qs.select_related("region", "method_version").prefetch_related(_processes())


def cycles_of(kabkota_code: str) -> QuerySet[UpdateCycle]:
    return (
        UpdateCycle.objects.filter(region__code=kabkota_code)
        .select_related("region", "method_version")
        .prefetch_related(_processes())
    )


def process_steps(process: CycleProcess) -> QuerySet[CycleStep]:
    return process.steps.order_by("order")


def process_counts(
    user: Any,
    *,
    fiscal_year: int | None = None,
    today: dt.date | None = None,
    province: str = "",
) -> list[dict[str, Any]]:
    """For dashboards: per process number, how many cycles are in each state and late.

    One grouped query. `late` counts processes marked late or past their due date unfinished.
    """
    scope = scope_for(user, Permission.VIEW_CYCLES)
    if scope.empty:
        return []
    day = today or timezone.localdate()
    qs = CycleProcess.objects.filter(scope.region_q("cycle__region__"))
    if fiscal_year is not None:
        qs = qs.filter(cycle__fiscal_year=fiscal_year)
    if province:
        qs = qs.filter(cycle__region__province_code=province)
    late = Q(state=ProcessState.TERLAMBAT) | (~Q(state=ProcessState.SELESAI) & Q(due_date__lt=day))
    per_state = {state: Count("id", filter=Q(state=state)) for state in ProcessState.values}
    rows = (
        qs.values("number")
        .annotate(total=Count("id"), late=Count("id", filter=late), **per_state)
        .order_by("number")
    )
    names = dict(qs.values_list("number", "name").distinct())
    return [{**row, "name": names.get(row["number"], "")} for row in rows]


@dataclass(frozen=True)
class FacilitatorPending:
    to_verify: list[CycleProcess]
    late: list[CycleProcess]

    @property
    def total(self) -> int:
        return len(self.to_verify) + len(self.late)


def pending_for_facilitator(user: Any, *, today: dt.date | None = None) -> FacilitatorPending:
    """Processes waiting for the user's sign-off, and late processes, in their scope.

    For the facilitator workload on the programme dashboards (issue 4 part A).
    """
    scope = scope_for(user, Permission.SIGN_OFF_PROCESS)
    if scope.empty:
        return FacilitatorPending([], [])
    day = today or timezone.localdate()
    qs = CycleProcess.objects.filter(scope.region_q("cycle__region__")).select_related(
        "cycle__region"
    )
    to_verify = list(qs.filter(state=ProcessState.MENUNGGU_VERIFIKASI).order_by("due_date"))
    late = list(
        qs.filter(
            Q(state=ProcessState.TERLAMBAT) | (~Q(state=ProcessState.SELESAI) & Q(due_date__lt=day))
        )
        .exclude(state=ProcessState.MENUNGGU_VERIFIKASI)
        .order_by("due_date")
    )
    return FacilitatorPending(to_verify, late)


def extend_workload(workload: Any, *, today: dt.date | None = None) -> Any:
    """Fill part A's `programme.selectors.Workload` with part B's items, in place.

    `pending_reviews`: document versions submitted for review and processes waiting for
    verification; `overdue_processes`: processes marked late or past due unfinished; both
    limited to `workload.kabkota_codes`. Three queries. Call it from `workload_for`.
    """
    codes = list(workload.kabkota_codes)
    if not codes:
        return workload
    day = today or timezone.localdate()
    processes = CycleProcess.objects.filter(cycle__region__code__in=codes).select_related(
        "cycle__region"
    )
    workload.pending_reviews = [
        *DocumentVersion.objects.filter(
            document__region__code__in=codes, status=Status.SUBMITTED
        ).select_related("document__region"),
        *processes.filter(state=ProcessState.MENUNGGU_VERIFIKASI).order_by("due_date"),
    ]
    workload.overdue_processes = list(
        processes.filter(
            Q(state=ProcessState.TERLAMBAT)
            | (
                ~Q(state__in=[ProcessState.SELESAI, ProcessState.MENUNGGU_VERIFIKASI])
                & Q(due_date__lt=day)
            )
        ).order_by("due_date")
    )
    return workload
