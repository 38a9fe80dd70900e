"""Tests for ppsp.compute.sampling (ehra-risk.md §2, §8.1, §11.7-8)."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.sampling import (
    allocate,
    desa_count,
    krejcie_morgan,
    random_start,
    slovin,
    stratify,
    systematic_positions,
    systematic_sample,
)

# No example database: nothing may be written into the repository.
PROPERTY = settings(database=None, deadline=None, max_examples=200)

populations = st.integers(min_value=1, max_value=10**7)
strata_maps = st.dictionaries(
    st.integers(min_value=0, max_value=9), st.integers(min_value=0, max_value=500), max_size=10
)


# --- Krejcie-Morgan and Slovin -------------------------------------------------


@pytest.mark.parametrize(
    ("population", "expected"),
    [(1, 1), (10, 10), (100, 80), (200, 132), (1000, 278), (1_000_000, 384)],
)
def test_it_reproduces_krejcie_morgan_worked_values(population: int, expected: int) -> None:
    assert krejcie_morgan(population) == expected


@pytest.mark.parametrize(("population", "table", "ceil"), [(50, 44, 45), (500, 217, 218)])
def test_it_rounds_up_where_the_1970_table_rounds_to_nearest(
    population: int, table: int, ceil: int
) -> None:
    exact = 3.841 * population * 0.25 / (0.0025 * (population - 1) + 3.841 * 0.25)
    assert round(exact) == table
    assert krejcie_morgan(population) == ceil == math.ceil(exact)


def test_it_applies_custom_krejcie_morgan_parameters() -> None:
    # 10 % margin, N = 1000: 960.25 / (0.01 * 999 + 0.96025) = 87.71 -> 88
    assert krejcie_morgan(1000, d=0.1) == 88


@pytest.mark.parametrize(
    "kwargs",
    [
        {"population": 0},
        {"population": -5},
        {"population": 10.0},
        {"population": True},
        {"population": 100, "chi2": 0.0},
        {"population": 100, "chi2": math.inf},
        {"population": 100, "p": 0.0},
        {"population": 100, "p": 1.0},
        {"population": 100, "d": 0.0},
        {"population": 100, "d": math.nan},
    ],
)
def test_it_rejects_invalid_krejcie_morgan_inputs(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        krejcie_morgan(**kwargs)  # type: ignore[arg-type]


@PROPERTY
@given(populations, populations)
def test_it_never_shrinks_the_krejcie_morgan_sample_as_population_grows(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert krejcie_morgan(low) <= krejcie_morgan(high)


@PROPERTY
@given(populations)
def test_it_bounds_krejcie_morgan_by_population_and_limit(population: int) -> None:
    n = krejcie_morgan(population)
    assert 1 <= n <= population
    assert n <= math.ceil(3.841 * 0.25 / 0.05**2)  # 385, the large-N limit


@PROPERTY
@given(populations)
def test_it_keeps_krejcie_morgan_at_or_above_the_formula(population: int) -> None:
    exact = 3.841 * population * 0.25 / (0.0025 * (population - 1) + 3.841 * 0.25)
    assert exact - 1e-6 <= krejcie_morgan(population) < exact + 1


@pytest.mark.parametrize(("population", "expected"), [(1, 1), (100, 80), (1000, 286)])
def test_it_computes_slovin(population: int, expected: int) -> None:
    assert slovin(population) == expected


@PROPERTY
@given(populations, populations)
def test_it_bounds_and_orders_slovin(a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert 1 <= slovin(low) <= slovin(high) <= min(high, 400)


def test_it_converts_respondents_to_desa() -> None:
    assert desa_count(400) == 10
    assert desa_count(384) == 10
    assert desa_count(0) == 0
    assert desa_count(90, per_desa=45) == 2
    with pytest.raises(ValueError):
        desa_count(10, per_desa=0)


# --- Stratification -----------------------------------------------------------


def test_it_counts_criteria_met_against_the_mean() -> None:
    result = stratify(
        density=[1.0, 2.0, 3.0, 10.0],  # mean 4
        poverty=[5.0, 5.0, 20.0, 1.0],  # mean 7.75
        river=[True, False, False, True],
        flood=[False, False, True, True],
    )
    assert result.strata.tolist() == [1, 0, 2, 3]
    assert result.density_cutoff == 4.0
    assert result.poverty_cutoff == 7.75
    with pytest.raises(ValueError):
        result.strata[0] = 4


def test_it_uses_given_cutoffs_strictly_above() -> None:
    result = stratify(
        [5.0, 6.0], [10.0, 10.0], [0, 0], [0, 0], density_cutoff=5.0, poverty_cutoff=9.0
    )
    assert result.strata.tolist() == [1, 2]


def test_it_rejects_missing_or_mismatched_stratification_data() -> None:
    with pytest.raises(ValueError):
        stratify([1.0, math.nan], [1.0, 2.0], [0, 0], [0, 0])
    with pytest.raises(ValueError):
        stratify([1.0], [1.0, 2.0], [0, 0], [0, 0])
    with pytest.raises(ValueError):
        stratify([], [], [], [])


@PROPERTY
@given(
    st.lists(
        st.tuples(st.floats(0, 1e5), st.floats(0, 100), st.booleans(), st.booleans()),
        min_size=1,
        max_size=60,
    )
)
def test_it_keeps_strata_between_zero_and_four(rows: list[tuple[float, float, bool, bool]]) -> None:
    dens, pov, riv, fld = (list(col) for col in zip(*rows, strict=True))
    result = stratify(dens, pov, riv, fld)
    assert result.strata.dtype == np.int8
    assert ((result.strata >= 0) & (result.strata <= 4)).all()
    expected = [
        (d > result.density_cutoff) + (p > result.poverty_cutoff) + r + f for d, p, r, f in rows
    ]
    assert result.strata.tolist() == expected


# --- Allocation ---------------------------------------------------------------


def test_it_allocates_thirty_desa_by_largest_remainder() -> None:
    # Synthetic (ehra-risk.md §2.4/§8.1 give the method, not the numbers):
    # quotas 3.6, 7.5, 9.3, 6.6, 3.0; half-up rounding would give 31.
    sizes = {0: 12, 1: 25, 2: 31, 3: 22, 4: 10}
    assert allocate(sizes, 30) == {0: 4, 1: 7, 2: 9, 3: 7, 4: 3}


def test_it_breaks_ties_by_larger_stratum_then_smaller_id() -> None:
    assert allocate({3: 10, 1: 10, 2: 10}, 4) == {1: 2, 2: 1, 3: 1}
    # quotas 1.5 and 2.5: equal remainders, the larger stratum gets the seat
    assert allocate({1: 6, 2: 10}, 4) == {1: 1, 2: 3}


def test_it_takes_every_desa_when_total_exceeds_the_frame() -> None:
    assert allocate({0: 3, 2: 0, 1: 7}, 30) == {0: 3, 1: 7, 2: 0}
    assert list(allocate({2: 1, 0: 1}, 5)) == [0, 2]


def test_it_allocates_nothing_from_nothing() -> None:
    assert allocate({}, 30) == {}
    assert allocate({1: 5, 2: 5}, 0) == {1: 0, 2: 0}


@pytest.mark.parametrize(("sizes", "total"), [({1: -1}, 3), ({1: 3}, -1), ({1: 2.5}, 3)])
def test_it_rejects_invalid_allocation_inputs(sizes: dict[int, int], total: int) -> None:
    with pytest.raises(ValueError):
        allocate(sizes, total)


@PROPERTY
@given(strata_maps, st.integers(min_value=0, max_value=3000))
def test_it_allocates_exactly_the_target_within_sizes(sizes: dict[int, int], total: int) -> None:
    result = allocate(sizes, total)
    assert set(result) == set(sizes)
    assert sum(result.values()) == min(total, sum(sizes.values()))
    assert all(0 <= result[k] <= sizes[k] for k in sizes)


@PROPERTY
@given(strata_maps, st.integers(min_value=0, max_value=3000))
def test_it_stays_within_one_of_the_exact_quota(sizes: dict[int, int], total: int) -> None:
    whole = sum(sizes.values())
    result = allocate(sizes, total)
    target = min(total, whole)
    for key, size in sizes.items():
        quota = target * size / whole if whole else 0.0
        assert math.floor(quota) <= result[key] <= math.ceil(quota)


@PROPERTY
@given(strata_maps, st.integers(min_value=0, max_value=3000), st.randoms())
def test_it_ignores_the_order_of_strata(
    sizes: dict[int, int], total: int, rnd: random.Random
) -> None:
    items = list(sizes.items())
    rnd.shuffle(items)
    assert allocate(dict(items), total) == allocate(sizes, total)


# --- Systematic sampling ------------------------------------------------------


def test_it_samples_every_kth_unit_from_the_start() -> None:
    units = [f"desa{i}" for i in range(1, 13)]
    assert systematic_sample(units, 4, start=1) == ["desa2", "desa5", "desa8", "desa11"]


def test_it_handles_a_fractional_interval() -> None:
    # N = 10, n = 3, k = 3.33: floor(3 + j * 3.33) = 3, 6, 9
    assert systematic_positions(10, 3, 3).tolist() == [3, 6, 9]
    assert systematic_positions(10, 3, 0).tolist() == [0, 3, 6]
    with pytest.raises(ValueError):
        systematic_positions(10, 3, 4)


def test_it_returns_everything_or_nothing_at_the_edges() -> None:
    assert systematic_sample("abc", 3, seed=1) == ["a", "b", "c"]
    assert systematic_sample("abc", 0) == []
    with pytest.raises(ValueError):
        systematic_sample("abc", 4, seed=1)
    with pytest.raises(ValueError):
        random_start(10, 2, seed=-1)


@PROPERTY
@given(st.data(), st.integers(min_value=1, max_value=2000))
def test_it_draws_n_distinct_units_in_order(data: st.DataObject, population: int) -> None:
    n = data.draw(st.integers(min_value=1, max_value=population))
    seed = data.draw(st.integers(min_value=0, max_value=2**32))
    units = list(range(population))
    sample = systematic_sample(units, n, seed=seed)
    assert len(sample) == n
    assert all(a < b for a, b in itertools.pairwise(sample))
    gaps = {b - a for a, b in itertools.pairwise(sample)}
    assert gaps <= {population // n, -(-population // n)}


@PROPERTY
@given(st.data(), st.integers(min_value=1, max_value=2000))
def test_it_reproduces_a_seeded_sample_from_the_recorded_start(
    data: st.DataObject, population: int
) -> None:
    n = data.draw(st.integers(min_value=1, max_value=population))
    seed = data.draw(st.integers(min_value=0, max_value=2**32))
    units = [f"u{i}" for i in range(population)]
    start = random_start(population, n, seed=seed)
    assert start >= 0
    assert start * n < population
    assert systematic_sample(units, n, seed=seed) == systematic_sample(units, n, start=start)
    assert systematic_sample(units, n, seed=seed) == systematic_sample(units, n, seed=seed)


@PROPERTY
@given(st.data(), st.integers(min_value=1, max_value=500))
def test_it_accepts_every_start_below_the_interval(data: st.DataObject, population: int) -> None:
    n = data.draw(st.integers(min_value=1, max_value=population))
    start = data.draw(st.integers(min_value=0, max_value=-(-population // n) - 1))
    positions = systematic_positions(population, n, start)
    assert positions[0] == start
    assert positions[-1] < population
    assert len(np.unique(positions)) == n
