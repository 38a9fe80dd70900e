"""Scenario lines → optimiser candidates, budgets per source, and the Daftar Tunggu reasons.

Value of a line = people served × the risk-class weight of the scenario's unit-cost table
(issue 6 §7). The APBD Kab/Kota lines are capped per year by (b) or (c) of Tabel 5.1
(the scenario's `budget_basis`); each other source by the expected funding the Pokja
entered for it, and a source without an entry is not capped. The total per year is the
sum of those caps plus the demand of the uncapped sources, so that only the source caps
bind (``ppsp.compute.optimize.select`` caps the total per year and each source per year).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ppsp.compute.manual_cut import cut_lowest_priority
from ppsp.compute.optimize import FEAS_RTOL, Candidate, Selection, select
from ppsp.scenarios.models import FundingSource, Scenario, ScenarioLine

OWN = FundingSource.APBD_KABKOTA.value
SOURCE_LABELS = dict(FundingSource.choices)


class MandatoryOverBudget(Exception):
    """The mandatory lines (with their prerequisites) do not fit; the message names them."""


@dataclass(frozen=True)
class Problem:
    candidates: list[Candidate]
    budget_by_year: list[float]
    caps: dict[str, list[float]]
    priority: dict[str, int]


def juta(amount: float) -> str:
    text = f"{amount / 1e6:,.1f}"
    return "Rp " + text.replace(",", "_").replace(".", ",").replace("_", ".") + " juta"


def build(
    scenario: Scenario,
    lines: list[ScenarioLine],
    own_budget: list[float],
    caps: dict[str, list[float]],
) -> Problem:
    years = len(scenario.plan_years)
    table = scenario.unit_costs
    ids = {line.pk for line in lines}
    candidates = [
        Candidate(
            id=str(line.pk),
            cost_by_year=tuple(float(a) for a in (list(line.amounts) + [0] * years)[:years]),
            value=float(line.people_served) * table.weight(line.risk_class),
            mandatory=line.mandatory,
            requires=(str(line.requires_id),) if line.requires_id in ids else (),
            source=line.funding_source or OWN,
        )
        for line in lines
    ]
    source_caps = {OWN: [max(0.0, float(v)) for v in own_budget]}
    source_caps.update({s: [float(v) for v in amounts] for s, amounts in caps.items() if s != OWN})
    total = [math.fsum(cap[t] for cap in source_caps.values()) for t in range(years)]
    for c in candidates:
        if c.source not in source_caps:
            for t in range(years):
                total[t] += c.cost_by_year[t]
    priority = {str(line.pk): line.priority for line in lines}
    return Problem(candidates, total, source_caps, priority)


def check_mandatory(problem: Problem, lines: list[ScenarioLine], years: list[int]) -> None:
    """Raise MandatoryOverBudget naming the lines when the mandatory set exceeds a cap."""
    by_id = {c.id: c for c in problem.candidates}
    forced: set[str] = set()
    stack = [c.id for c in problem.candidates if c.mandatory]
    while stack:
        key = stack.pop()
        if key not in forced:
            forced.add(key)
            stack.extend(by_id[key].requires)
    if not forced:
        return
    names = {str(line.pk): line.description for line in lines}
    for source, cap in problem.caps.items():
        for t, limit in enumerate(cap):
            spent = math.fsum(by_id[k].cost_by_year[t] for k in forced if by_id[k].source == source)
            if spent > limit + FEAS_RTOL * max(1.0, abs(limit)):
                items = "; ".join(
                    sorted(
                        names[k]
                        for k in forced
                        if by_id[k].source == source and by_id[k].cost_by_year[t] > 0
                    )
                )
                raise MandatoryOverBudget(
                    f"Kegiatan wajib melebihi anggaran {SOURCE_LABELS[source]} tahun {years[t]}: "
                    f"perlu {juta(spent)}, tersedia {juta(limit)}. Kegiatan wajib (dengan "
                    f"prasyaratnya) pada tahun itu: {items}. Kurangi atau jadwalkan ulang "
                    "kegiatan wajib, atau naikkan komitmen/perkiraan dana."
                )


def waiting_reasons(
    problem: Problem, selection: Selection, lines: list[ScenarioLine], years: list[int]
) -> list[dict[str, object]]:
    """Why each Daftar Tunggu line was left out: the first cap its bundle would exceed."""
    by_id = {c.id: c for c in problem.candidates}
    chosen = set(selection.chosen)
    n = len(years)
    room = {
        s: [
            cap[t] - math.fsum(by_id[k].cost_by_year[t] for k in chosen if by_id[k].source == s)
            for t in range(n)
        ]
        for s, cap in problem.caps.items()
    }
    names = {str(line.pk): line.description for line in lines}
    waiting = set(selection.waiting_list)
    dependents: dict[str, set[str]] = {}
    for c in problem.candidates:
        if c.id in waiting:
            for required in c.requires:
                dependents.setdefault(required, set()).add(names[c.id])
    out = []
    for key in selection.waiting_list:
        bundle, stack = set(), [key]
        while stack:
            item = stack.pop()
            if item not in chosen and item not in bundle:
                bundle.add(item)
                stack.extend(by_id[item].requires)
        reason = "Nilai manfaat nol (isi jumlah jiwa terlayani untuk diprioritaskan)."
        found = False
        for source, left in room.items():
            for t in range(n):
                need = math.fsum(
                    by_id[k].cost_by_year[t] for k in bundle if by_id[k].source == source
                )
                if need > left[t] + FEAS_RTOL * max(1.0, abs(left[t])):
                    reason = (
                        f"Melebihi sisa anggaran {SOURCE_LABELS[source]} tahun {years[t]}: "
                        f"perlu {juta(need)}, sisa {juta(max(0.0, left[t]))}."
                    )
                    found = True
                    break
            if found:
                break
        if not found and by_id[key].value > 0:
            reason = "Nilai manfaat per rupiah lebih rendah daripada kombinasi kegiatan terpilih."
        elif not found and (users := dependents.get(key)):
            reason = f"Prasyarat dari kegiatan di Daftar Tunggu: {'; '.join(sorted(users))}."
        if len(bundle) > 1:
            reason += " Termasuk prasyaratnya yang belum terpilih."
        out.append({"line": int(key), "reason": reason})
    return out


def optimise(
    problem: Problem, *, mip_rel_gap: float | None = None, time_limit_s: float | None = None
) -> tuple[Selection, tuple[str, ...]]:
    selection = select(
        problem.candidates,
        problem.budget_by_year,
        budget_by_source=problem.caps,
        mip_rel_gap=mip_rel_gap,
        time_limit_s=time_limit_s,
    )
    manual = cut_lowest_priority(
        problem.candidates, problem.priority, problem.budget_by_year, budget_by_source=problem.caps
    )
    return selection, manual
