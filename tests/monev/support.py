"""Builders for monev tests: the 15.07 Lampiran 4 plan with one sasaran indicator."""

from __future__ import annotations

from decimal import Decimal

from ppsp.monev.models import Report
from ppsp.monev.services import report_open
from ppsp.mps.models import KklNode, Plan
from ppsp.regions.models import Region
from tests.mps.support import FIRST_YEAR, plan_in

YEAR = FIRST_YEAR  # 2026, the first plan year


def plan_with_sasaran(code: str = "15.07") -> Plan:
    plan = plan_in(code)
    if not plan.kkl_nodes.filter(level="sasaran").exists():
        KklNode.objects.create(
            plan=plan,
            level="sasaran",
            subsector="air_limbah",
            text="Meningkatnya akses sanitasi aman",
            indicator="% rumah tangga dengan akses sanitasi layak",
            baseline_value=Decimal("40"),
            baseline_year=2025,
            targets={str(YEAR): 50.0, str(YEAR + 1): 60.0},
        )
    return plan


def sasaran(plan: Plan) -> KklNode:
    return plan.kkl_nodes.get(level="sasaran")


def report_in(code: str, year: int = YEAR) -> Report:
    plan_with_sasaran(code[:5])
    return report_open(region=Region.objects.get(code=code[:5]), year=year, by=None)


def full_values(plan: Plan) -> tuple[dict[int, dict[str, object]], dict[int, dict[str, object]]]:
    rows = {
        row.pk: {"budget": 100_000_000, "output": Decimal("1"), "work_status": "berjalan"}
        for row in plan.rows.all()
    }
    indicators = {sasaran(plan).pk: {"value": Decimal("47.5"), "source": "ehra"}}
    return rows, indicators
