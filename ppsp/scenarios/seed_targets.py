"""Default national targets for the sasaran check, as data (domain-ppsp.md §7.2).

Universal Access (RPJMN 2015–2019 "100-0-100", carried to 2030 with SDG 6.2; the year is
configuration) and the SPM values of Permen PU 01/PRT/M/2014 (standing minimums, no year).
A PMU changes or adds targets in the admin; used by the data migration and, idempotently,
by tests after a database flush.
"""

from __future__ import annotations

from typing import Any

SPM = "SPM Permen PU 01/PRT/M/2014 (domain-ppsp.md §7.2)"
UA = "Akses Universal 100-0-100 (RPJMN; SDG 6.2 2030) (domain-ppsp.md §7.2)"

# code, subsector, indicator, keywords, value %, year, direction, source
TARGETS: tuple[tuple[str, str, str, str, float, int | None, str, str], ...] = (
    ("UA-AL", "air_limbah", "Akses sanitasi layak 100%", "sanitasi layak,akses layak,akses aman",
     100, 2030, "min", UA),
    ("UA-BABS", "air_limbah", "BABS 0%", "babs", 0, 2030, "max", UA),
    ("SPM-AL-S", "air_limbah", "Sistem air limbah setempat memadai", "setempat,spald-s,tangki",
     60, None, "min", SPM),
    ("SPM-AL-T", "air_limbah", "Sistem air limbah terpusat/komunal", "terpusat,spald-t,komunal",
     5, None, "min", SPM),
    ("SPM-PS-KURANG", "persampahan", "Pengurangan sampah", "pengurangan,3r", 20, None, "min", SPM),
    ("SPM-PS-TANGANI", "persampahan", "Penanganan sampah perkotaan",
     "penanganan,terlayani,terangkut", 70, None, "min", SPM),
    ("UA-PS", "persampahan", "Sampah tertangani 100% (80% penanganan + 20% pengurangan)",
     "tertangani", 100, 2030, "min", UA),
    ("SPM-DR", "drainase", "Kawasan bebas genangan", "bebas genangan", 50, None, "min", SPM),
    ("UA-AM", "air_minum", "Akses air minum layak 100%", "air minum", 100, 2030, "min", UA),
)  # fmt: skip


def seed_national_targets(apps: Any, schema_editor: Any = None) -> None:
    """Create the default targets that are missing (idempotent; existing rows are kept)."""
    model = apps.get_model("scenarios", "NationalTarget")
    for code, subsector, indicator, keywords, value, year, direction, source in TARGETS:
        model.objects.get_or_create(
            code=code,
            defaults={
                "subsector": subsector,
                "indicator": indicator,
                "keywords": keywords,
                "value": value,
                "year": year,
                "direction": direction,
                "source": source,
            },
        )
