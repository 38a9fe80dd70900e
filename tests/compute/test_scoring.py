"""Tests for ppsp.compute.scoring (ehra-risk.md §4.4, §5.3, §8.2, §11.4, §11.8)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.scoring import equal_interval, equal_interval_array, equal_interval_edges

PROPERTY = settings(database=None, deadline=None, max_examples=200)

# Indicator-sized numbers (%, jiwa/ha, IRS points, rupiah): no subnormals or 1e300s.
reals = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_subnormal=False)
value_lists = st.lists(reals, min_size=1, max_size=80)
class_counts = st.integers(min_value=1, max_value=10)


def test_it_reproduces_the_irs_worked_example() -> None:
    # ehra-risk.md §8.2: min 110.0, max 250.0 -> w = 35.0; desa X (202.4) -> 3.
    values = [110.0, 144.9, 145.0, 179.9, 180.0, 202.4, 214.9, 215.0, 250.0]
    assert equal_interval(values) == [1, 1, 2, 2, 3, 3, 3, 4, 4]
    assert equal_interval_edges(values) == [110.0, 145.0, 180.0, 215.0, 250.0]


def test_it_reproduces_the_ssk_combination_example() -> None:
    # ehra-risk.md §8.3: range 2.0-14.5, w = 3.125; AREA 10.83 -> class 3.
    values = [2.0, 5.125, 8.25, 10.83, 11.375, 14.5]
    assert equal_interval(values) == [1, 2, 3, 3, 4, 4]


def test_it_reverses_labels_for_good_when_high_indicators() -> None:
    # akses jamban (%): high coverage is the lowest risk.
    values = [20.0, 40.0, 60.0, 80.0, 100.0]
    assert equal_interval(values, higher_is_worse=False) == [4, 3, 2, 1, 1]


def test_it_gives_class_one_when_all_values_are_equal() -> None:
    assert equal_interval([7.5, 7.5, 7.5]) == [1, 1, 1]
    assert equal_interval([7.5, 7.5], higher_is_worse=False) == [1, 1]
    assert equal_interval([3.0]) == [1]


def test_it_handles_empty_input_and_other_class_counts() -> None:
    assert equal_interval([]) == []
    assert equal_interval([0.0, 1.0, 2.0, 3.0, 4.0, 5.0], classes=5) == [1, 2, 3, 4, 5, 5]
    assert equal_interval([0.0, 0.5, 1.0], classes=1) == [1, 1, 1]


def test_it_classes_near_equal_values_by_their_order() -> None:
    low, high = 1.0, math.nextafter(1.0, 2.0)
    assert equal_interval([low, high]) == [1, 4]


@pytest.mark.parametrize(
    ("values", "classes"),
    [
        ([1.0, math.nan], 4),
        ([1.0, math.inf], 4),
        ([1.0, 2.0], 0),
        ([1.0], 2.0),
        ([-1e308, 1e308], 4),
    ],
)
def test_it_rejects_invalid_values_or_class_counts(values: list[float], classes: int) -> None:
    with pytest.raises(ValueError):
        equal_interval(values, classes)


def test_it_returns_python_ints_from_the_list_version() -> None:
    result = equal_interval([1.0, 2.0])
    assert all(type(c) is int for c in result)


def test_it_classes_a_national_sized_array() -> None:
    values = np.random.default_rng(7).uniform(0.0, 500.0, size=83_763)
    classes = equal_interval_array(values)
    assert classes.shape == (83_763,)
    assert classes.dtype == np.int64
    assert set(np.unique(classes).tolist()) == {1, 2, 3, 4}


@PROPERTY
@given(value_lists, class_counts)
def test_it_keeps_classes_in_range_with_min_and_max_at_the_ends(
    values: list[float], classes: int
) -> None:
    result = equal_interval(values, classes)
    assert all(1 <= c <= classes for c in result)
    if min(values) != max(values):
        assert result[values.index(min(values))] == 1
        assert result[values.index(max(values))] == classes


@PROPERTY
@given(value_lists, class_counts, st.booleans())
def test_it_orders_classes_like_the_values(
    values: list[float], classes: int, higher_is_worse: bool
) -> None:
    result = equal_interval(values, classes, higher_is_worse=higher_is_worse)
    pairs = sorted(zip(values, result, strict=True))
    ranks = [c for _, c in pairs]
    if higher_is_worse or min(values) == max(values):
        assert ranks == sorted(ranks)
    else:
        assert ranks == sorted(ranks, reverse=True)


@PROPERTY
@given(value_lists, class_counts, st.randoms())
def test_it_ignores_the_order_of_the_values(
    values: list[float], classes: int, rnd: random.Random
) -> None:
    order = list(range(len(values)))
    rnd.shuffle(order)
    result = equal_interval(values, classes)
    shuffled = equal_interval([values[i] for i in order], classes)
    assert shuffled == [result[i] for i in order]


@PROPERTY
@given(value_lists, class_counts)
def test_it_mirrors_classes_when_the_direction_flips(values: list[float], classes: int) -> None:
    forward = equal_interval(values, classes)
    backward = equal_interval(values, classes, higher_is_worse=False)
    if min(values) == max(values):
        assert forward == backward == [1] * len(values)
    else:
        assert backward == [classes + 1 - c for c in forward]


@PROPERTY
@given(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=1, max_value=10**6),
    class_counts,
)
def test_it_puts_exact_edges_in_the_upper_class(low: int, width: int, classes: int) -> None:
    # Integer edges are exact in floating point: edge i must open class i + 1.
    edges = [float(low + i * width) for i in range(classes + 1)]
    result = equal_interval(edges, classes)
    assert result == [*range(1, classes + 1), classes]
    assert equal_interval_edges(edges, classes) == edges


@PROPERTY
@given(value_lists, class_counts)
def test_it_agrees_with_the_edges_it_reports(values: list[float], classes: int) -> None:
    edges = equal_interval_edges(values, classes)
    for value, cls in zip(values, equal_interval(values, classes), strict=True):
        if min(values) == max(values):
            assert cls == 1
            continue
        # Away from rounding noise at an edge, the class is the edge interval.
        lower, upper = edges[cls - 1], edges[cls]
        tol = 1e-9 * max(1.0, abs(upper - lower), abs(value))
        assert lower - tol <= value
        assert value < upper + tol or cls == classes
