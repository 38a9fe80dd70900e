"""Hypothesis properties of `select` (anchors-code.md §8): feasibility, optimality, order."""

from __future__ import annotations

from unittest import mock

from hypothesis import assume, given
from hypothesis import strategies as st

from ppsp.compute import optimize
from ppsp.compute.optimize import Candidate, select
from tests.compute.test_optimize import (
    PROPERTY,
    Caps,
    _brute_force,
    _dependents,
    _feasible,
    _ratio,
    _select_or_none,
    problems,
)


@PROPERTY
@given(problems())
def test_it_only_returns_feasible_selections(
    problem: tuple[list[Candidate], list[float], Caps],
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    if result is None:
        return
    assert _feasible(cands, set(result.chosen), budget, caps)
    assert all(s <= b for s, b in zip(result.spent_by_year, budget, strict=True))
    expected = [
        sum(c.cost_by_year[t] for c in cands if c.id in result.chosen) for t in range(len(budget))
    ]
    assert list(result.spent_by_year) == expected
    assert result.value == sum(c.value for c in cands if c.id in result.chosen)


@PROPERTY
@given(problems())
def test_it_splits_all_ids_into_chosen_and_daftar_tunggu(
    problem: tuple[list[Candidate], list[float], Caps],
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    if result is None:
        return
    ids = [c.id for c in cands]
    assert set(result.chosen) | set(result.waiting_list) == set(ids)
    assert len(result.chosen) + len(result.waiting_list) == len(ids)
    assert list(result.chosen) == [i for i in ids if i in result.chosen]
    by_id = {c.id: c for c in cands}
    ratios = [_ratio(by_id[i]) for i in result.waiting_list]
    assert ratios == sorted(ratios, reverse=True)


@PROPERTY
@given(problems())
def test_it_matches_brute_force(problem: tuple[list[Candidate], list[float], Caps]) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps, mip_rel_gap=0.0)  # exact optimality asked
    if result is None:
        return
    assert result.optimal
    assert result.value == result.bound == _brute_force(cands, budget, caps)


@PROPERTY
@given(problems(), st.data())
def test_it_never_loses_value_when_a_budget_grows(
    problem: tuple[list[Candidate], list[float], dict[str, list[float]]], data: st.DataObject
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    if result is None:
        return
    richer = list(budget)
    richer[data.draw(st.integers(0, len(budget) - 1))] += data.draw(st.integers(0, 30))
    richer_caps = {
        s: [b + data.draw(st.integers(0, 10)) for b in caps_t] for s, caps_t in caps.items()
    }
    assert select(cands, richer, budget_by_source=richer_caps).value >= result.value


@PROPERTY
@given(problems(), st.data())
def test_it_gives_the_same_value_whatever_the_input_order(
    problem: tuple[list[Candidate], list[float], Caps], data: st.DataObject
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    if result is None:
        return
    shuffled = data.draw(st.permutations(cands))
    assert select(shuffled, budget, budget_by_source=caps).value == result.value


@PROPERTY
@given(problems(), st.data())
def test_it_keeps_the_value_when_an_unchosen_candidate_is_removed(
    problem: tuple[list[Candidate], list[float], Caps], data: st.DataObject
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    assume(result is not None and result.waiting_list)
    assert result is not None
    gone = _dependents(cands, data.draw(st.sampled_from(result.waiting_list)))
    assert not gone & set(result.chosen)
    rest = [c for c in cands if c.id not in gone]
    assert select(rest, budget, budget_by_source=caps).value == result.value


@PROPERTY
@given(problems(), st.data())
def test_it_never_gains_value_when_a_chosen_candidate_is_removed(
    problem: tuple[list[Candidate], list[float], Caps], data: st.DataObject
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps)
    assume(result is not None and result.chosen)
    assert result is not None
    gone = _dependents(cands, data.draw(st.sampled_from(result.chosen)))
    assume(not any(c.mandatory for c in cands if c.id in gone))
    rest = [c for c in cands if c.id not in gone]
    assert select(rest, budget, budget_by_source=caps).value <= result.value


@PROPERTY
@given(problems(), st.data())
def test_it_never_loses_value_when_a_candidate_is_cloned(
    problem: tuple[list[Candidate], list[float], Caps], data: st.DataObject
) -> None:
    cands, budget, caps = problem
    assume(cands)
    result = _select_or_none(cands, budget, caps)
    if result is None:
        return
    original = data.draw(st.sampled_from(cands))
    clone = Candidate(
        "clone",
        original.cost_by_year,
        original.value,
        requires=original.requires,
        source=original.source,
    )
    assert select([*cands, clone], budget, budget_by_source=caps).value >= result.value


@PROPERTY
@given(problems())
def test_it_keeps_the_greedy_fallback_feasible_and_its_bound_valid(
    problem: tuple[list[Candidate], list[float], Caps],
) -> None:
    cands, budget, caps = problem
    best = _brute_force(cands, budget, caps)
    assume(best is not None)
    assert best is not None
    with mock.patch.object(optimize, "_solve_milp", return_value=None):
        result = select(cands, budget, budget_by_source=caps)
    assert result.optimal == (not cands)  # only the empty problem is trivially optimal
    assert _feasible(cands, set(result.chosen), budget, caps)
    assert result.value <= best <= result.bound
