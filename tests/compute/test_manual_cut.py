"""Tests for ppsp.compute.manual_cut, the Pokja's hand rule the optimiser is compared with."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.manual_cut import cut_lowest_priority
from ppsp.compute.optimize import Candidate, select

PROPERTY = settings(database=None, deadline=None, max_examples=100)


def _c(id: str, cost: float, value: float, **kw: object) -> Candidate:
    return Candidate(id, (float(cost),), float(value), **kw)  # type: ignore[arg-type]


def test_it_cuts_from_the_bottom_of_the_priority_list() -> None:
    # All three cost 16 > 10: cut C (priority 3), still 11 > 10: cut B. Kept: A, value 6,
    # where the optimiser keeps B + C, value 10.
    cands = [_c("A", 6, 6), _c("B", 5, 5), _c("C", 5, 5)]
    priority = {"A": 1, "B": 2, "C": 3}
    assert cut_lowest_priority(cands, priority, [10]) == ("A",)
    assert select(cands, [10]).chosen == ("B", "C")


def test_it_keeps_mandatory_rows_and_cuts_dependents_with_their_prerequisite() -> None:
    cands = [
        _c("DED", 2, 0),
        _c("IPAL", 6, 9, requires=("DED",)),
        _c("M", 5, 1, mandatory=True),
        _c("X", 1, 1),
    ]
    priority = {"DED": 4, "IPAL": 1, "M": 3, "X": 2}
    # 14 > 10: DED is cut first (lowest priority), IPAL goes with it: 6 left.
    assert cut_lowest_priority(cands, priority, [10]) == ("M", "X")


def test_it_respects_source_caps() -> None:
    cands = [_c("A", 3, 3, source="apbn"), _c("B", 3, 3, source="apbd_kabkota")]
    kept = cut_lowest_priority(cands, {"A": 2, "B": 1}, [10], budget_by_source={"apbn": [0]})
    assert kept == ("B",)


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[Candidate], dict[str, int], list[float]]:
    n = draw(st.integers(0, 8))
    ids = [f"k{i}" for i in range(n)]
    cands = [
        Candidate(
            ids[i],
            (float(draw(st.integers(0, 20))), float(draw(st.integers(0, 20)))),
            float(draw(st.integers(0, 30))),
            mandatory=draw(st.sampled_from([False] * 6 + [True])),
            requires=tuple(draw(st.lists(st.sampled_from(ids[:i]), max_size=1))) if i else (),
        )
        for i in range(n)
    ]
    priority = {key: draw(st.integers(0, 5)) for key in ids}
    budget = [float(draw(st.integers(0, 60))), float(draw(st.integers(0, 60)))]
    return cands, priority, budget


@PROPERTY
@given(problems())
def test_it_never_beats_the_optimiser_and_fits_when_it_can(
    problem: tuple[list[Candidate], dict[str, int], list[float]],
) -> None:
    cands, priority, budget = problem
    try:
        best = select(cands, budget)
    except ValueError:
        return  # mandatory rows alone do not fit
    kept = set(cut_lowest_priority(cands, priority, budget))
    picked = [c for c in cands if c.id in kept]
    assert all(c.id in kept for c in cands if c.mandatory)
    assert all(r in kept for c in picked for r in c.requires)
    for t, cap in enumerate(budget):
        assert sum(c.cost_by_year[t] for c in picked) <= cap + 1e-9
    assert sum(c.value for c in picked) <= best.value + 1e-9
