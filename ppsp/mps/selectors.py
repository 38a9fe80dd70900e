"""Reads of Proses 4 data through the user's scope; access helpers answer 404."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse

from ppsp.compute.kkl import KklProblem, Node, RowLink, kkl_problems
from ppsp.compute.programme_rows import (
    BudgetCheck,
    BudgetRow,
    SumMismatch,
    propose_waiting_list,
    subsector_mismatches,
)
from ppsp.compute.records import CostLine
from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.mps.codes import PASSING_SCORE, QA_COMPUTED, QA_ITEMS, Source
from ppsp.mps.models import YEARS, FundingCommitment, KklNode, Plan, ProgrammeRow, RowStatus
from ppsp.regions.models import Level, Region
from ppsp.scenarios.figures import komitmen_total
from ppsp.scenarios.selectors import chosen_cost_lines


def _permission(write: bool) -> Permission:
    return Permission.EDIT_MPS if write else Permission.VIEW_MPS


def get_plan_for_user(user: Any, pk: int, *, write: bool = False) -> Plan:
    return object_for_user(user, Plan, pk, _permission(write), "region.code")


def get_row_for_user(user: Any, pk: int, *, write: bool = False) -> ProgrammeRow:
    rows = ProgrammeRow.objects.select_related("plan__region", "lokasi")
    return object_for_user(user, rows, pk, _permission(write), "plan.region.code")


def get_commitment_for_user(user: Any, pk: int) -> FundingCommitment:
    return object_for_user(user, FundingCommitment, pk, Permission.VIEW_MPS, "row.plan.region.code")


def plan_covers(year: int, prefix: str = "") -> Q:
    """Plans (through ``prefix``, e.g. ``"plan__"``) whose five years contain ``year``."""
    return Q(**{f"{prefix}first_year__lte": year, f"{prefix}first_year__gt": year - YEARS})


def current_plan(region: Region) -> Plan | None:
    return Plan.objects.filter(region=region).order_by("-first_year").first()


def plan_rows(plan: Plan) -> QuerySet[ProgrammeRow]:
    return (
        plan.rows.select_related("lokasi")
        .prefetch_related("commitments")
        .order_by("subsector", "source", "priority", "pk")
    )


def totals_by_subsector(rows: list[ProgrammeRow]) -> dict[str, int]:
    """Σ rows per subsector (Rp, five years), prioritas and Daftar Tunggu alike (Tabel 5.1 a)."""
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.subsector] += row.total
    return dict(totals)


def tabel51_mismatches(plan: Plan, rows: list[ProgrammeRow]) -> list[SumMismatch] | None:
    """None when no scenario need is known for the plan."""
    if not plan.need_by_subsector:
        return None
    need = {k: int(v) for k, v in plan.need_by_subsector.items()}
    return subsector_mismatches(totals_by_subsector(rows), need)


def komitmen_of(plan: Plan) -> tuple[int, str] | None:
    """The 5-year komitmen the APBD rows are held to, with its source: Tabel 5.1 (c) of the
    chosen scenario (``ppsp.scenarios.figures.komitmen_total``, the one source of the
    figure); the amount typed on the MPS page only while no Tabel 5.1 (c) exists."""
    found = komitmen_total(plan.region)
    if found is not None:
        return found
    if plan.komitmen_apbd is not None:
        return plan.komitmen_apbd, "diisi di halaman MPS (Tabel 5.1 (c) belum ada)"
    return None


def budget_check(plan: Plan, rows: list[ProgrammeRow]) -> BudgetCheck | None:
    """APBD kab/kota prioritas rows against the 5-year komitmen; None without a komitmen."""
    komitmen = komitmen_of(plan)
    if komitmen is None:
        return None
    apbd = [
        BudgetRow(r.pk, r.priority, r.total)
        for r in rows
        if r.source == Source.APBD_KABKOTA and r.status == RowStatus.PRIORITAS
    ]
    return propose_waiting_list(apbd, komitmen[0])


@dataclass(frozen=True)
class QaResult:
    score: int  # percent
    missing: list[tuple[str, str, str]]  # (code, label, link to what is missing)
    passed: bool


def qa_result(plan: Plan) -> QaResult:
    """Self-assessment QA (§12.2): manual items as ticked, the others computed from data."""
    rows = list(plan.rows.all())
    nodes = kkl_nodes(plan)
    budget = budget_check(plan, rows)
    computed = {
        "kkl": any(n.level == "sasaran" for n in nodes) and not kkl_check(plan),
        "tabel51": tabel51_mismatches(plan, rows) == [],
        "apbd_komitmen": budget is not None and budget.over_budget == 0,
    }
    done = {c for c in plan.qa_done or [] if c not in QA_COMPUTED}
    done |= {c for c, ok in computed.items() if ok}
    total = sum(w for _c, _l, w in QA_ITEMS)
    score = round(100 * sum(w for c, _l, w in QA_ITEMS if c in done) / total)
    page = reverse("mps:kabkota", kwargs={"code": plan.region.code})
    links = {
        "kkl": reverse("mps:kkl", kwargs={"pk": plan.pk}),
        "tabel51": f"{page}#tabel51",
        "apbd_komitmen": f"{page}#budget",
    }
    missing = [(c, label, links.get(c, f"{page}#qa")) for c, label, _w in QA_ITEMS if c not in done]
    passing = int(getattr(settings, "PPSP_QA_PASSING_SCORE", PASSING_SCORE))
    return QaResult(score, missing, score >= passing)


@dataclass(frozen=True)
class MpsLine:
    row: ProgrammeRow
    amount: int  # Rp in the year
    committed: int  # Rp of commitments recorded for the year


def mps_table(plan: Plan, year: int) -> tuple[list[MpsLine], dict[str, int]]:
    """Annual MPS: prioritas rows with an amount in `year`, and the total per source."""
    index = year - plan.first_year
    lines: list[MpsLine] = []
    per_source: dict[str, int] = defaultdict(int)
    if not 0 <= index < 5:
        return lines, {}
    for row in plan_rows(plan).filter(status=RowStatus.PRIORITAS):
        amount = row.amounts[index]
        if not amount:
            continue
        committed = sum(c.amount for c in row.commitments.all() if c.year == year)
        lines.append(MpsLine(row, amount, committed))
        per_source[row.source] += amount
    return lines, dict(per_source)


def scenario_cost_lines(region: Region) -> list[CostLine] | None:
    """The chosen scenario's cost lines of Proses 3 (issue 6), or None when none is chosen."""
    return chosen_cost_lines(region)


def kkl_nodes(plan: Plan) -> list[KklNode]:
    return list(plan.kkl_nodes.order_by("pk"))


def kkl_problems_for(
    nodes: Sequence[KklNode], rows: Sequence[tuple[int, int | None, str]]
) -> list[KklProblem]:
    """KKL link check of a plan; no check (empty) while the plan has no sasaran yet."""
    if not any(n.level == "sasaran" for n in nodes):
        return []
    return kkl_problems(
        [Node(n.pk, n.level, n.parent_id, n.text) for n in nodes],
        [RowLink(pk, strategi, label) for pk, strategi, label in rows],
    )


def kkl_check(plan: Plan) -> list[KklProblem]:
    rows = list(plan.rows.values_list("pk", "strategi_id", "kegiatan"))
    return kkl_problems_for(kkl_nodes(plan), rows)


def visible_plans(user: Any) -> QuerySet[Plan]:
    scope = scope_for(user, Permission.VIEW_MPS)
    if scope.empty:
        return Plan.objects.none()
    return (
        Plan.objects.filter(scope.region_q("region__"))
        .select_related("region")
        .order_by("region__code", "-first_year")
    )


def editable_kabkotas(user: Any) -> QuerySet[Region]:
    scope = scope_for(user, Permission.EDIT_MPS)
    if scope.empty or scope.national:
        return Region.objects.none()  # national users open a kab/kota from its plan or URL
    return Region.objects.filter(scope.region_q(), level=Level.KABKOTA).order_by("code")


def get_kkl_node_for_user(user: Any, pk: int, *, write: bool = False) -> KklNode:
    return object_for_user(user, KklNode, pk, _permission(write), "plan.region.code")


def satker_rows(user: Any) -> QuerySet[ProgrammeRow]:
    """Rows offered to the Satker K/L (eksternalisasi, §12.2): APBN rows of externalised
    plans in the user's scope, with their commitments; PMU sees every kab/kota."""
    scope = scope_for(user, Permission.VIEW_MPS)
    if scope.empty:
        return ProgrammeRow.objects.none()
    return (
        ProgrammeRow.objects.filter(
            scope.region_q("plan__region__"),
            plan__externalised_at__isnull=False,
            source=Source.APBN,
        )
        .select_related("plan__region")
        .prefetch_related("commitments")
        .order_by("plan__region__code", "subsector", "priority", "pk")
    )
