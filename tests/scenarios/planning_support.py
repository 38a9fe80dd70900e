"""Shared set-up for the Proses 3 (finance and scenarios) tests (not a test module)."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from ppsp.demo.scenarios import demo_fiscal_capacity
from ppsp.finance.models import FiscalCapacity
from ppsp.regions.models import Region
from ppsp.scenarios import services
from ppsp.scenarios.models import Scenario, UnitCostTable
from ppsp.scenarios.seed import CODE, seed_unit_costs

JUTA = 1_000_000


def unit_costs() -> UnitCostTable:
    """The seeded unit-cost table (data migration; re-created after a flush)."""
    seed_unit_costs(apps)
    return UnitCostTable.objects.get(code=CODE)


def capacity_in(code: str, year: int = 2026) -> FiscalCapacity:
    return demo_fiscal_capacity(Region.objects.get(code=code), None, fiscal_year=year)


def scenario_in(code: str, year: int = 2026, name: str = "Uji", by: Any = None) -> Scenario:
    existing = Scenario.objects.filter(region__code=code, fiscal_year=year, name=name).first()
    if existing is not None:
        return existing
    return services.scenario_create(
        region=Region.objects.get(code=code),
        fiscal_year=year,
        name=name,
        unit_costs=unit_costs(),
        by=by,
    )


def line_in(code: str) -> Any:
    scenario = scenario_in(code)
    line = scenario.lines.first()
    if line is None:
        line = services.scenario_line_add(
            scenario=scenario,
            subsector="air_limbah",
            kegiatan_type="konstruksi",
            description="Tangki septik individual",
            amounts=[100 * JUTA] * 5,
            people_served=500,
            by=None,
        )
    return line


def choose_scenario_for(code: str, year: int) -> Scenario:
    """A chosen scenario with a justification (the Proses 3 sign-off prerequisite)."""
    chosen = Scenario.objects.filter(region__code=code, fiscal_year=year, chosen=True).first()
    if chosen is not None:
        return chosen
    scenario = scenario_in(code, year, name="Terpilih")
    Scenario.objects.filter(pk=scenario.pk).update(chosen=True, justification="Paling optimal")
    scenario.refresh_from_db()
    return scenario
