"""RT and household selection inside a sampled desa (ehra-risk.md §2.1, §2.4, §11.7).

Pure Python (no Django). The RT of a desa are numbered RT 1..n (the Pokja enters or
imports n when the RT list is not known); ``rt_plan`` picks the RT by systematic random
sampling (``compute.sampling.systematic_sample``) with a recorded seed and start. The
households are slots "RT x, rumah tangga 1..k" that the enumerator fills in the field
by the interval rule (``FIELD_RULE``): households are listed in the RT, the interval is
I = households in the RT / k, the first is R1 random in 1..I, then R1 + I, R1 + 2I, …
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ppsp.compute.sampling import random_start, systematic_sample

MIN_RT = 8  # RT per desa/kelurahan ≥ 8 (§2.1)
PER_RT = 5  # respondents per RT ≥ 5 (§2.1)
MIN_HOUSEHOLDS = 40  # respondents per desa ≥ 40 = 8 × 5 (§2.1)
# Shown on the printable frame (translated by the caller; msgid in the ehra catalogue).
FIELD_RULE = (
    "Di lapangan: daftar semua rumah tangga di RT terpilih, interval I = jumlah rumah tangga "
    "RT ÷ jumlah responden per RT; rumah tangga 1 = R1 acak antara 1 dan I, berikutnya "
    "R1 + I, R1 + 2I, dst. Pemilihan tidak boleh berdasarkan pilihan enumerator."
)


@dataclass(frozen=True)
class RtPlan:
    """Selected RT numbers (1-based, ascending), households per RT, seed and start."""

    rt: tuple[int, ...]
    per_rt: int
    seed: int
    start: int

    @property
    def households(self) -> int:
        return len(self.rt) * self.per_rt


def rt_plan(
    rt_count: int,
    *,
    seed: int,
    min_rt: int = MIN_RT,
    per_rt: int = PER_RT,
    min_households: int = MIN_HOUSEHOLDS,
) -> RtPlan:
    """Systematic selection of RT 1..rt_count in a desa.

    ``k = max(min_rt, ceil(min_households / per_rt))`` RT are drawn with
    ``systematic_sample`` (interval N/k, start drawn by ``random_start(seed)``), ``per_rt``
    households each, so ≥ 40 households as ≥ 8 RT × 5. A desa with fewer than k RT takes
    all its RT and ``ceil(min_households / rt_count)`` households per RT, keeping ≥ 40
    households [I]; the start is then 0.
    """
    if rt_count < 1:
        raise ValueError("rt_count must be >= 1")
    wanted = max(min_rt, math.ceil(min_households / per_rt))
    units = list(range(1, rt_count + 1))
    if rt_count <= wanted:
        return RtPlan(tuple(units), max(per_rt, math.ceil(min_households / rt_count)), seed, 0)
    start = random_start(rt_count, wanted, seed=seed)
    chosen = systematic_sample(units, wanted, start=start)
    return RtPlan(tuple(chosen), per_rt, seed, start)


def desa_seed(frame_seed: int, desa_code: str) -> int:
    """Recorded seed of a desa's RT draw: the frame seed plus the desa's code digits."""
    return (frame_seed + int("".join(c for c in desa_code if c.isdigit()) or "0")) % 2**32
