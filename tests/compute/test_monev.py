"""Tests for ppsp.compute.monev: the ranking score, ranks and the traffic light."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.monev import competition_ranks, ranking_scores, safe_ratio, target_status

PROPERTY = settings(database=None, deadline=None, max_examples=150)
unit = st.floats(min_value=0, max_value=1, allow_nan=False)
rows = st.lists(st.tuples(unit, unit, unit, unit), min_size=1, max_size=30)


def test_it_scores_a_pinned_example() -> None:
    # 100 × (0.25·0.5 + 0.25·1 + 0.25·0 + 0.25·0.8) = 57.5 points
    score = ranking_scores([0.5], [1.0], [0.0], [0.8])
    assert score[0] == pytest.approx(57.5)


def test_it_clips_and_treats_missing_as_zero() -> None:
    score = ranking_scores([2.0], [np.nan], [-1.0], [1.0])
    assert score[0] == pytest.approx(50.0)


def test_it_ranks_ties_with_the_best_shared_rank() -> None:
    assert competition_ranks([10.0, 30.0, 30.0, 5.0]).tolist() == [3, 1, 1, 4]


def test_it_divides_safely_and_rejects_bad_weights() -> None:
    assert math.isnan(safe_ratio([5], [0])[0])
    assert safe_ratio([5], [10])[0] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        ranking_scores([1], [1], [1], [1], weights=(0, 0, 0, 0))


def test_it_lights_an_indicator_by_progress_from_baseline() -> None:
    # baseline 40 %, target 60 %, realised 55 %: progress 0.75 → kuning, gap 5 points
    status = target_status(55.0, 60.0, 40.0)
    assert status.light == "kuning" and status.gap == pytest.approx(5.0)
    assert target_status(59.0, 60.0, 40.0).light == "hijau"
    assert target_status(45.0, 60.0, 40.0).light == "merah"
    assert target_status(None, 60.0, 40.0).light == ""


@PROPERTY
@given(rows)
def test_it_keeps_scores_between_0_and_100(data: list[tuple[float, ...]]) -> None:
    s, k, t, r = np.array(data).T
    scores = ranking_scores(s, k, t, r)
    assert np.all(scores >= 0) and np.all(scores <= 100 + 1e-9)


@PROPERTY
@given(rows, st.randoms(use_true_random=False))
def test_it_is_invariant_under_permutation(data: list[tuple[float, ...]], rnd: object) -> None:
    array = np.array(data)
    order = np.arange(len(array))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    scores = ranking_scores(*array.T)
    permuted = ranking_scores(*array[order].T)
    assert np.allclose(scores[order], permuted)
    assert np.array_equal(competition_ranks(scores)[order], competition_ranks(permuted))


@PROPERTY
@given(rows, st.integers(min_value=0, max_value=3), unit)
def test_it_is_monotone_in_every_component(
    data: list[tuple[float, ...]], component: int, bump: float
) -> None:
    array = np.array(data)
    better = array.copy()
    better[0, component] = min(1.0, better[0, component] + bump)
    before, after = ranking_scores(*array.T), ranking_scores(*better.T)
    assert after[0] >= before[0] - 1e-9
    assert competition_ranks(after)[0] <= competition_ranks(before)[0]
