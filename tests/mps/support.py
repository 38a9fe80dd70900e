"""Builders for Proses 4 tests: cost lines as the chosen scenario would hand them over."""

from __future__ import annotations

from ppsp.compute.records import CostLine
from ppsp.mps.models import Plan
from ppsp.mps.services import rows_generate
from ppsp.regions.models import Region

FIRST_YEAR = 2026
JUTA = 1_000_000


def cost_lines() -> list[CostLine]:
    return [
        CostLine(
            "air_limbah",
            "konstruksi",
            "Zona 1",
            "IPAL komunal Zona 1",
            FIRST_YEAR,
            (300 * JUTA, 400 * JUTA, 0, 0, 0),
            priority=1,
        ),
        CostLine(
            "air_limbah",
            "advokasi",
            "",
            "Sosialisasi STBM pilar 5",
            FIRST_YEAR,
            (50 * JUTA,) * 5,
            priority=3,
        ),
        CostLine(
            "persampahan",
            "konstruksi",
            "Zona 2",
            "TPS3R Zona 2",
            FIRST_YEAR,
            (0, 250 * JUTA, 250 * JUTA, 0, 0),
            priority=2,
            funding_source="apbn",
        ),
        CostLine(
            "drainase",
            "studi_desain",
            "",
            "DED drainase kota",
            FIRST_YEAR,
            (120_400_000, 0, 0, 0, 0),
            priority=0,
        ),
    ]


def plan_in(kabkota_code: str) -> Plan:
    existing = Plan.objects.filter(region__code=kabkota_code).first()
    if existing is not None:
        return existing
    return rows_generate(region=Region.objects.get(code=kabkota_code), lines=cost_lines(), by=None)
