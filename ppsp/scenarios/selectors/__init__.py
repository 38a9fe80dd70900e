"""Reads of scenarios, scoped by the user's role; Tabel 5.1; the hand-over to Proses 4.

`chosen_cost_lines(region)` is the stable hand-over to Proses 4 (issue 7): the chosen
scenario's cost lines as `ppsp.compute.records.CostLine`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from ppsp.compute.funding_gap import GapTable, gap_table
from ppsp.compute.records import CostLine
from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.finance.selectors import FiscalSummary, budgets
from ppsp.regions.models import Region
from ppsp.scenarios.models import (
    OptimisationRun,
    Scenario,
    ScenarioLine,
    Subsector,
    UnitCostTable,
)

TABLE_ROWS = (Subsector.AIR_LIMBAH, Subsector.PERSAMPAHAN, Subsector.DRAINASE)
"""Need rows Tabel 5.1 always shows (§10.6); PHBS and air minum appear when they have cost."""


def _permission(write: bool) -> Permission:
    return Permission.EDIT_PLANNING if write else Permission.VIEW_PLANNING


def get_scenario_for_user(user: Any, pk: int, *, write: bool = False) -> Scenario:
    rows = Scenario.objects.select_related("region", "unit_costs", "chosen_by")
    return object_for_user(user, rows, pk, _permission(write), "region.code")


def get_line_for_user(user: Any, pk: int, *, write: bool = False) -> ScenarioLine:
    return object_for_user(user, ScenarioLine, pk, _permission(write), "scenario.region.code")


def unit_cost_tables() -> QuerySet[UnitCostTable]:
    return UnitCostTable.objects.prefetch_related("items").order_by("-active", "-year", "code")


def scenarios_of(region: Region, fiscal_year: int) -> QuerySet[Scenario]:
    return (
        Scenario.objects.filter(region=region, fiscal_year=fiscal_year)
        .select_related("region", "unit_costs", "chosen_by")
        .prefetch_related(
            Prefetch("lines", queryset=ScenarioLine.objects.order_by("id")),
            Prefetch("runs", queryset=OptimisationRun.objects.order_by("-ran_at", "-id")),
        )
        .order_by("id")
    )


def lines_of(scenario: Scenario) -> list[ScenarioLine]:
    return list(
        scenario.lines.select_related("unit_cost", "requires").order_by("subsector", "zone", "id")
    )


def latest_run(scenario: Scenario) -> OptimisationRun | None:
    return scenario.runs.order_by("-ran_at", "-id").first()


@dataclass
class Table51:
    """Tabel 5.1 of one scenario (domain-ppsp.md §10.6), amounts in rupiah."""

    years: list[int]
    need: dict[str, list[float]]  # subsector code -> per year
    labels: dict[str, str]
    gaps: GapTable
    fiscal: FiscalSummary | None
    problems: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[str, list[float], float]]:
        return [(self.labels[k], v, sum(v)) for k, v in self.need.items()]

    def chart(self) -> dict[str, Any]:
        """Data for the Chart.js island (json_script): Rp juta per year."""

        def juta(values: list[float]) -> list[float]:
            return [round(v / 1e6, 1) for v in values]

        return {
            "years": self.years,
            "need": [{"label": self.labels[k], "data": juta(v)} for k, v in self.need.items()],
            "b": juta(self.gaps.apbd_murni) if self.fiscal and self.fiscal.b else None,
            "c": juta(self.gaps.komitmen) if self.fiscal and self.fiscal.c else None,
        }


def need_by_subsector(scenario: Scenario, lines: list[ScenarioLine]) -> dict[str, list[float]]:
    years = len(scenario.plan_years)
    need: dict[str, list[float]] = {code: [0.0] * years for code in TABLE_ROWS}
    for line in lines:
        row = need.setdefault(line.subsector, [0.0] * years)
        for t, amount in enumerate(line.amounts[:years]):
            row[t] += float(amount)
    order = [c for c in Subsector.values if c in need]
    return {code: need[code] for code in order}


def table51(scenario: Scenario, lines: list[ScenarioLine] | None = None) -> Table51:
    """Tabel 5.1 of a scenario: need (a) per subsector from its lines, (b) APBD murni and
    (c) komitmen from the fiscal capacity (``finance.selectors.budgets``), Gap 1 and Gap 2
    by ``compute.funding_gap.gap_table``."""
    rows = lines if lines is not None else lines_of(scenario)
    need = need_by_subsector(scenario, rows)
    years = scenario.plan_years
    fiscal = budgets(scenario.region, scenario.fiscal_year)
    problems = []
    if fiscal is None:
        problems.append(
            "Kemampuan keuangan (PT-03) siklus ini belum diisi: (b) dan (c) dianggap nol."
        )
    else:
        problems.extend(fiscal.problems)
    zero = [0.0] * len(years)
    b = fiscal.b if fiscal and fiscal.b else zero
    c = fiscal.c if fiscal and fiscal.c else zero
    labels = dict(Subsector.choices)
    return Table51(
        years, need, {k: str(labels[k]) for k in need}, gap_table(need, b, c), fiscal, problems
    )


@dataclass(frozen=True)
class Comparison:
    scenario: Scenario
    table: Table51
    run: OptimisationRun | None
    people_chosen: int
    people_total: int
    cost_chosen: int

    @property
    def coverage_gain(self) -> float | None:
        """People newly served by the funded lines / projected population, last plan year."""
        fiscal = self.table.fiscal
        if self.run is None or fiscal is None or fiscal.population is None:
            return None
        population = fiscal.population.by_year.get(self.table.years[-1], 0)
        return self.people_chosen / population if population > 0 else None

    @property
    def chart_id(self) -> str:
        return f"tabel51-{self.scenario.pk}"

    @property
    def manual_ratio(self) -> float | None:
        """Optimiser value / the cut-lowest-priority hand rule's value."""
        if self.run is None or self.run.manual_value <= 0:
            return None
        return self.run.value / self.run.manual_value


def _people(line: ScenarioLine) -> int:
    """People newly served; O&M lines keep the same people served, so they do not add."""
    return 0 if line.kegiatan_type == "om" else line.people_served


def compare(region: Region, fiscal_year: int) -> list[Comparison]:
    """One column per scenario of the cycle: need, gaps, the last run (side by side)."""
    out = []
    for scenario in scenarios_of(region, fiscal_year):
        lines = list(scenario.lines.all())
        runs = list(scenario.runs.all())
        run = runs[0] if runs else None
        chosen = set(run.chosen) if run else set()
        out.append(
            Comparison(
                scenario=scenario,
                table=table51(scenario, lines),
                run=run,
                people_chosen=sum(_people(line) for line in lines if line.pk in chosen),
                people_total=sum(_people(line) for line in lines),
                cost_chosen=sum(line.total for line in lines if line.pk in chosen),
            )
        )
    return out


def chosen_scenario(region: Region) -> Scenario | None:
    """The chosen scenario of the kab/kota's latest cycle year that has one."""
    return (
        Scenario.objects.filter(region=region, chosen=True)
        .select_related("region")
        .order_by("-fiscal_year")
        .first()
    )


def _cost_line(scenario: Scenario, line: ScenarioLine) -> CostLine:
    return CostLine(
        subsector=line.subsector,
        kegiatan_type=line.kegiatan_type,
        zone=line.zone,
        description=line.description,
        first_year=scenario.plan_years[0],
        amounts_by_year=tuple(float(a) for a in line.amounts),
        priority=line.priority,
        funding_source=line.funding_source,
    )


def chosen_cost_lines(region: Region, *, scenario: Scenario | None = None) -> list[CostLine] | None:
    """The chosen scenario's cost lines for Proses 4, or None when none is chosen.

    Every line of the scenario is returned, so that their sums per subsector equal the
    rows of its Tabel 5.1. When the optimiser has run, the funded lines come first and
    the Daftar Tunggu after them (in the optimiser's order); otherwise lines are ordered
    by subsector, zone and entry. ``priority`` is the Pokja's (1 = highest, 0 = not
    ranked); ``funding_source`` is one of `ppsp.scenarios.models.FundingSource` values
    ("apbd_kabkota", "apbd_provinsi", "apbn", "dak", "hibah", "csr", "masyarakat").
    Amounts are rupiah per plan year from ``first_year`` (the cycle year + 1).
    ``scenario`` (optional) names the scenario of a given period (documents of the past).
    """
    scenario = scenario or chosen_scenario(region)
    if scenario is None:
        return None
    lines = lines_of(scenario)
    run = latest_run(scenario)
    if run is not None:
        rank = {pk: k for k, pk in enumerate(run.chosen)}
        rank.update({w["line"]: len(rank) + k for k, w in enumerate(run.waiting)})
        lines.sort(key=lambda line: rank.get(line.pk, len(rank)))
    return [_cost_line(scenario, line) for line in lines]


def chosen_daftar_tunggu(region: Region) -> list[CostLine] | None:
    """The Daftar Tunggu of the chosen scenario's latest optimiser run (None: no run)."""
    scenario = chosen_scenario(region)
    run = latest_run(scenario) if scenario else None
    if scenario is None or run is None:
        return None
    by_pk = {line.pk: line for line in lines_of(scenario)}
    return [_cost_line(scenario, by_pk[w["line"]]) for w in run.waiting if w["line"] in by_pk]


def proses3_problems(process: Any) -> list[str]:
    """Proses 3 prerequisite (cycles hook): a chosen scenario with the Pokja's justification."""
    cycle = process.cycle
    chosen = Scenario.objects.filter(
        region_id=cycle.region_id, fiscal_year=cycle.fiscal_year, chosen=True
    ).first()
    if chosen is None:
        return [
            "Belum ada skenario terpilih untuk siklus ini: jalankan optimasi, pilih satu "
            "skenario dan tuliskan alasan Pokja (Proses 3)."
        ]
    if not chosen.justification.strip():
        return [f"Skenario terpilih {chosen.name} belum memiliki alasan pemilihan dari Pokja."]
    return []
