"""Plausibility checks of Form 2 rows: values that are possible but probably mistyped.

Source: ``domain/domain-ppsp.md`` §8.2 (Form 2 fields). These rules *warn*, they never
block a save or an import: a desa may really have more septic tanks than households (a
public toilet block, a school), but 5.000 tangki septik for 1.536 KK is far more often a
typo than a fact, and the Pokja should look again before the number reaches the IRS.

Each rule compares a count with the count it is a part of, or a ratio with a plausible
range; units as in Form 2 (KK = households, jiwa = people, ha = hectares, %/tahun).

- ``jamban_di_atas_kk``: KK dengan jamban pribadi > jumlah KK
- ``tangki_di_atas_kk``: KK dengan tangki septik > jumlah KK
- ``tangki_di_atas_jamban``: KK dengan tangki septik > KK dengan jamban pribadi (a septic
  tank serves a toilet)
- ``genangan_di_atas_luas``: luas genangan (ha) > luas administratif (ha)
- ``ukuran_rumah_tangga``: penduduk / KK outside [1,5; 8] jiwa per KK (the national mean is
  about 3,8; BPS SUSENAS)
- ``pertumbuhan``: pertumbuhan penduduk outside [−5; 10] %/tahun

Vectorised: every argument is an array over the desa of a kab/kota (NaN = no data); a rule
whose inputs are missing does not fire.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["GROWTH_PCT", "HOUSEHOLD_SIZE", "RULES", "implausible"]

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]

HOUSEHOLD_SIZE = (1.5, 8.0)  # jiwa per KK
GROWTH_PCT = (-5.0, 10.0)  # % per tahun
# rule -> (the value that is too large, the value it should not exceed)
PART_OF: dict[str, tuple[str, str]] = {
    "jamban_di_atas_kk": ("jamban_pribadi", "kk"),
    "tangki_di_atas_kk": ("tangki_septik", "kk"),
    "tangki_di_atas_jamban": ("tangki_septik", "jamban_pribadi"),
    "genangan_di_atas_luas": ("luas_genangan", "luas_administratif"),
}
RULES = (*PART_OF, "ukuran_rumah_tangga", "pertumbuhan")


def _array(columns: Mapping[str, Sequence[float] | Floats], key: str, size: int) -> Floats:
    values = columns.get(key)
    if values is None:
        return np.full(size, np.nan)
    return np.asarray(values, dtype=np.float64)


def _outside(values: Floats, low: float, high: float) -> Mask:
    finite = np.isfinite(values)
    return finite & ((values < low) | (values > high))


def implausible(columns: Mapping[str, Sequence[float] | Floats]) -> dict[str, Mask]:
    """Rule -> boolean mask over the desa where the rule fires (see the module docstring)."""
    sizes = {len(np.asarray(v)) for v in columns.values()}
    if len(sizes) > 1:
        raise ValueError(f"columns differ in length: {sorted(sizes)}")
    size = sizes.pop() if sizes else 0
    fired: dict[str, Mask] = {}
    for rule, (part, whole) in PART_OF.items():
        top, bottom = _array(columns, part, size), _array(columns, whole, size)
        fired[rule] = np.isfinite(top) & np.isfinite(bottom) & (top > bottom)
    people, kk = _array(columns, "penduduk", size), _array(columns, "kk", size)
    per_kk = np.full(size, np.nan)
    np.divide(people, kk, out=per_kk, where=np.isfinite(people) & np.isfinite(kk) & (kk > 0))
    fired["ukuran_rumah_tangga"] = _outside(per_kk, *HOUSEHOLD_SIZE)
    fired["pertumbuhan"] = _outside(_array(columns, "growth_pct", size), *GROWTH_PCT)
    return fired
