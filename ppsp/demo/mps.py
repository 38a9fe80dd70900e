"""Demo Lampiran 4 for Kabupaten Tanjung Jabung Timur (15.07): rows generated from the
chosen scenario (or, while Proses 3 has none, from the illustrative cost lines below),
an APBD komitmen, two funding commitments and the SWOT (`ppsp.demo.swot`). Numbers are
illustrative ("contoh"). Idempotent.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from ppsp.compute.records import CostLine
from ppsp.demo.data import DEMO_KABKOTA
from ppsp.demo.swot import add_demo_swot
from ppsp.mps.models import CommitmentStatus, FundingCommitment, Party, Plan
from ppsp.mps.selectors import scenario_cost_lines
from ppsp.mps.services import plan_set_komitmen, rows_generate
from ppsp.mps.services.funding import commitment_advance, commitment_record
from ppsp.regions.models import Region

FIRST_YEAR = 2027
JUTA = 1_000_000


def demo_cost_lines() -> list[CostLine]:
    """Illustrative cost need (Rp) of a chosen scenario for 15.07, five years from 2027."""
    y = FIRST_YEAR
    return [
        CostLine(
            "air_limbah",
            "konstruksi",
            "Zona 1 Muara Sabak",
            "IPAL komunal Muara Sabak",
            y,
            (0, 850 * JUTA, 900 * JUTA, 0, 0),
            priority=1,
        ),
        CostLine(
            "air_limbah",
            "studi_desain",
            "",
            "DED SPALD terpusat skala kawasan",
            y,
            (350 * JUTA, 0, 0, 0, 0),
            priority=2,
            funding_source="apbn",
        ),
        CostLine(
            "air_limbah",
            "advokasi",
            "",
            "Pemicuan STBM pilar 1 desa rawan",
            y,
            (120 * JUTA,) * 5,
            priority=4,
        ),
        CostLine(
            "persampahan",
            "konstruksi",
            "Zona 2 Nipah Panjang",
            "TPS3R Nipah Panjang",
            y,
            (0, 600 * JUTA, 0, 0, 0),
            priority=3,
            funding_source="dak",
        ),
        CostLine(
            "persampahan", "om", "", "Operasional truk sampah", y, (180 * JUTA,) * 5, priority=5
        ),
        CostLine(
            "drainase",
            "konstruksi",
            "Zona 1 Muara Sabak",
            "Saluran drainase tersier",
            y,
            (0, 0, 700 * JUTA, 700 * JUTA, 0),
            priority=6,
        ),
    ]


@transaction.atomic
def load_mps_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    if Plan.objects.filter(region=region).exists():
        stdout.write("Lampiran 4 demo sudah ada.")
        return
    lines = scenario_cost_lines(region) or demo_cost_lines()
    plan = rows_generate(region=region, lines=lines, by=None)
    plan_set_komitmen(plan=plan, komitmen_apbd=4_000 * JUTA, by=None)
    rows = list(plan.rows.order_by("priority", "pk"))
    first = rows[0]
    provincial = commitment_record(
        row=first,
        party=Party.POKJA_PROVINSI,
        year=plan.first_year + 1,
        amount=250 * JUTA,
        evidence="contoh: BA kesepakatan Pokja Provinsi",
        by=None,
    )
    commitment_advance(commitment=provincial, target=CommitmentStatus.DISEPAKATI, by=None)
    commitment_record(
        row=rows[-1],
        party=Party.MASYARAKAT,
        year=plan.first_year + 2,
        amount=40 * JUTA,
        kind="in_kind_tenaga",
        description="contoh: gotong royong warga, 400 HOK untuk galian dan pemasangan pipa",
        by=None,
    )
    add_demo_swot(plan)
    count = FundingCommitment.objects.filter(row__plan=plan).count()
    stdout.write(f"Lampiran 4 demo: {plan.rows.count()} baris, {count} komitmen.")
