"""Tests for ppsp.compute.finance (domain-ppsp.md §10.1, §10.5, §10.6)."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.finance import GapTable, apbd_murni, gap_table, growth_rate, project

PROPERTY = settings(database=None, deadline=None, max_examples=200)

amounts = st.floats(min_value=1.0, max_value=1e13, allow_nan=False)  # rupiah
rates = st.floats(min_value=-0.5, max_value=1.0, allow_nan=False)
histories = st.lists(amounts, min_size=2, max_size=8)

# Malang SSK 2017-2021, Tabel 5.1 need rows (Rp juta), domain-ppsp.md §10.6.
MALANG_AL = [124_906.0, 124_264.0, 130_144.0, 133_394.0, 131_834.0]
MALANG_PS = [16_575.0, 33_410.0, 31_525.0, 72_210.0, 45_200.0]


# --- APBD murni ---------------------------------------------------------------


def test_it_subtracts_dak_and_passed_on_loans_from_sanitation_spending() -> None:
    assert apbd_murni([100.0, 120.0], [30.0, 25.0], [5.0, 0.0]) == [65.0, 95.0]


def test_it_rejects_apbd_series_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        apbd_murni([100.0, 120.0], [30.0], [5.0, 0.0])
    with pytest.raises(ValueError):
        apbd_murni([math.nan], [0.0], [0.0])


# --- Growth rate and projection -----------------------------------------------


def test_it_averages_yearly_growth_rates() -> None:
    # rates +10 %, 0 %, +20 %, -10 % -> mean 5 %
    history = [100.0, 110.0, 110.0, 132.0, 118.8]
    assert growth_rate(history) == pytest.approx(0.05)


def test_it_computes_a_compound_rate() -> None:
    assert growth_rate([100.0, 150.0, 121.0], method="cagr") == pytest.approx(0.1)
    assert growth_rate([100.0, 0.0], method="cagr") == -1.0


@pytest.mark.parametrize(
    ("history", "method"),
    [
        ([100.0], "mean"),
        ([100.0, 0.0, 50.0], "mean"),
        ([0.0, 50.0], "cagr"),
        ([100.0, -5.0], "cagr"),
        ([100.0, 110.0], "median"),
        ([100.0, math.inf], "mean"),
    ],
)
def test_it_rejects_histories_without_a_defined_rate(history: list[float], method: str) -> None:
    with pytest.raises(ValueError):
        growth_rate(history, method=method)


def test_it_projects_geometrically_from_the_base_year() -> None:
    assert project(1000.0, 0.1, 3) == pytest.approx([1100.0, 1210.0, 1331.0])
    assert project(1000.0, 0.1, 0) == []
    assert project(1000.0, -1.0, 2) == [0.0, 0.0]


@pytest.mark.parametrize(
    ("base", "growth", "years"),
    [(1.0, -1.5, 3), (math.nan, 0.1, 3), (1.0, 0.1, -1), (1.0, 0.1, 2.0), (1.0, 0.1, True)],
)
def test_it_rejects_invalid_projection_inputs(base: float, growth: float, years: int) -> None:
    with pytest.raises(ValueError):
        project(base, growth, years)


@PROPERTY
@given(histories)
def test_it_never_puts_the_compound_rate_above_the_mean_rate(history: list[float]) -> None:
    mean = growth_rate(history)
    cagr = growth_rate(history, method="cagr")
    assert cagr <= mean + 1e-9 * max(1.0, abs(mean))


@PROPERTY
@given(amounts, rates, st.integers(min_value=1, max_value=10))
def test_it_recovers_the_growth_rate_from_its_projection(
    base: float, growth: float, years: int
) -> None:
    path = project(base, growth, years)
    assert len(path) == years
    for method in ("mean", "cagr"):
        assert growth_rate([base, *path], method=method) == pytest.approx(growth, abs=1e-9)


@PROPERTY
@given(amounts, rates, st.integers(min_value=2, max_value=10))
def test_it_projects_a_constant_yearly_ratio(base: float, growth: float, years: int) -> None:
    path = project(base, growth, years)
    assert path[0] == pytest.approx(base * (1 + growth))
    for before, now in itertools.pairwise(path):
        assert now == pytest.approx(before * (1 + growth), rel=1e-12)
    shorter = project(base, growth, years - 1)
    assert path[: years - 1] == shorter


# --- Tabel 5.1 gaps -----------------------------------------------------------


def test_it_builds_tabel_5_1_from_published_need_rows() -> None:
    b = [60_000.0, 63_000.0, 66_150.0, 69_457.5, 72_930.375]  # synthetic, +5 %/year
    c = [50_000.0] * 5  # synthetic commitment
    table = gap_table({"air_limbah": MALANG_AL, "persampahan": MALANG_PS}, b, c)
    assert table.need_total == [141_481.0, 157_674.0, 161_669.0, 205_604.0, 177_034.0]
    assert table.gap1 == [81_481.0, 94_674.0, 95_519.0, 136_146.5, 104_103.625]
    assert table.gap2 == [91_481.0, 107_674.0, 111_669.0, 155_604.0, 127_034.0]
    totals = table.totals
    assert totals["need_total"] == 644_542.0 + 198_920.0  # published row totals
    assert totals["apbd_murni"] == 331_537.875
    assert totals["komitmen"] == 250_000.0
    assert totals["gap1"] == pytest.approx(843_462.0 - 331_537.875)
    assert totals["gap2"] == 593_462.0
    assert list(totals) == ["need_total", "apbd_murni", "komitmen", "gap1", "gap2"]


def test_it_matches_the_deli_serdang_total() -> None:
    # domain-ppsp.md §10.6: 1,111,308 + 184,695 + 319,541 = 1,615,544 (Rp juta), one column.
    table = gap_table(
        {"air_limbah": [1_111_308.0], "persampahan": [184_695.0], "drainase": [319_541.0]},
        [0.0],
        [0.0],
    )
    assert table.totals["need_total"] == 1_615_544.0


def test_it_treats_no_need_rows_as_zero_need() -> None:
    table = gap_table({}, [10.0, 20.0], [5.0, 5.0])
    assert table.need_total == [0.0, 0.0]
    assert table.gap1 == [-10.0, -20.0]


def test_it_rejects_need_rows_of_other_lengths() -> None:
    with pytest.raises(ValueError):
        gap_table({"air_limbah": [1.0, 2.0]}, [1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError):
        gap_table({"air_limbah": [1.0]}, [1.0], [1.0, 2.0])


def test_it_freezes_the_gap_table() -> None:
    table = gap_table({"drainase": [1.0]}, [1.0], [1.0])
    assert isinstance(table, GapTable)
    with pytest.raises(AttributeError):
        table.gap1 = [0.0]  # type: ignore[misc]


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, list[float]], list[float], list[float]]:
    years = draw(st.integers(min_value=1, max_value=6))
    column = st.lists(amounts, min_size=years, max_size=years)
    names = draw(st.lists(st.sampled_from(["al", "ps", "dr", "phbs"]), unique=True, max_size=4))
    return {name: draw(column) for name in names}, draw(column), draw(column)


@PROPERTY
@given(tables())
def test_it_keeps_gaps_and_totals_consistent(
    args: tuple[dict[str, list[float]], list[float], list[float]],
) -> None:
    need, b, c = args
    table = gap_table(need, b, c)
    for t in range(len(b)):
        a_t = sum(row[t] for row in need.values())
        assert table.need_total[t] == pytest.approx(a_t, rel=1e-12)
        assert table.gap1[t] == table.need_total[t] - b[t]
        assert table.gap2[t] == table.need_total[t] - c[t]
    totals = table.totals
    assert totals["gap1"] == pytest.approx(totals["need_total"] - totals["apbd_murni"], abs=1.0)
    assert totals["gap2"] == pytest.approx(totals["need_total"] - totals["komitmen"], abs=1.0)


@PROPERTY
@given(tables(), st.randoms())
def test_it_ignores_the_order_of_need_rows(
    args: tuple[dict[str, list[float]], list[float], list[float]], rnd: random.Random
) -> None:
    need, b, c = args
    items = list(need.items())
    rnd.shuffle(items)
    assert gap_table(dict(items), b, c) == gap_table(need, b, c)
