"""The optimiser's configurable proof gap: what `optimal`, `bound` and `gap` promise."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute import optimize
from ppsp.compute.optimize import Candidate, Selection, select
from tests.compute.test_optimize import PROPERTY, Caps, _brute_force, _select_or_none, problems


@PROPERTY
@given(problems(), st.sampled_from([0.0, 1e-3, 0.05, 0.3]))
def test_it_stays_within_the_requested_gap_of_the_brute_force_optimum(
    problem: tuple[list[Candidate], list[float], Caps], gap: float
) -> None:
    cands, budget, caps = problem
    result = _select_or_none(cands, budget, caps, mip_rel_gap=gap)
    if result is None:
        return
    best = _brute_force(cands, budget, caps)
    assert best is not None
    assert result.value <= best + 1e-9
    assert result.bound >= best - 1e-6 * max(1.0, abs(best))
    if result.optimal:
        assert result.gap <= gap + 1e-9
        assert result.value >= best - gap * abs(result.bound) - 1e-6


def test_it_defaults_to_a_gap_of_one_tenth_of_a_percent() -> None:
    assert pytest.approx(0.001) == optimize.MIP_REL_GAP


def test_it_reports_the_gap_between_value_and_bound() -> None:
    empty = {"chosen": (), "spent_by_year": (), "waiting_list": (), "optimal": True}
    assert Selection(value=99.9, bound=100, **empty).gap == pytest.approx(0.001)  # type: ignore[arg-type]
    assert Selection(value=0.0, bound=0, **empty).gap == 0.0  # type: ignore[arg-type]


def test_it_passes_gap_and_time_limit_to_the_solver(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[float, float]] = []

    def fake(p: object, forced: object, limit: float, gap: float) -> None:
        seen.append((limit, gap))

    monkeypatch.setattr(optimize, "_solve_milp", fake)
    cands = [Candidate("a", (1.0,), 2.0)]
    select(cands, [1.0])
    select(cands, [1.0], mip_rel_gap=0.02, time_limit_s=3.0)
    assert seen == [(optimize.TIME_LIMIT_S, optimize.MIP_REL_GAP), (3.0, 0.02)]


@pytest.mark.parametrize("options", [{"mip_rel_gap": -0.1}, {"time_limit_s": 0.0}])
def test_it_rejects_a_negative_gap_or_no_time(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="mip_rel_gap"):
        select([Candidate("a", (1.0,), 2.0)], [1.0], **options)
