"""Reads for programme tracking, always through the user's scope (404 outside it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from ppsp.core.access import object_for_user, require
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.cycles.selectors import extend_workload
from ppsp.programme.models import (
    MAX_PF_PER_PROVINCE,
    FacilitatorAssignment,
    FacilitatorKind,
    FacilitatorTraining,
    Opd,
    Participation,
    PokjaMember,
    PokjaSk,
    StageRecord,
    StageStatus,
)
from ppsp.regions.models import Level, Region

# The 2017 method (Instrumen SSK Form 1): Pokja members come from at least 5, at most 9 OPD.
POKJA_OPD_MIN = 5
POKJA_OPD_MAX = 9


def _permission(write: bool) -> Permission:
    """Programme data of a kab/kota: its participation, Pokja SK and members."""
    return Permission.EDIT_PROGRAMME if write else Permission.VIEW_PROGRAMME


def get_participation_for_user(user: Any, code: str, *, write: bool = False) -> Participation:
    require(user, _permission(write), code)
    return get_object_or_404(
        Participation.objects.select_related("region__parent", "phase", "current_stage"),
        region__code=code,
    )


def get_stage_record_for_user(user: Any, pk: int, *, write: bool = False) -> StageRecord:
    rows = StageRecord.objects.select_related("participation__region", "stage", "recorded_by")
    permission = Permission.EDIT_STAGES if write else Permission.VIEW_PROGRAMME
    return object_for_user(user, rows, pk, permission, "participation.region.code")


def get_pokja_sk_for_user(user: Any, pk: int, *, write: bool = False) -> PokjaSk:
    return object_for_user(user, PokjaSk, pk, _permission(write), "region.code")


def get_pokja_member_for_user(user: Any, pk: int, *, write: bool = False) -> PokjaMember:
    rows = PokjaMember.objects.select_related("sk__region", "opd")
    return object_for_user(user, rows, pk, _permission(write), "sk.region.code")


def get_assignment_for_user(user: Any, pk: int, *, write: bool = False) -> FacilitatorAssignment:
    rows = FacilitatorAssignment.objects.select_related("region", "user")
    permission = Permission.MANAGE_FACILITATORS if write else Permission.VIEW_PROGRAMME
    return object_for_user(user, rows, pk, permission, "region.code")


def can(user: Any, permission: Permission, code: str | None = None) -> bool:
    scope = scope_for(user, permission)
    return scope.national if code is None else scope.covers(code)


# --- one kab/kota -----------------------------------------------------------------------


def stage_timeline(region: Region) -> list[StageRecord]:
    """All stage records of the kab/kota, oldest first (one query)."""
    return list(
        StageRecord.objects.filter(participation__region=region)
        .select_related("stage", "recorded_by")
        .order_by("start_date", "stage__number", "id")
    )


def pokja_sks(region: Region) -> list[PokjaSk]:
    """SK history, newest first, members and their OPD prefetched (three queries)."""
    return list(
        PokjaSk.objects.filter(region=region)
        .prefetch_related("members__opd")
        .order_by("-date", "-id")
    )


@dataclass(frozen=True)
class OpdCheck:
    count: int
    ok: bool
    message: str


def pokja_opd_check(sk: PokjaSk | None) -> OpdCheck:
    """The '5–9 OPD' rule of the 2017 method as a warning (never blocks saving)."""
    if sk is None:
        return OpdCheck(0, False, "Belum ada SK Pokja.")
    count = len({m.opd_id for m in sk.members.all() if m.opd_id is not None and m.ended_on is None})
    if count < POKJA_OPD_MIN:
        message = f"Anggota Pokja baru berasal dari {count} OPD; pedoman 2017 meminta minimal 5."
        return OpdCheck(count, False, message)
    if count > POKJA_OPD_MAX:
        message = f"Anggota Pokja berasal dari {count} OPD; pedoman 2017 meminta maksimal 9."
        return OpdCheck(count, False, message)
    return OpdCheck(count, True, f"Anggota Pokja berasal dari {count} OPD (sesuai 5–9 OPD).")


def opds_of(region: Region) -> QuerySet[Opd]:
    return Opd.objects.filter(region=region).order_by("name")


def facilitators_of(region: Region) -> list[FacilitatorAssignment]:
    """PF of the province and CF of the kab/kota, newest contract year first."""
    return list(
        FacilitatorAssignment.objects.filter(
            Q(region=region) | Q(region__code=region.province_code, kind=FacilitatorKind.PF)
        )
        .select_related("user", "region")
        .order_by("-contract_year", "kind")
    )


# --- facilitators -----------------------------------------------------------------------


def assignments_list(user: Any, *, year: int | None = None) -> QuerySet[FacilitatorAssignment]:
    scope = scope_for(user, Permission.VIEW_PROGRAMME)
    qs = FacilitatorAssignment.objects.filter(scope.region_q("region__")).select_related(
        "user", "region"
    )
    if year is not None:
        qs = qs.filter(contract_year=year)
    return qs.annotate(trainings=Count("user__facilitator_trainings")).order_by(
        "-contract_year", "region__code", "kind"
    )


def trainings_list() -> QuerySet[FacilitatorTraining]:
    return FacilitatorTraining.objects.select_related("user").order_by("-start_date")


@dataclass
class Workload:
    """What a facilitator has on their desk. Part B (documents, cycles) fills the lists
    `pending_reviews` and `overdue_processes` by extending `workload_for`."""

    assignments: list[FacilitatorAssignment] = field(default_factory=list)
    kabkotas: list[Region] = field(default_factory=list)
    late_stages: list[StageRecord] = field(default_factory=list)
    pending_reviews: list[Any] = field(default_factory=list)  # part B: documents to review
    overdue_processes: list[Any] = field(default_factory=list)  # part B: Proses past due

    @property
    def kabkota_codes(self) -> list[str]:
        return [r.code for r in self.kabkotas]


def workload_for(user: Any, *, year: int | None = None) -> Workload:
    """The user's facilitator assignments (latest contract year unless `year` is given), the
    kab/kota they cover (the CF's own, every kab/kota of the PF's province) and the stage
    records running late there. A constant number of queries whatever the size."""
    today = dt.date.today()
    assignments = list(
        FacilitatorAssignment.objects.filter(user=user)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=today))
        .select_related("region")
        .order_by("-contract_year", "region__code")
    )
    if not assignments:
        return Workload()
    chosen = year if year is not None else assignments[0].contract_year
    current = [a for a in assignments if a.contract_year == chosen]
    provinces = [a.region.code for a in current if a.kind == FacilitatorKind.PF]
    kabkotas = [a.region.code for a in current if a.kind == FacilitatorKind.CF]
    regions = list(
        Region.objects.filter(level=Level.KABKOTA)
        .filter(Q(province_code__in=provinces) | Q(code__in=kabkotas))
        .select_related("participation__current_stage")
        .order_by("code")
    )
    late = list(
        StageRecord.objects.filter(
            participation__region__in=regions, status=StageStatus.TERLAMBAT
        ).select_related("participation__region", "stage")
    )
    workload = Workload(assignments=current, kabkotas=regions, late_stages=late)
    extend_workload(workload)
    return workload


@dataclass(frozen=True)
class ProvinceCoverage:
    """Facilitator coverage of one province in a contract year (national workload)."""

    code: str
    name: str
    pf: list[str]
    kabkota_total: int
    kabkota_with_cf: int
    late_stages: int

    @property
    def pf_over(self) -> bool:
        return len(self.pf) > MAX_PF_PER_PROVINCE

    @property
    def without_cf(self) -> int:
        return self.kabkota_total - self.kabkota_with_cf


def national_workload(year: int | None = None) -> tuple[int | None, list[ProvinceCoverage]]:
    """Per province: its PF, how many kab/kota have a CF, stage records running late.
    For the PMU's `beban-kerja` page; five queries whatever the size."""
    running = FacilitatorAssignment.objects.filter(ended_on__isnull=True)
    if year is None:
        year = running.order_by("-contract_year").values_list("contract_year", flat=True).first()
    if year is None:
        return None, []
    current = list(running.filter(contract_year=year).select_related("user", "region"))
    pf_of: dict[str, list[str]] = {}
    cf_kabkota: set[str] = set()
    for a in current:
        if a.kind == FacilitatorKind.PF:
            pf_of.setdefault(a.region.code, []).append(str(a.user))
        else:
            cf_kabkota.add(a.region.code)
    kabkota = dict(
        Region.objects.filter(level=Level.KABKOTA)
        .values_list("province_code")
        .annotate(n=Count("id"))
        .values_list("province_code", "n")
    )
    with_cf = dict(
        Region.objects.filter(code__in=cf_kabkota)
        .values_list("province_code")
        .annotate(n=Count("id"))
        .values_list("province_code", "n")
    )
    late = dict(
        StageRecord.objects.filter(status=StageStatus.TERLAMBAT)
        .values_list("participation__region__province_code")
        .annotate(n=Count("id"))
        .values_list("participation__region__province_code", "n")
    )
    rows = [
        ProvinceCoverage(
            code=p.code,
            name=p.name,
            pf=sorted(pf_of.get(p.code, [])),
            kabkota_total=kabkota.get(p.code, 0),
            kabkota_with_cf=with_cf.get(p.code, 0),
            late_stages=late.get(p.code, 0),
        )
        for p in Region.objects.filter(level=Level.PROVINSI).order_by("code")
    ]
    return year, rows
