"""Demo realisation for 15.07 (issue 10): an approved report for the first plan year and a
draft for the second, then the aggregates are refreshed so the dashboards show them.

The demo Lampiran 4 window starts in 2027 (ppsp/demo/mps.py), so the reports use the first
two plan years; years outside a plan window would have no targets to compare with.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.monev.aggregates import aggregates_refresh
from ppsp.monev.models import Report
from ppsp.monev.services import realisation_save, report_approve, report_open, report_submit
from ppsp.mps.models import KklNode, Plan
from ppsp.regions.models import Region


def _values(plan: Plan, year: int, share: float) -> tuple[dict[int, Any], dict[int, Any]]:
    index = year - plan.first_year
    rows: dict[int, Any] = {}
    for n, row in enumerate(plan.rows.order_by("priority", "pk")):
        planned = row.amounts[index]
        if n % 5 == 4:  # every fifth row: the figure is not in yet
            rows[row.pk] = {
                "budget": None,
                "output": None,
                "work_status": "berjalan",
                "na_code": "belum_tersedia",
                "na_reason": "SP2D belum diterima dari BPKAD",
            }
            continue
        rows[row.pk] = {
            "budget": int(planned * share),
            "output": (row.volume * Decimal(str(share))).quantize(Decimal("0.01")),
            "work_status": "selesai" if share >= 0.9 else "berjalan",
            "evidence": f"SP2D/{year}/{row.pk:04d}",
        }
    indicators = {}
    for node in KklNode.objects.filter(plan=plan, level="sasaran"):
        target: Any = (node.targets or {}).get(str(year))
        base = float(node.baseline_value or 0)
        value = base + (float(target) - base) * share if target not in (None, "") else base
        indicators[node.pk] = {"value": Decimal(f"{value:.2f}"), "source": "ehra"}
    return rows, indicators


@transaction.atomic
def load_monev_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    plan = Plan.objects.filter(region=region).order_by("-first_year").first()
    if plan is None:
        stdout.write("Monev demo dilewati: belum ada Lampiran 4.")
        return
    if Report.objects.filter(region=region).exists():
        stdout.write("Realisasi demo sudah ada.")
        return
    first, second = plan.first_year, plan.first_year + 1
    for year, share in ((first, 0.85), (second, 0.4)):
        report = report_open(region=region, year=year, by=None)
        rows, indicators = _values(plan, year, share)
        realisation_save(report=report, rows=rows, indicators=indicators, by=None)
        if year == first:
            report_submit(report=report, by=None)
            report_approve(report=report, by=None, comment="Sesuai SP2D (demo)")
    for year in (first, second):
        aggregates_refresh(year)
    stdout.write(f"Realisasi demo: laporan {first} disetujui, {second} draf.")
