"""Demo Proses 3 for Kabupaten Tanjung Jabung Timur (15.07), cycle 2026, SSK 2027–2031.

SYNTHETIC but plausible: belanja sanitasi realisation of five OPD for 2021–2025 (about
Rp 11–15 milyar a year, ~1 % of a Rp 1.3 triliun APBD), DAK and grants, the plan-year
O&M of built assets and total APBD, a komitmen of 0.6 % of the APBD; then two scenarios,
"Akses universal" and "Sesuai kemampuan", both optimised, the second chosen with the
Pokja's justification. Written through the services (audited as the demo Pokja).
Idempotent.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from ppsp.accounts.models import Role, RoleAssignment
from ppsp.demo.data import DEMO_KABKOTA
from ppsp.finance import services as finance
from ppsp.finance.models import FiscalCapacity
from ppsp.regions.models import Region
from ppsp.scenarios import services
from ppsp.scenarios.models import Scenario, UnitCostItem, UnitCostTable
from ppsp.scenarios.seed import CODE as UNIT_COSTS
from ppsp.scenarios.services import optimise as services_optimise
from ppsp.scenarios.services import vision as services_vision
from ppsp.scenarios.services import zones as services_zones

FISCAL_YEAR = 2026
JUTA = 1_000_000

# OPD -> realisation 2021..2025 [Rp juta]
BELANJA: dict[str, tuple[int, ...]] = {
    "Dinas Pekerjaan Umum dan Penataan Ruang": (5_200, 5_650, 6_100, 6_480, 7_020),
    "Dinas Perumahan dan Kawasan Permukiman": (2_100, 2_260, 2_420, 2_650, 2_840),
    "Dinas Lingkungan Hidup": (2_400, 2_520, 2_700, 2_950, 3_120),
    "Dinas Kesehatan": (850, 910, 960, 1_010, 1_090),
    "Bappeda": (300, 320, 330, 360, 380),
}
# year -> DAK sanitasi, DAK LH, DAK perkim, pinjaman/hibah, investasi, OP, belanja langsung
HISTORY: dict[int, tuple[int, ...]] = {
    2021: (1_800, 400, 600, 0, 8_400, 2_450, 560_000),
    2022: (1_900, 420, 650, 0, 9_050, 2_610, 585_000),
    2023: (2_000, 450, 700, 250, 9_650, 2_860, 610_000),
    2024: (2_100, 480, 750, 0, 10_350, 3_100, 640_000),
    2025: (2_200, 500, 800, 0, 11_150, 3_300, 668_000),
}
# year -> O&M of built assets, total APBD, komitmen path (unused with pct_apbd) [Rp juta]
PLAN: dict[int, tuple[int, int, int]] = {
    2027: (1_450, 1_420_000, 0),
    2028: (1_520, 1_475_000, 0),
    2029: (1_600, 1_530_000, 0),
    2030: (1_680, 1_590_000, 0),
    2031: (1_760, 1_650_000, 0),
}
HISTORY_NAMES = (
    "dak_sanitasi",
    "dak_lh",
    "dak_perkim",
    "pinjaman_hibah",
    "investasi",
    "om",
    "belanja_langsung",
)


def demo_fiscal_capacity(region: Region, by: Any, fiscal_year: int = FISCAL_YEAR) -> FiscalCapacity:
    """PT-03 of the demo kab/kota: OPD realisation, DAK, plan years, komitmen 0.6 % APBD."""
    existing = FiscalCapacity.objects.filter(region=region, fiscal_year=fiscal_year).first()
    if existing is not None:
        return existing
    capacity = finance.fiscal_capacity_create(region=region, fiscal_year=fiscal_year, by=by)
    years = capacity.history_years
    for opd, amounts in BELANJA.items():
        finance.belanja_opd_set(
            capacity=capacity,
            opd=opd,
            amounts={y: a * JUTA for y, a in zip(years, amounts, strict=True)},
            by=by,
        )
    shift = fiscal_year - FISCAL_YEAR
    finance.history_years_update(
        capacity=capacity,
        values={
            y + shift: {n: v * JUTA for n, v in zip(HISTORY_NAMES, row, strict=True)}
            for y, row in HISTORY.items()
        },
        by=by,
    )
    finance.plan_years_update(
        capacity=capacity,
        values={
            y + shift: {"om_existing": om * JUTA, "apbd_total": apbd * JUTA, "komitmen": k * JUTA}
            for y, (om, apbd, k) in PLAN.items()
        },
        by=by,
    )
    return finance.fiscal_settings_update(
        capacity=capacity,
        by=by,
        growth_method="mean",
        deduct_om_existing=True,
        komitmen_mode="pct_apbd",
        komitmen_pct=Decimal("0.600"),
    )


def _item(table: UnitCostTable, name: str) -> UnitCostItem:
    return table.items.get(name=name)


# zone, subsector, technology, jiwa, growth %, baseline %, target %, risk class, priority
Zone = tuple[str, str, str, int, float, float, float, int, int]
UNIVERSAL_ZONES: tuple[Zone, ...] = (
    ("Zona 1 Muara Sabak", "air_limbah", "Tangki septik individual", 48_000, 1.6, 45, 95, 4, 1),
    ("Zona 2 Nipah Panjang", "air_limbah", "IPAL komunal minimal 50 KK", 22_000, 1.4, 0, 40, 3, 4),
    ("Kawasan perkotaan Muara Sabak", "persampahan", "TPS 3R", 52_000, 1.6, 10, 60, 3, 2),
    ("Zona 3 Mendahara", "air_limbah", "Tangki septik komunal 5–10 KK", 18_000, 1.2, 20, 60, 2, 5),
)
CAPACITY_ZONES: tuple[Zone, ...] = (
    ("Zona 1 Muara Sabak", "air_limbah", "Tangki septik individual", 48_000, 1.6, 45, 70, 4, 1),
    ("Kawasan perkotaan Muara Sabak", "persampahan", "Gerobak motor (roda 3)", 52_000, 1.6, 10,
     35, 3, 2),
)  # fmt: skip


def _zones(scenario: Scenario, table: UnitCostTable, by: Any, zones: tuple[Zone, ...]) -> None:
    for zone, subsector, item, people, growth, baseline, target, risk, priority in zones:
        services_zones.scenario_zone_generate(
            scenario=scenario,
            subsector=subsector,
            zone=zone,
            unit_cost=_item(table, item),
            population=people,
            growth_pct=growth,
            baseline_pct=baseline,
            target_pct=target,
            risk_class=risk,
            priority=priority,
            by=by,
        )


def _universal(scenario: Scenario, table: UnitCostTable, by: Any) -> None:
    _zones(scenario, table, by, UNIVERSAL_ZONES)
    _shared_lines(scenario, table, by, drain_metres=(0, 600, 700, 700, 500))
    services.scenario_line_add(
        scenario=scenario,
        subsector="air_limbah",
        kegiatan_type="konstruksi",
        zone="Kab/kota",
        description="IPLT kapasitas 20 m³/hari dan truk tinja",
        amounts=[0, 4_000 * JUTA, 5_100 * JUTA, 0, 0],
        people_served=60_000,
        risk_class=3,
        priority=3,
        funding_source="apbn",
        by=by,
    )
    services.source_caps_set(
        scenario=scenario,
        caps={"apbn": [0, 4_000 * JUTA, 5_500 * JUTA, 1_000 * JUTA, 1_000 * JUTA],
              "dak": [2_500 * JUTA] * 5},
        by=by,
    )  # fmt: skip


def _capacity_bound(scenario: Scenario, table: UnitCostTable, by: Any) -> None:
    _zones(scenario, table, by, CAPACITY_ZONES)
    _shared_lines(scenario, table, by, drain_metres=(0, 300, 300, 300, 300))
    services.scenario_line_add(
        scenario=scenario,
        subsector="persampahan",
        kegiatan_type="konstruksi",
        zone="TPA Kabupaten",
        description="Sel TPA sanitary landfill 1 ha",
        unit_cost=_item(table, "Sel TPA sanitary landfill"),
        volumes=[0, 0, 1, 0, 0],
        people_served=30_000,
        risk_class=2,
        priority=4,
        by=by,
    )
    services.source_caps_set(scenario=scenario, caps={"dak": [2_000 * JUTA] * 5}, by=by)


def _shared_lines(
    scenario: Scenario, table: UnitCostTable, by: Any, drain_metres: tuple[int, ...]
) -> None:
    add = services.scenario_line_add
    add(
        scenario=scenario,
        subsector="air_limbah",
        kegiatan_type="studi_desain",
        zone="Kab/kota",
        description="Masterplan air limbah domestik",
        amounts=[1_200 * JUTA, 0, 0, 0, 0],
        mandatory=True,
        priority=1,
        risk_class=2,
        by=by,
    )
    add(
        scenario=scenario,
        subsector="drainase",
        kegiatan_type="konstruksi",
        zone="Kawasan pasar Muara Sabak",
        description="Saluran drainase lingkungan baru",
        unit_cost=_item(table, "Saluran drainase lingkungan baru"),
        volumes=list(drain_metres),
        people_served=9_000,
        risk_class=4,
        priority=3,
        funding_source="dak",
        by=by,
    )
    add(
        scenario=scenario, subsector="phbs", kegiatan_type="advokasi", zone="Kab/kota",
        description="Kampanye CTPS dan STBM di 30 desa berisiko tinggi",
        unit_cost=_item(table, "Kampanye CTPS dan STBM per desa"), volumes=[6, 6, 6, 6, 6],
        people_served=15_000, risk_class=4, priority=2, by=by,
    )  # fmt: skip


# zone, subsector, system, stage now, 5-year stage, 20-year stage, 5-year %, 20-year %
STAGES: tuple[tuple[str, str, str, int, int, int, float, float], ...] = (
    ("Zona 1 Muara Sabak", "air_limbah", "Setempat + IPLT", 1, 2, 4, 70, 100),
    ("Zona 2 Nipah Panjang", "air_limbah", "Komunal (SPALD-T permukiman)", 0, 3, 3, 40, 90),
    ("Kawasan perkotaan Muara Sabak", "persampahan", "TPS 3R + angkut ke TPA", 1, 3, 4, 35, 95),
)


def _vision_and_stages(region: Region, by: Any) -> None:
    """Bab 3.1 visi/misi and the tahapan pengembangan of every demo scenario's zones."""
    services_vision.vision_save(
        region=region,
        fiscal_year=FISCAL_YEAR,
        visi_kabkota="Tanjung Jabung Timur yang maju, sejahtera dan berdaya saing",
        visi_sanitasi="Terwujudnya sanitasi layak dan aman bagi seluruh warga pada 2045",
        subsectors={
            "air_limbah": {
                "misi": "Meningkatkan akses air limbah domestik yang aman",
                "tujuan": "Akses sanitasi layak 100% dan BABS 0%",
            },
            "persampahan": {
                "misi": "Meningkatkan penanganan dan pengurangan sampah",
                "tujuan": "Penanganan 70% dan pengurangan 20% sampah perkotaan",
            },
            "drainase": {
                "misi": "Mengurangi genangan di kawasan permukiman",
                "tujuan": "Kawasan permukiman bebas genangan",
            },
        },
        by=by,
    )
    for scenario in Scenario.objects.filter(region=region, fiscal_year=FISCAL_YEAR):
        for zone, subsector, system, now, medium, long, pct5, pct20 in STAGES:
            services_vision.zone_stage_save(
                scenario=scenario, subsector=subsector, zone=zone, system=system,
                stage_now=now, stage_medium=medium, stage_long=long,
                target_medium_pct=pct5, target_long_pct=pct20, by=by,
            )  # fmt: skip


def load_scenarios_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    assignment = (
        RoleAssignment.objects.active()
        .filter(role=Role.POKJA_KABKOTA, region=region)
        .select_related("user")
        .order_by("id")
        .first()
    )
    pokja = assignment.user if assignment else None
    with transaction.atomic():
        capacity = demo_fiscal_capacity(region, pokja)
        table = UnitCostTable.objects.get(code=UNIT_COSTS)
        made = 0
        plans = (
            ("Akses universal", "Target akses aman 90 % di Zona 1, IPAL komunal di Zona 2, "
             "IPLT dan TPS 3R; perlu dukungan APBN dan DAK.", _universal),
            ("Sesuai kemampuan", "Target SPM: tangki septik individual 70 % di Zona 1, "
             "gerobak motor untuk persampahan, drainase bertahap; dalam batas komitmen.",
             _capacity_bound),
        )  # fmt: skip
        for name, description, build in plans:
            if Scenario.objects.filter(region=region, fiscal_year=FISCAL_YEAR, name=name).exists():
                continue
            scenario = services.scenario_create(
                region=region, fiscal_year=FISCAL_YEAR, name=name, description=description,
                unit_costs=table, indeks_upah=Decimal("1.05"), indeks_bahan=Decimal("1.12"),
                budget_basis="c", by=pokja,
            )  # fmt: skip
            build(scenario, table, pokja)
            services_optimise.scenario_optimise(scenario=scenario, by=pokja)
            made += 1
        _vision_and_stages(region, pokja)
        chosen = Scenario.objects.get(
            region=region, fiscal_year=FISCAL_YEAR, name="Sesuai kemampuan"
        )
        if not Scenario.objects.filter(
            region=region, fiscal_year=FISCAL_YEAR, chosen=True
        ).exists():
            services.scenario_choose(
                scenario=chosen,
                justification="Kebutuhan paling dekat dengan komitmen APBD 1 %; Zona 1 berisiko "
                "sangat tinggi didahulukan; IPAL komunal menunggu kepastian dana APBN.",
                by=pokja,
            )
    stdout.write(
        f"Proses 3 demo 15.07: PT-03 {capacity.fiscal_year}, {made} skenario baru; terpilih: "
        f"{chosen.name} — /skenario/{DEMO_KABKOTA}/{FISCAL_YEAR}/"
    )
