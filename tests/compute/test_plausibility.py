"""Form 2 plausibility rules (ppsp.compute.plausibility): worked examples and properties."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.plausibility import RULES, implausible


def test_it_flags_the_septic_tanks_of_the_reported_desa() -> None:
    # issue 19: 5.000 tangki septik accepted for a desa of 1.536 KK and 1.100 jamban
    fired = implausible(
        {"kk": [1536, 1536], "jamban_pribadi": [1100, 1100], "tangki_septik": [5000, 900],
         "penduduk": [5900, 5900]}
    )  # fmt: skip
    assert fired["tangki_di_atas_kk"].tolist() == [True, False]
    assert fired["tangki_di_atas_jamban"].tolist() == [True, False]
    assert not fired["jamban_di_atas_kk"].any() and not fired["ukuran_rumah_tangga"].any()


def test_it_checks_household_size_growth_and_flooded_area() -> None:
    fired = implausible(
        {"penduduk": [1000, 1000, math.nan], "kk": [100, 300, 10],
         "growth_pct": [12.0, 1.2, math.nan], "luas_genangan": [5.0, 50.0, 1.0],
         "luas_administratif": [40.0, 40.0, math.nan]}
    )  # fmt: skip
    assert fired["ukuran_rumah_tangga"].tolist() == [True, False, False]  # 10 jiwa/KK
    assert fired["pertumbuhan"].tolist() == [True, False, False]
    assert fired["genangan_di_atas_luas"].tolist() == [False, True, False]


def test_it_never_fires_without_data() -> None:
    fired = implausible({"kk": [math.nan] * 3})
    assert set(fired) == set(RULES) and not any(mask.any() for mask in fired.values())


counts = st.integers(min_value=1, max_value=100_000)


@given(st.lists(st.tuples(counts, st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=50))
def test_it_never_flags_parts_that_fit_inside_their_whole(
    rows: list[tuple[int, float, float]],
) -> None:
    kk = np.array([r[0] for r in rows], dtype=float)
    jamban = np.floor(kk * np.array([r[1] for r in rows]))
    tangki = np.floor(jamban * np.array([r[2] for r in rows]))
    fired = implausible({"kk": kk, "jamban_pribadi": jamban, "tangki_septik": tangki})
    for rule in ("jamban_di_atas_kk", "tangki_di_atas_kk", "tangki_di_atas_jamban"):
        assert not fired[rule].any()


@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=30), st.randoms())
def test_it_is_permutation_invariant(rows: list[tuple[int, int]], random: object) -> None:
    kk = np.array([r[0] for r in rows], dtype=float)
    tangki = np.array([r[1] for r in rows], dtype=float)
    order = list(range(len(rows)))
    random.shuffle(order)  # type: ignore[attr-defined]
    fired = implausible({"kk": kk, "tangki_septik": tangki})["tangki_di_atas_kk"]
    shuffled = implausible({"kk": kk[order], "tangki_septik": tangki[order]})["tangki_di_atas_kk"]
    assert fired[order].tolist() == shuffled.tolist()
