"""Tests for ppsp.compute.projection (domain-ppsp.md §8.2, §9.2, §16.2 item 1)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.projection import contradictions, implied_rate, project_population

PROPERTY = settings(database=None, deadline=None, max_examples=200)

people = st.floats(min_value=1.0, max_value=5e6, allow_nan=False)
rates = st.floats(min_value=-0.05, max_value=0.1, allow_nan=False)
spans = st.integers(1, 25)


def test_it_projects_geometrically_by_hand() -> None:
    # 1,000 jiwa at 2 %/year: 1,020; 1,040.4; 1,061.208
    assert project_population(1000, 0.02, 3) == pytest.approx([1020.0, 1040.4, 1061.208])


def test_it_projects_arithmetically_by_hand() -> None:
    assert project_population(1000, 0.02, 3, method="aritmetik") == pytest.approx(
        [1020.0, 1040.0, 1060.0]
    )


def test_it_recovers_the_rate_from_two_counts() -> None:
    assert implied_rate(1000, 1061.208, 3) == pytest.approx(0.02)
    assert implied_rate(1000, 1060, 3, method="aritmetik") == pytest.approx(0.02)


def test_it_flags_typed_projections_that_contradict_the_stated_rate() -> None:
    # Geometric 2 %: 1,020 / 1,040.4 / 1,061.2 / 1,082.4. 1,041 is rounding; 1,100 is not.
    assert contradictions(1000, 0.02, [1020, 1041, None, 1100]) == [3]
    # A typed series grown at 5 % contradicts a stated 2 % from the first year on.
    assert contradictions(1000, 0.02, [1050, 1102.5]) == [0, 1]


def test_it_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        project_population(-1, 0.02, 3)
    with pytest.raises(ValueError):
        project_population(100, 0.02, 3, method="logistik")
    with pytest.raises(ValueError):
        project_population(100, -1.0, 3)
    with pytest.raises(ValueError):
        implied_rate(0, 100, 2)


@PROPERTY
@given(people, rates, spans)
def test_it_finds_no_contradiction_in_its_own_projection(base: float, rate: float, t: int) -> None:
    for method in ("geometrik", "aritmetik"):
        projected = project_population(base, rate, t, method=method)
        assert contradictions(base, rate, projected, method=method) == []


@PROPERTY
@given(people, rates, spans)
def test_it_round_trips_the_rate(base: float, rate: float, t: int) -> None:
    last = project_population(base, rate, t)[-1]
    assert implied_rate(base, last, t) == pytest.approx(rate, abs=1e-9)


@PROPERTY
@given(people, st.floats(min_value=0.0, max_value=0.1), spans)
def test_it_grows_geometric_at_least_as_fast_as_arithmetic(
    base: float, rate: float, t: int
) -> None:
    geo = project_population(base, rate, t)
    lin = project_population(base, rate, t, method="aritmetik")
    assert geo[0] == pytest.approx(lin[0])
    assert all(g >= a * (1 - 1e-12) for g, a in zip(geo, lin, strict=True))


@PROPERTY
@given(people, rates, rates, spans)
def test_it_is_monotone_in_the_rate(base: float, r1: float, r2: float, t: int) -> None:
    low, high = sorted((r1, r2))
    for method in ("geometrik", "aritmetik"):
        a = project_population(base, low, t, method=method)
        b = project_population(base, high, t, method=method)
        assert all(x <= y * (1 + 1e-12) for x, y in zip(a, b, strict=True))
        assert all(math.isfinite(x) and x >= 0 for x in a)
