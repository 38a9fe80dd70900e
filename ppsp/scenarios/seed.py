"""The default unit-cost table, as data (domain-ppsp.md §9.5, §16.1 UnitCost).

INDICATIVE values at DKI Jakarta prices for a first estimate of the cost need, in the
order of magnitude of sanitation programmes of the PPSP period; not an official price
list. The official "Biaya Air Limbah" / "Biaya Sampah" sheets of the 2017 Instrumen SSK
are not available (domain-ppsp.md §17): a PMU replaces these by publishing a new version
(copy, then edit in the admin). Used by the data migration and, idempotently, by tests
after a database flush.
"""

from __future__ import annotations

from typing import Any

from ppsp.compute.cost import waste_people_per_unit

CODE = "PPSP-INDIKATIF-2017"
NAME = "Harga satuan indikatif PPSP (standar DKI Jakarta 2017)"
SOURCE = (
    "Nilai indikatif untuk perkiraan awal kebutuhan biaya (domain-ppsp.md §9.5, ditandai [I]); "
    "ganti dengan lembar Biaya Air Limbah / Biaya Sampah Instrumen SSK 2017 bila tersedia."
)
RISK_WEIGHTS = {"1": 1, "2": 2, "3": 3, "4": 4}

# subsector, system, name, unit, base price Rp, labour share, O&M Rp/year, jiwa per unit;
# waste units are sized from their capacity and trips at 2.5 L/orang/hari (compute.cost).
ITEMS: tuple[tuple[str, str, str, str, int, float, int, float], ...] = (
    ("air_limbah", "Setempat (SPALD-S)", "Tangki septik individual", "unit",
     5_500_000, 0.40, 150_000, 4.8),
    ("air_limbah", "Setempat (SPALD-S)", "Tangki septik komunal 5–10 KK", "unit",
     45_000_000, 0.40, 1_000_000, 36),
    ("air_limbah", "Setempat (SPALD-S)", "MCK komunal", "unit",
     250_000_000, 0.40, 6_000_000, 100),
    ("air_limbah", "Terpusat skala permukiman (SPALD-T)", "IPAL komunal minimal 50 KK", "unit",
     600_000_000, 0.35, 18_000_000, 240),
    ("air_limbah", "Layanan lumpur tinja (LLTT)", "IPLT kapasitas 20 m³/hari", "unit",
     8_000_000_000, 0.30, 300_000_000, 60_000),
    ("air_limbah", "Layanan lumpur tinja (LLTT)", "Truk tinja 3 m³", "unit",
     550_000_000, 0.05, 60_000_000, 20_000),
    ("air_limbah", "Perencanaan", "Masterplan air limbah", "dokumen",
     1_200_000_000, 0.80, 0, 0),
    ("air_limbah", "Perencanaan", "DED IPAL komunal", "dokumen", 75_000_000, 0.80, 0, 0),
    ("persampahan", "Pengolahan setempat", "TPS 3R", "unit",
     650_000_000, 0.35, 60_000_000, waste_people_per_unit(8, 1)),  # 8 m³/hari
    ("persampahan", "Pengumpulan", "Gerobak motor (roda 3)", "unit",
     38_000_000, 0.05, 9_000_000, waste_people_per_unit(1.5, 3)),  # 1,5 m³, 3 rit/hari
    ("persampahan", "Pengangkutan", "Dump truck 6 m³", "unit",
     650_000_000, 0.05, 90_000_000, waste_people_per_unit(6, 3)),  # 3 rit/hari
    ("persampahan", "Pengangkutan", "Arm roll truck dengan 5 kontainer", "unit",
     900_000_000, 0.05, 110_000_000, waste_people_per_unit(6, 4)),  # kontainer 6 m³, 4 rit
    ("persampahan", "Pemrosesan akhir", "Sel TPA sanitary landfill", "ha",
     12_000_000_000, 0.40, 500_000_000, 0),
    ("drainase", "Drainase lingkungan", "Saluran drainase lingkungan baru", "m",
     1_500_000, 0.45, 30_000, 0),
    ("drainase", "Drainase lingkungan", "Rehabilitasi saluran drainase", "m",
     600_000, 0.50, 30_000, 0),
    ("phbs", "STBM / PHBS", "Kampanye CTPS dan STBM per desa", "desa",
     25_000_000, 0.70, 0, 0),
)  # fmt: skip


def seed_unit_costs(apps: Any) -> None:
    table_model = apps.get_model("scenarios", "UnitCostTable")
    item_model = apps.get_model("scenarios", "UnitCostItem")
    table, created = table_model.objects.get_or_create(
        code=CODE,
        defaults={"name": NAME, "year": 2017, "source": SOURCE, "risk_weights": RISK_WEIGHTS},
    )
    if not created and table.items.exists():
        return
    for subsector, system, name, unit, price, labour, om, people in ITEMS:
        item_model.objects.get_or_create(
            table=table,
            subsector=subsector,
            name=name,
            defaults={
                "system": system,
                "unit": unit,
                "base_price": price,
                "labour_share": labour,
                "om_per_year": om,
                "people_per_unit": people,
            },
        )
