"""Tests for ppsp.compute.fiscal (PT-03; domain-ppsp.md §10.1–§10.5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.finance import apbd_murni, gap_table
from ppsp.compute.fiscal import capacity_projection, komitmen_projection, proportions

PROPERTY = settings(database=None, deadline=None, max_examples=200)

HISTORY = [100.0, 110.0, 121.0, 133.1, 146.41]  # 10 % every year


def test_it_computes_the_belanja_ratios_by_hand() -> None:
    result = proportions([50, 0], [30, 0], [20, 0], [1000, 0])
    assert result.sanitasi_of_belanja_langsung == [0.05, None]
    assert result.investasi_of_sanitasi == [0.6, None]
    assert result.om_of_sanitasi == [0.4, None]


def test_it_projects_capacity_from_the_last_realised_year_with_a_gap_year() -> None:
    # n = 2025, plan 2027-2029 (offset 2): 146.41 · 1.1^2, ^3, ^4; O&M of old assets deducted.
    cap = capacity_projection(HISTORY, years=3, offset=2, om_existing=[10, 10, 10])
    assert cap.growth == pytest.approx(0.1)
    assert cap.gross == pytest.approx([177.1561, 194.87171, 214.358881])
    assert cap.available == pytest.approx([167.1561, 184.87171, 204.358881])


def test_it_lets_the_adopted_apbd_override_the_first_plan_year() -> None:
    cap = capacity_projection(HISTORY, years=3, first_year_override=200)
    assert cap.gross == pytest.approx([200.0, 220.0, 242.0])
    assert cap.om_existing == [0.0, 0.0, 0.0]


def test_it_pins_a_whole_pt03_example_by_hand() -> None:
    # Belanja sanitasi Rp 1,000 / 1,200 / 1,500 juta; DAK 200 / 300 / 300; hibah 0 / 100 / 0.
    murni = apbd_murni([1000, 1200, 1500], [200, 300, 300], [0, 100, 0])
    assert murni == [800, 800, 1200]
    # mean of (0 %, 50 %) = 25 %; CAGR = sqrt(1.5) - 1 = 22.47 %
    b = capacity_projection(murni, years=2).available
    assert b == pytest.approx([1500.0, 1875.0])
    assert capacity_projection(murni, years=1, method="cagr").growth == pytest.approx(1.5**0.5 - 1)
    c = komitmen_projection("pct_apbd", years=2, pct=2.5, apbd_total=[60_000, 64_000])
    assert c == pytest.approx([1500.0, 1600.0])
    table = gap_table({"air_limbah": [2000, 1500], "drainase": [500, 500]}, b, c)
    assert table.gap1 == pytest.approx([1000.0, 125.0])
    assert table.gap2 == pytest.approx([1000.0, 400.0])
    assert table.totals["gap2"] == pytest.approx(1400.0)


def test_it_states_komitmen_four_ways() -> None:
    assert komitmen_projection("path", years=2, path=[5, 7]) == [5.0, 7.0]
    assert komitmen_projection("per_capita", years=2, per_capita=1000, population=[10, 20]) == [
        10_000.0,
        20_000.0,
    ]
    assert komitmen_projection("growth", years=3, first=100, growth=0.1) == pytest.approx(
        [100.0, 110.0, 121.0]
    )


def test_it_names_what_a_komitmen_mode_is_missing() -> None:
    with pytest.raises(ValueError, match="needs apbd_total"):
        komitmen_projection("pct_apbd", years=2, pct=2.0)
    with pytest.raises(ValueError, match="2 amounts"):
        komitmen_projection("path", years=2, path=[1.0])
    with pytest.raises(ValueError):
        komitmen_projection("hibah", years=2)
    with pytest.raises(ValueError):
        capacity_projection(HISTORY, years=2, om_existing=[1.0])


amounts = st.floats(min_value=1.0, max_value=1e12, allow_nan=False)


@PROPERTY
@given(st.lists(amounts, min_size=2, max_size=6), st.integers(1, 3), st.integers(1, 6))
def test_it_grows_geometrically_from_year_to_year(
    history: list[float], offset: int, years: int
) -> None:
    cap = capacity_projection(history, years=years, offset=offset)
    ratios = [b / a for a, b in zip(cap.gross, cap.gross[1:], strict=False) if a > 0]
    assert all(r == pytest.approx(1 + cap.growth, rel=1e-9) for r in ratios)
    assert cap.available == cap.gross


@PROPERTY
@given(st.floats(0, 10), st.lists(amounts, min_size=5, max_size=5), st.floats(0, 10))
def test_it_scales_pct_komitmen_linearly(pct: float, apbd: list[float], more: float) -> None:
    low = komitmen_projection("pct_apbd", years=5, pct=pct, apbd_total=apbd)
    high = komitmen_projection("pct_apbd", years=5, pct=pct + more, apbd_total=apbd)
    assert all(a <= b for a, b in zip(low, high, strict=True))
