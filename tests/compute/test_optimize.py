"""Tests for ppsp.compute.optimize (domain-ppsp.md §10.7, §11.2; anchors-code.md §8)."""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import settings
from hypothesis import strategies as st

from ppsp.compute import optimize
from ppsp.compute.optimize import Candidate, Selection, select

# No example database: nothing may be written into the repository.
PROPERTY = settings(database=None, deadline=None, max_examples=50)

Caps = Mapping[str, Sequence[float]]


def _c(
    id: str,
    *cost: float,
    value: float,
    mandatory: bool = False,
    requires: tuple[str, ...] = (),
    source: str = "",
) -> Candidate:
    return Candidate(id, tuple(float(c) for c in cost), float(value), mandatory, requires, source)


def _feasible(
    cands: Sequence[Candidate], chosen: set[str], budget: Sequence[float], caps: Caps
) -> bool:
    picked = [c for c in cands if c.id in chosen]
    if any(c.mandatory and c.id not in chosen for c in cands):
        return False
    if any(r not in chosen for c in picked for r in c.requires):
        return False
    for t, cap in enumerate(budget):
        if sum(c.cost_by_year[t] for c in picked) > cap:
            return False
    for source, caps_t in caps.items():
        for t, cap in enumerate(caps_t):
            if sum(c.cost_by_year[t] for c in picked if c.source == source) > cap:
                return False
    return True


def _brute_force(cands: Sequence[Candidate], budget: Sequence[float], caps: Caps) -> float | None:
    """Best value over all 2**n subsets, None when no subset is feasible."""
    best: float | None = None
    for mask in itertools.product((False, True), repeat=len(cands)):
        chosen = {c.id for c, keep in zip(cands, mask, strict=True) if keep}
        if _feasible(cands, chosen, budget, caps):
            value = sum(c.value for c in cands if c.id in chosen)
            best = value if best is None else max(best, value)
    return best


def _select_or_none(
    cands: Sequence[Candidate], budget: Sequence[float], caps: Caps, **options: float
) -> Selection | None:
    """select(), or None when the mandatory rows cannot fit (checked against brute force)."""
    try:
        return select(cands, budget, budget_by_source=caps, **options)
    except ValueError as error:
        assert "mandatory" in str(error)
        assert _brute_force(cands, budget, caps) is None
        return None


def _dependents(cands: Sequence[Candidate], root: str) -> set[str]:
    """``root`` and every candidate that (transitively) requires it."""
    out = {root}
    while True:
        more = {c.id for c in cands if c.id not in out and out & set(c.requires)}
        if not more:
            return out
        out |= more


@st.composite
def problems(
    draw: st.DrawFn, max_n: int = 8
) -> tuple[list[Candidate], list[float], dict[str, list[float]]]:
    years = draw(st.integers(1, 3))
    n = draw(st.integers(0, max_n))
    ids = [f"k{i}" for i in range(n)]
    amounts = st.integers(0, 20).map(float)
    cands = [
        Candidate(
            id=ids[i],
            cost_by_year=tuple(draw(amounts) for _ in range(years)),
            value=float(draw(st.integers(0, 30))),
            mandatory=draw(st.sampled_from([False] * 5 + [True])),
            requires=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
            source=draw(st.sampled_from(["APBD_KAB", "APBN", ""])),
        )
        for i in range(n)
    ]
    budget = [float(draw(st.integers(0, 60))) for _ in range(years)]
    sources = draw(st.lists(st.sampled_from(["APBD_KAB", "APBN", ""]), max_size=2, unique=True))
    caps = {s: [float(draw(st.integers(0, 40))) for _ in range(years)] for s in sources}
    return cands, budget, caps


def _ratio(c: Candidate) -> float:
    total = sum(c.cost_by_year)
    return c.value / total if total > 0 else math.copysign(math.inf, c.value) if c.value else 0.0


# --- pinned examples -------------------------------------------------------------------


GREEDY_TRAP = [_c("A", 6, value=7), _c("B", 5, value=5), _c("C", 5, value=5)]


def test_it_beats_greedy_by_ratio_where_greedy_is_not_optimal() -> None:
    # Greedy takes A (ratio 7/6) and then nothing fits: 7. B + C fill the budget: 10.
    assert select(GREEDY_TRAP, [10]) == Selection(
        chosen=("B", "C"),
        value=10.0,
        spent_by_year=(10.0,),
        waiting_list=("A",),
        optimal=True,
        bound=10.0,
    )


def test_it_falls_back_to_greedy_when_milp_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimize, "_solve_milp", lambda *args: None)
    result = select(GREEDY_TRAP, [10])
    assert (result.chosen, result.value, result.waiting_list) == (("A",), 7.0, ("B", "C"))
    # without a solver the bound is every positive value that fits alone: 7 + 5 + 5
    assert (result.optimal, result.bound) == (False, 17.0)


def test_it_plans_over_several_years() -> None:
    # Z has the best ratio (9/10) but X + Y + W uses both years fully: 6 + 6 + 2 = 14 > Z + W.
    cands = [
        _c("X", 8, 0, value=6),
        _c("Y", 0, 8, value=6),
        _c("Z", 5, 5, value=9),
        _c("W", 2, 2, value=2),
    ]
    result = select(cands, [10, 10])
    assert (result.chosen, result.value, result.spent_by_year) == (
        ("X", "Y", "W"),
        14.0,
        (10.0, 10.0),
    )
    assert result.waiting_list == ("Z",)


def test_it_funds_a_mandatory_candidate_even_when_it_displaces_better_ones() -> None:
    cands = [_c("M", 8, value=1, mandatory=True), _c("X", 5, value=10), _c("Y", 2, value=3)]
    result = select(cands, [10])
    assert (result.chosen, result.value, result.waiting_list) == (("M", "Y"), 4.0, ("X",))


def test_it_names_the_mandatory_candidates_that_do_not_fit() -> None:
    cands = [
        _c("M1", 6, value=1, mandatory=True),
        _c("M2", 6, value=1, mandatory=True),
        _c("X", 1, value=1),
    ]
    with pytest.raises(ValueError, match=r"mandatory.*'M1', 'M2'.*year 0"):
        select(cands, [10])


def test_it_names_the_source_whose_cap_the_mandatory_candidates_exceed() -> None:
    cands = [_c("M", 6, value=1, mandatory=True, source="APBN")]
    with pytest.raises(ValueError, match=r"'M'.*source 'APBN' in year 0"):
        select(cands, [10], budget_by_source={"APBN": [5]})


CHAIN = [
    _c("A", 4, value=0),
    _c("B", 3, value=1, requires=("A",)),
    _c("C", 2, value=10, requires=("B",)),
    _c("D", 6, value=6),
]


def test_it_funds_a_whole_requires_chain_when_it_pays() -> None:
    result = select(CHAIN, [10])
    assert (result.chosen, result.value, result.spent_by_year) == (("A", "B", "C"), 11.0, (9.0,))
    assert result.waiting_list == ("D",)


def test_it_drops_a_candidate_whose_prerequisites_do_not_fit() -> None:
    # Without `requires`, C + D (cost 8, value 16) would win; with it the chain costs 9.
    assert select(CHAIN, [8]).chosen == ("D",)


def test_it_pulls_in_the_prerequisites_of_a_mandatory_candidate() -> None:
    cands = [*CHAIN[:2], _c("C", 2, value=0, mandatory=True, requires=("B",)), _c("D", 6, value=60)]
    result = select(cands, [10])
    assert (result.chosen, result.waiting_list) == (("A", "B", "C"), ("D",))


def test_it_respects_per_source_caps() -> None:
    cands = [
        _c("P", 4, value=8, source="APBD_KAB"),
        _c("Q", 3, value=7, source="APBD_KAB"),
        _c("R", 6, value=5, source="APBN"),
    ]
    assert select(cands, [10]).chosen == ("P", "Q")
    capped = select(cands, [10], budget_by_source={"APBD_KAB": [4]})
    assert (capped.chosen, capped.value, capped.waiting_list) == (("P", "R"), 13.0, ("Q",))


def test_it_leaves_sources_without_a_cap_limited_by_the_total_only() -> None:
    cands = [_c("P", 4, value=8, source="APBD_KAB"), _c("R", 6, value=5, source="CSR_SWASTA")]
    assert select(cands, [10], budget_by_source={"APBN": [0]}).chosen == ("P", "R")


def test_it_returns_an_empty_selection_for_no_candidates() -> None:
    assert select([], [5, 5]) == Selection((), 0.0, (0.0, 0.0), (), True, 0.0)


def test_it_ranks_the_daftar_tunggu_by_value_per_rupiah() -> None:
    cands = [
        _c("neg", 0, value=-1),
        _c("low", 10, value=1),
        _c("high", 2, value=4),
        _c("mid", 4, value=4),
    ]
    result = select(cands, [1])
    assert (result.chosen, result.waiting_list) == ((), ("high", "mid", "low", "neg"))


@pytest.mark.parametrize(
    ("cands", "budget", "caps", "message"),
    [
        ([_c("A", 1, 2, value=1)], [5], None, r"'A' has 2 yearly costs, budget_by_year has 1"),
        ([_c("A", -1, value=1)], [5], None, r"'A' has cost -1.0 in year 0"),
        ([_c("A", math.nan, value=1)], [5], None, r"'A' has cost nan"),
        ([_c("A", 1, value=math.inf)], [5], None, r"'A' has non-finite value"),
        ([_c("A", 1, value=1), _c("A", 2, value=1)], [5], None, r"duplicate candidate id 'A'"),
        (
            [_c("A", 1, value=1, requires=("Z",))],
            [5],
            None,
            r"'A' requires unknown id\(s\) \['Z'\]",
        ),
        ([_c("", 1, value=1)], [5], None, r"position 0 needs a non-empty string id"),
        ([_c("A", 1, value=1)], [-5], None, r"budget_by_year\[0\]"),
        ([_c("A", 1, value=1)], [], None, r"budget_by_year must be a non-empty"),
        ([_c("A", 1, value=1)], [5], {"APBN": [1, 2]}, r"budget_by_source\['APBN'\] must hold 1"),
    ],
)
def test_it_rejects_malformed_input_naming_the_culprit(
    cands: list[Candidate], budget: list[float], caps: Caps | None, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        select(cands, budget, budget_by_source=caps)


def test_it_handles_5000_candidates_over_5_years(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(optimize, "TIME_LIMIT_S", 2.0)
    rng = np.random.default_rng(7)
    n, years = 5000, 5
    cost = rng.integers(0, 10**9, size=(n, years)).astype(float)  # Rp
    value = rng.integers(1, 10**6, size=n).astype(float)
    sources = rng.choice(["APBD_KAB", "APBN", "DAK"], size=n)
    cands = [
        Candidate(
            f"k{i}",
            tuple(cost[i]),
            value[i],
            source=str(sources[i]),
            requires=(f"k{i - 1}",) if i % 50 else (),
        )
        for i in range(n)
    ]
    budget = list(cost.sum(axis=0) * 0.3)
    caps = {"APBN": list(cost.sum(axis=0) * 0.1)}
    started = time.perf_counter()
    result = select(cands, budget, budget_by_source=caps)
    assert time.perf_counter() - started < 15
    assert _feasible(cands, set(result.chosen), budget, caps)
    assert result.bound >= result.value > 0
    assert len(result.chosen) + len(result.waiting_list) == n


# --- properties ------------------------------------------------------------------------
