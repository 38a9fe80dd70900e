"""Pure formulas of the Form 2 profile: density bruto/netto and % KK miskin."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.profile import density, poverty_pct, ratio


def test_it_computes_the_pinned_densities() -> None:
    # 5,000 jiwa on 250 ha administratif, 50 ha terbangun: bruto 20, netto 100 jiwa/ha
    assert density([5000], [250]).tolist() == [20.0]
    assert density([5000], [50]).tolist() == [100.0]
    assert poverty_pct([120], [1200]).tolist() == [10.0]


def test_it_gives_nan_instead_of_infinity_for_missing_or_zero_areas() -> None:
    out = density([100, 100, math.nan, 100], [0, math.nan, 10, -1])
    assert np.isnan(out).all()


def test_it_refuses_mismatched_shapes_and_negative_people() -> None:
    import pytest

    with pytest.raises(ValueError):
        ratio([1, 2], [1])
    with pytest.raises(ValueError):
        density([-1], [1])


people = st.floats(min_value=0, max_value=1e6, allow_nan=False)
areas = st.floats(min_value=0.01, max_value=1e5, allow_nan=False)


@given(st.lists(st.tuples(people, areas, areas), min_size=1, max_size=30))
def test_it_has_netto_at_least_bruto_when_built_area_is_within_admin(
    rows: list[tuple[float, float, float]],
) -> None:
    pend = [p for p, _, _ in rows]
    adm = [max(a, b) for _, a, b in rows]
    built = [min(a, b) for _, a, b in rows]
    bruto, netto = density(pend, adm), density(pend, built)
    assert (netto >= bruto - 1e-9).all()
    assert np.allclose(bruto * np.array(adm), pend, rtol=1e-9)


@given(st.lists(st.tuples(people, areas), min_size=2, max_size=30), st.randoms())
def test_it_does_not_depend_on_desa_order(rows: list[tuple[float, float]], rnd: object) -> None:
    order = list(range(len(rows)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    base = density([p for p, _ in rows], [a for _, a in rows])
    shuffled = density([rows[i][0] for i in order], [rows[i][1] for i in order])
    assert np.array_equal(base[order], shuffled)
