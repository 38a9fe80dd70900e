"""Demo Kerangka Kerja Logis (§13) of Kabupaten Tanjung Jabung Timur (15.07).

One chain per subsector: permasalahan mendesak → isu strategis → tujuan → sasaran (with
indicator, nilai dasar and targets for the five plan years) → strategi. Every demo
Lampiran 4 row is then linked to a strategi of its subsector (`strategi_key`), so that
the KKL link checks pass: each row has a strategi and each sasaran has kegiatan. Also
completes the SWOT of a plan loaded before the SWOT had three subsectors. Illustrative
figures ("contoh") for a tidal, peat and river-settlement kabupaten. Idempotent: the
tree is made once per plan; only rows without a strategi are linked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.demo.swot import add_demo_swot
from ppsp.mps.models import KklNode, Plan, ProgrammeRow
from ppsp.mps.selectors import current_plan, kkl_check
from ppsp.mps.services import kkl_node_add, row_save
from ppsp.regions.models import Region

BASELINE_YEAR = 2025


@dataclass(frozen=True)
class Sasaran:
    text: str
    indicator: str
    baseline: str
    targets: tuple[float, float, float, float, float]  # plan years 1–5
    strategi: tuple[tuple[str, str], ...]  # (key, text)


@dataclass(frozen=True)
class Chain:
    subsector: str
    permasalahan: str
    isu: str
    tujuan: str
    sasaran: tuple[Sasaran, ...]


TREE: tuple[Chain, ...] = (
    Chain(
        "air_limbah",
        "BABS tinggi di desa pesisir; jamban cemplung di atas sungai dan parit",
        "Tangki septik biasa tidak cocok di lahan pasang surut dan gambut; belum ada LLTT",
        "Meningkatkan akses air limbah domestik layak dan aman",
        (
            Sasaran(
                "Menurunnya proporsi penduduk yang BABS menjadi 0% pada tahun 2031",
                "Proporsi penduduk BABS (%)",
                "24.60",
                (19.0, 14.0, 9.0, 4.0, 0.0),
                (
                    (
                        "al_perilaku",
                        "Pemicuan STBM dan perubahan perilaku, diutamakan di desa pesisir "
                        "berisiko sangat tinggi",
                    ),
                ),
            ),
            Sasaran(
                "Meningkatnya akses air limbah domestik layak menjadi 90% pada tahun 2031",
                "Proporsi rumah tangga dengan akses sanitasi layak (%)",
                "58.30",
                (64.0, 70.0, 77.0, 84.0, 90.0),
                (
                    (
                        "al_infra",
                        "Tangki septik kedap/biofilter dan SPALD komunal yang sesuai lahan "
                        "pasang surut",
                    ),
                    (
                        "al_layanan",
                        "Layanan lumpur tinja terjadwal (LLTT) dan operator yang kuat",
                    ),
                ),
            ),
        ),
    ),
    Chain(
        "persampahan",
        "Sampah dibuang ke sungai, parit dan kolong rumah panggung",
        "Layanan angkut sampah rendah, TPA masih open dumping, 3R belum berjalan",
        "Meningkatkan penanganan dan pengurangan sampah rumah tangga",
        (
            Sasaran(
                "Meningkatnya penanganan sampah rumah tangga menjadi 70% pada tahun 2031",
                "Persentase sampah rumah tangga yang tertangani (%)",
                "22.50",
                (32.0, 42.0, 52.0, 61.0, 70.0),
                (
                    (
                        "sp_layanan",
                        "Perluasan layanan angkut sampah ke ibu kota kecamatan dan "
                        "permukiman tepian sungai",
                    ),
                    ("sp_tpa", "Peningkatan TPA menjadi sanitary landfill bertahap"),
                ),
            ),
            Sasaran(
                "Meningkatnya pengurangan sampah di sumber menjadi 20% pada tahun 2031",
                "Persentase sampah yang dikurangi di sumber (%)",
                "3.00",
                (6.0, 9.0, 13.0, 17.0, 20.0),
                (
                    (
                        "sp_kurang",
                        "TPS 3R, bank sampah dan sosialisasi pemilahan di rumah tangga",
                    ),
                ),
            ),
        ),
    ),
    Chain(
        "drainase",
        "Genangan berulang di permukiman Muara Sabak saat pasang tinggi dan hujan lebat",
        "Drainase belum terpadu dengan pintu air pasang surut; pemeliharaan belum rutin",
        "Mengurangi genangan di kawasan permukiman perkotaan",
        (
            Sasaran(
                "Berkurangnya luas genangan di permukiman perkotaan menjadi 10 ha pada 2031",
                "Luas genangan di kawasan permukiman (ha)",
                "85.00",
                (70.0, 55.0, 40.0, 25.0, 10.0),
                (
                    (
                        "dr_infra",
                        "Saluran drainase lingkungan yang terhubung ke pintu air pasang surut",
                    ),
                    ("dr_om", "Normalisasi dan pemeliharaan rutin saluran bersama warga"),
                ),
            ),
        ),
    ),
)


def strategi_key(row: ProgrammeRow) -> str:
    """The demo strategi a Lampiran 4 row serves, from its subsector, kategori and name."""
    kegiatan = row.kegiatan.lower()
    if row.subsector in ("air_limbah", "phbs"):
        if row.kategori == "pemicuan_sosialisasi" or row.subsector == "phbs":
            return "al_perilaku"
        return "al_layanan" if row.kategori == "operasi_pemeliharaan" else "al_infra"
    if row.subsector == "persampahan":
        if row.kategori == "pemicuan_sosialisasi" or "3r" in kegiatan:
            return "sp_kurang"
        return "sp_tpa" if "tpa" in kegiatan else "sp_layanan"
    if row.subsector == "drainase":
        return "dr_om" if row.kategori == "operasi_pemeliharaan" else "dr_infra"
    return "al_perilaku"


def _tree(plan: Plan) -> dict[str, KklNode]:
    """Create the tree; returns the strategi nodes by key."""
    years = plan.years
    out: dict[str, KklNode] = {}
    for chain in TREE:
        node = kkl_node_add(
            plan=plan, level="permasalahan", text=chain.permasalahan, subsector=chain.subsector,
            by=None,
        )  # fmt: skip
        node = kkl_node_add(plan=plan, level="isu", text=chain.isu, parent=node, by=None)
        tujuan = kkl_node_add(plan=plan, level="tujuan", text=chain.tujuan, parent=node, by=None)
        for item in chain.sasaran:
            sasaran = kkl_node_add(
                plan=plan,
                level="sasaran",
                text=item.text,
                parent=tujuan,
                indicator=item.indicator,
                baseline_value=Decimal(item.baseline),
                baseline_year=BASELINE_YEAR,
                targets={str(y): v for y, v in zip(years, item.targets, strict=True)},
                by=None,
            )
            for key, text in item.strategi:
                out[key] = kkl_node_add(
                    plan=plan, level="strategi", text=text, parent=sasaran, by=None
                )
    return out


def _strategi_by_key(plan: Plan) -> dict[str, KklNode]:
    texts = {text: key for c in TREE for s in c.sasaran for key, text in s.strategi}
    nodes = plan.kkl_nodes.filter(level="strategi", text__in=list(texts))
    return {texts[n.text]: n for n in nodes}


@transaction.atomic
def load_kkl_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    plan = current_plan(region)
    if plan is None:
        stdout.write("KKL demo: Lampiran 4 belum ada, dilewati.")
        return
    swot = add_demo_swot(plan)
    made = not plan.kkl_nodes.exists()
    strategi = _tree(plan) if made else _strategi_by_key(plan)
    linked = 0
    for row in plan.rows.filter(strategi__isnull=True).order_by("pk"):
        node = strategi.get(strategi_key(row))
        if node is not None:
            row.strategi = node
            row_save(row=row, by=None, reason="contoh: tautan KKL demo")
            linked += 1
    problems = len(kkl_check(plan))
    stdout.write(
        f"KKL demo {DEMO_KABKOTA}: {'dibuat' if made else 'sudah ada'}, {linked} kegiatan "
        f"ditautkan, {swot} faktor SWOT baru, {problems} masalah tautan."
    )
