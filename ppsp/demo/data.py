"""The demo kab/kota: Kabupaten Tanjung Jabung Timur (15.07), Provinsi Jambi (15).

Names and codes are the real master data; population figures are synthetic but plausible
(the kabupaten had about 230 thousand people in the 2020 census), generated with a fixed
seed so every `make run` shows the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEMO_PROVINCE = "15"
DEMO_KABKOTA = "15.07"
DEMO_PASSWORD = "sanitasi-demo"  # only ever set when PPSP_DEMO=1
BASE_YEAR = 2019
LAST_YEAR = 2025
KABKOTA_POPULATION_BASE = 226_000  # 2019 level, so 2020 lands near the census figure


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str
    region_code: str | None
    position: str = ""
    opd: str = ""
    staff: bool = False


DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("pmu", "Rina Kusumawardani (PMU)", "pmu", None, staff=True),
    DemoAccount("pokja.jambi", "Ahmad Fauzi (Pokja Provinsi Jambi)", "pokja_provinsi", "15"),
    DemoAccount("pf.jambi", "Dewi Lestari (PF Jambi)", "pf", "15"),
    DemoAccount("cf.tanjabtim", "Budi Santoso (CF Tanjung Jabung Timur)", "cf", "15.07"),
    DemoAccount(
        "ketua.tanjabtim", "Ir. H. Syamsul Bahri", "pokja_kabkota", "15.07", "ketua", "Bappeda"
    ),
    DemoAccount(
        "sekretaris.tanjabtim",
        "Nurhasanah, S.T.",
        "pokja_kabkota",
        "15.07",
        "sekretaris",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
    ),
    DemoAccount(
        "anggota.tanjabtim",
        "dr. Yuliana Sari",
        "pokja_kabkota",
        "15.07",
        "anggota",
        "Dinas Kesehatan",
    ),
    DemoAccount("bupati.tanjabtim", "Bupati Tanjung Jabung Timur", "kepala_daerah", "15.07"),
    DemoAccount("warga", "Warga Muara Sabak", "public", None),
)


def synthetic_population(
    desa_codes: list[str], kelurahan: list[bool], *, seed: int = 1507
) -> dict[str, dict[int, tuple[int, int]]]:
    """{desa code: {year: (penduduk, kk)}} for BASE_YEAR..LAST_YEAR.

    Desa sizes follow a log-normal spread (kelurahan about twice as large), scaled to the
    kabupaten total; each desa grows at its own rate between 0.6 % and 2.2 % a year;
    household size is between 3.5 and 4.1 persons.
    """
    rng = np.random.default_rng(seed)
    n = len(desa_codes)
    weights = rng.lognormal(mean=0.0, sigma=0.55, size=n) * np.where(kelurahan, 2.0, 1.0)
    base = np.maximum(np.round(weights / weights.sum() * KABKOTA_POPULATION_BASE), 300)
    growth = rng.uniform(0.006, 0.022, size=n)
    household = rng.uniform(3.5, 4.1, size=n)
    result: dict[str, dict[int, tuple[int, int]]] = {}
    for i, code in enumerate(desa_codes):
        years = {}
        for year in range(BASE_YEAR, LAST_YEAR + 1):
            people = round(float(base[i]) * (1 + float(growth[i])) ** (year - BASE_YEAR))
            years[year] = (people, round(people / float(household[i])))
        result[code] = years
    return result
