"""Sanitation access ladder from EHRA answers (ehra-risk.md §10.3)."""

from __future__ import annotations

import numpy as np

from ppsp.compute.ehra import Households
from ppsp.compute.ladder import (
    AMAN,
    BABS_TERBUKA,
    BELUM_LAYAK,
    LAYAK_BERSAMA,
    LAYAK_SENDIRI,
    UNKNOWN,
    LadderConfig,
    ladder,
    ladder_households,
)

# (D.1, D.3, D.10, D.12, D.13, D.14, urban) -> rung
CASES = [
    ((4, 0, 0, 0, 0, 0, True), BABS_TERBUKA),
    ((1, 7, 0, 0, 0, 0, True), BELUM_LAYAK),
    ((1, 2, 3, 1, 1, 1, True), BELUM_LAYAK),  # tangki septik to a river
    ((1, 5, 0, 0, 0, 0, False), BELUM_LAYAK),
    ((1, 4, 0, 0, 0, 0, True), BELUM_LAYAK),  # cubluk in a town
    ((1, 4, 0, 0, 0, 0, False), LAYAK_SENDIRI),  # cubluk in a village
    ((2, 2, 1, 1, 1, 1, True), LAYAK_BERSAMA),
    ((1, 1, 0, 0, 0, 0, True), AMAN),
    ((1, 2, 1, 2, 1, 1, True), AMAN),  # emptied 3-5 y ago by a service to IPLT
    ((1, 3, 1, 2, 1, 3, True), LAYAK_SENDIRI),  # sludge buried
    ((1, 2, 1, 5, 0, 0, True), LAYAK_SENDIRI),  # never emptied
    ((1, 0, 0, 0, 0, 0, True), UNKNOWN),
    ((0, 0, 0, 0, 0, 0, True), UNKNOWN),
]


def households(rows: list[tuple[int, ...]]) -> tuple[Households, np.ndarray]:
    data = np.array(rows, dtype=np.int16)
    names = ["D_1", "D_3", "D_10", "D_12", "D_13", "D_14"]
    answers = {name: data[:, i] for i, name in enumerate(names)}
    n = len(rows)
    homes = Households(np.arange(n, dtype=np.int64), n, np.ones(n, dtype=bool), answers)
    return homes, data[:, 6].astype(bool)


def test_it_places_households_on_the_ladder() -> None:
    homes, urban = households([case for case, _ in CASES])
    assert ladder_households(homes, urban).tolist() == [rung for _, rung in CASES]


def test_it_can_accept_buried_sludge_as_safe() -> None:
    homes, urban = households([(1, 3, 1, 2, 1, 3, 1)])
    config = LadderConfig(sludge_codes=(1, 3))
    assert ladder_households(homes, urban, config).tolist() == [AMAN]


def test_it_summarises_a_desa_over_approved_households() -> None:
    rows = [(4, 0, 0, 0, 0, 0, 1), (1, 1, 0, 0, 0, 0, 1), (1, 1, 0, 0, 0, 0, 1), (0,) * 7]
    homes, _ = households(rows)
    one = Households(np.zeros(4, dtype=np.int64), 1, np.array([1, 1, 0, 1], bool), homes.answers)
    result = ladder(one, np.array([True]))
    assert result.counts[0].tolist() == [1, 1, 0, 0, 0, 1]
    assert result.percent[0, 1:].tolist() == [50.0, 0.0, 0.0, 0.0, 50.0]
    assert result.percent[0, 0] == 100 / 3
