"""Form 2 (profiles app) as input of area berisiko: IMPACT values and secondary EXPOSURE.

The latest Form 2 year not after the round's year is used. IMPACT kepadatan (jiwa/ha,
bruto) and kemiskinan (% KK miskin) come from Form 2 and, per desa without them, from the
sampling frame (K1 jiwa/km² converted to jiwa/ha, K2 %), so one column keeps one unit.
Secondary EXPOSURE per component is ``compute.area_risk.secondary_exposure``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ppsp.compute.area_risk import secondary_exposure
from ppsp.compute.profile import ratio
from ppsp.profiles.selectors import Profile, profile_years, profiles_of
from ppsp.regions.models import Region

KM2_PER_HA = 100.0


def form2_year(kabkota_code: str, year: int) -> int | None:
    """Latest Form 2 year of the kab/kota not after ``year`` (None: no Form 2 yet)."""
    return next((y for y in profile_years(kabkota_code) if y <= year), None)


def _column(profiles: list[Profile], key: str) -> npt.NDArray[np.float64]:
    return np.array(
        [np.nan if (v := getattr(p, key)) is None else float(v) for p in profiles],
        dtype=np.float64,
    )


def form2_inputs(
    kabkota_code: str, year: int, desa: list[Region], impact: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """(IMPACT raw values, S_sek) for the desa in order.

    ``impact`` is the (m, 3) fallback array (penduduk, kepadatan jiwa/km², kemiskinan %)
    from population and sampling frame; Form 2 values replace it where present. S_sek is
    (m, 3) scores 1..4 per SSK component, NaN where Form 2 has no secondary data.
    """
    values = impact.copy()
    values[:, 1] = values[:, 1] / KM2_PER_HA
    found = form2_year(kabkota_code, year)
    if found is None:
        return values, np.full((len(desa), 3), np.nan)
    profiles = profiles_of(desa, found)
    for column, key in ((0, "penduduk"), (1, "kepadatan_bruto"), (2, "kk_miskin_pct")):
        own = _column(profiles, key)
        values[:, column] = np.where(np.isfinite(own), own, values[:, column])
    kk = _column(profiles, "kk")
    raw = {
        "jamban_pribadi_pct": 100.0 * ratio(_column(profiles, "jamban_pribadi"), kk),
        "tangki_septik_pct": 100.0 * ratio(_column(profiles, "tangki_septik"), kk),
        "sampah_terangkut": _column(profiles, "sampah_terangkut"),
        "tps": _column(profiles, "tps"),
        "luas_genangan": _column(profiles, "luas_genangan"),
    }
    return values, secondary_exposure(raw, np.zeros(len(desa), dtype=np.int64))
