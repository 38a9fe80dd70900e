"""Reads of monev data through the user's scope; access helpers answer 404."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ppsp.compute.monev import TargetStatus, target_status
from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.exchange.derived import Derived, derived_realisations
from ppsp.monev.models import IndicatorRealisation, Report, RowRealisation
from ppsp.mps.models import YEARS, KklNode, Plan, ProgrammeRow
from ppsp.regions.models import Region


def get_report_for_user(user: Any, pk: int, *, permission: Permission | None = None) -> Report:
    return object_for_user(user, Report, pk, permission or Permission.VIEW_MONEV, "region.code")


def plan_for_year(region: Region, year: int) -> Plan | None:
    """The SSK plan whose five years contain `year`, else the newest plan (targets 0)."""
    plans = list(Plan.objects.filter(region=region).order_by("-first_year"))
    for plan in plans:
        if plan.first_year <= year < plan.first_year + YEARS:
            return plan
    return plans[0] if plans else None


def planned_amount(row: ProgrammeRow, first_year: int, year: int) -> int:
    index = year - first_year
    return int(row.amounts[index]) if 0 <= index < YEARS else 0


def target_for(node: KklNode, year: int) -> float | None:
    value: Any = (node.targets or {}).get(str(year))
    return None if value is None or value == "" else float(value)


@dataclass
class RowLine:
    row: ProgrammeRow
    planned: int
    value: RowRealisation | None
    status: TargetStatus
    offered: Derived | None = None  # SIPD realisation of the row's sub-kegiatan code


@dataclass
class IndicatorLine:
    node: KklNode
    target: float | None
    value: IndicatorRealisation | None
    status: TargetStatus
    offered: Derived | None = None  # derived from imported STBM/SIPSN figures


@dataclass
class KabkotaMonev:
    region: Region
    year: int
    plan: Plan | None
    report: Report | None
    rows: list[RowLine]
    indicators: list[IndicatorLine]
    planned_total: int
    realised_total: int


def kabkota_monev(region: Region, year: int) -> KabkotaMonev:
    """Targets vs realisation per programme row and per sasaran indicator (fixed queries)."""
    plan = plan_for_year(region, year)
    report = Report.objects.filter(region=region, year=year).first()
    rows_values: dict[int, RowRealisation] = {}
    ind_values: dict[int, IndicatorRealisation] = {}
    if report is not None:
        rows_values = {v.row_id: v for v in report.row_values.all()}
        ind_values = {v.node_id: v for v in report.indicator_values.all()}
    rows: list[RowLine] = []
    indicators: list[IndicatorLine] = []
    if plan is not None:
        for row in plan.rows.order_by("subsector", "source", "priority", "pk"):
            planned = planned_amount(row, plan.first_year, year)
            value = rows_values.get(row.pk)
            realised = value.budget if value is not None else None
            status = target_status(realised, planned if planned else None, 0)
            rows.append(RowLine(row, planned, value, status))
        for node in plan.kkl_nodes.filter(level="sasaran").order_by("pk"):
            target = target_for(node, year)
            ivalue = ind_values.get(node.pk)
            real = float(ivalue.value) if ivalue is not None and ivalue.value is not None else None
            base = float(node.baseline_value) if node.baseline_value is not None else None
            indicators.append(
                IndicatorLine(node, target, ivalue, target_status(real, target, base))
            )
    offered_indicators, offered_rows = derived_realisations(
        region,
        year,
        [
            (line.node.pk, line.node.indicator or line.node.text, line.node.subsector)
            for line in indicators
        ],
        [(line.row.pk, line.row.kegiatan_code) for line in rows],
    )
    for line in indicators:
        line.offered = offered_indicators.get(line.node.pk)
    for rline in rows:
        rline.offered = offered_rows.get(rline.row.pk)
    return KabkotaMonev(
        region=region,
        year=year,
        plan=plan,
        report=report,
        rows=rows,
        indicators=indicators,
        planned_total=sum(r.planned for r in rows),
        realised_total=sum((r.value.budget or 0) for r in rows if r.value is not None),
    )


def trend(region: Region) -> dict[str, list[Any]]:
    """Planned vs realised Rp per year of the kab/kota's reports, for the trend chart."""
    plan_rows: dict[int, list[ProgrammeRow]] = {}
    years: list[int] = []
    realised: list[int] = []
    planned: list[int] = []
    reports = Report.objects.filter(region=region).order_by("year")
    values = RowRealisation.objects.filter(report__region=region).values_list(
        "report__year", "budget"
    )
    by_year: dict[int, int] = {}
    for year, budget in values:
        by_year[year] = by_year.get(year, 0) + (budget or 0)
    for report in reports:
        plan = plan_for_year(region, report.year)
        if plan is not None and plan.pk not in plan_rows:
            plan_rows[plan.pk] = list(plan.rows.all())
        rows = plan_rows.get(plan.pk, []) if plan else []
        years.append(report.year)
        realised.append(by_year.get(report.year, 0))
        planned.append(
            sum(planned_amount(r, plan.first_year, report.year) for r in rows) if plan else 0
        )
    return {"years": years, "planned": planned, "realised": realised}


def decimal_or_none(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
