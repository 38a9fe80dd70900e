"""Derived figures of the Form 2 profile per desa: population density bruto and netto.

Source: ``domain/domain-ppsp.md`` §8.2 (Form 2 fields: luas administratif, luas terbangun,
jumlah penduduk, in ha and jiwa) and ``ehra-risk.md`` §2.3 (K1 kepadatan = Σ penduduk /
luas wilayah), §5.2. Pure numpy, vectorised over the desa of a kab/kota.

Units: population in jiwa (people), areas in hectares, densities in jiwa/ha.

- ``kepadatan_bruto = penduduk / luas_administratif``
- ``kepadatan_netto = penduduk / luas_terbangun`` (built-up, non-agricultural area; the
  instruments use this one for the "tipe kepadatan")
- ``persen_kk_miskin = 100 · kk_miskin / kk`` (K2 angka kemiskinan, %)

A missing input (NaN) or an area/denominator ≤ 0 gives NaN: the figure is "tidak ada
data", never infinity.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["density", "poverty_pct", "ratio"]

Floats = npt.NDArray[np.float64]


def ratio(numerator: Sequence[float] | Floats, denominator: Sequence[float] | Floats) -> Floats:
    """``numerator / denominator`` elementwise; NaN where either is NaN or denominator ≤ 0."""
    top = np.asarray(numerator, dtype=np.float64)
    bottom = np.asarray(denominator, dtype=np.float64)
    if top.shape != bottom.shape:
        raise ValueError(f"shapes differ: {top.shape} vs {bottom.shape}")
    valid = np.isfinite(top) & np.isfinite(bottom) & (bottom > 0)
    out = np.full(top.shape, np.nan)
    np.divide(top, bottom, out=out, where=valid)
    return out


def density(penduduk: Sequence[float] | Floats, luas_ha: Sequence[float] | Floats) -> Floats:
    """Population density [jiwa/ha] = penduduk [jiwa] / luas [ha].

    Pass ``luas_administratif`` for kepadatan bruto, ``luas_terbangun`` for kepadatan netto.
    """
    people = np.asarray(penduduk, dtype=np.float64)
    if np.any(people[np.isfinite(people)] < 0):
        raise ValueError("penduduk must be >= 0")
    return ratio(people, luas_ha)


def poverty_pct(kk_miskin: Sequence[float] | Floats, kk: Sequence[float] | Floats) -> Floats:
    """Share of poor households [%] = 100 · KK miskin / KK (NaN where KK is 0 or missing)."""
    return 100.0 * ratio(kk_miskin, kk)
