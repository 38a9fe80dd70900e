from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.programme_rows import (
    BudgetRow,
    SwotFactor,
    drafts_from_cost_lines,
    need_by_subsector,
    propose_waiting_list,
    subsector_mismatches,
    swot_position,
    to_juta,
)
from ppsp.compute.records import CostLine


def test_it_rebases_cost_lines_on_the_first_year() -> None:
    line = CostLine("air_limbah", "konstruksi", "Z1", "IPAL", 2025, (1.4, 2.6, 3.0))
    (draft,) = drafts_from_cost_lines([line], first_year=2026)
    assert draft.amounts == (3, 3, 0, 0, 0)  # 2025 dropped, rounded to whole rupiah
    assert (draft.kategori, draft.sidlacom, draft.funding_source) == (
        "konstruksi",
        "C",
        "apbd_kabkota",
    )


def test_it_sums_need_per_subsector() -> None:
    lines = [
        CostLine("air_limbah", "om", "", "a", 2026, (10.0, 20.0)),
        CostLine("air_limbah", "advokasi", "", "b", 2026, (5.0,)),
        CostLine("drainase", "konstruksi", "", "c", 2030, (7.0, 100.0)),
    ]
    assert need_by_subsector(lines, first_year=2026) == {"air_limbah": 35, "drainase": 7}


def test_it_accepts_one_rp_juta_of_display_rounding() -> None:
    # Deli Serdang (domain-ppsp.md §10.6) sums exactly; ±1 juta passes, 2 juta does not
    need = {"air_limbah": 1_111_308_000_000}
    assert not subsector_mismatches({"air_limbah": 1_111_309_400_000}, need)
    (problem,) = subsector_mismatches({"air_limbah": 1_111_310_000_000}, need)
    assert problem.difference_juta == 2
    assert to_juta(1_499_999) == 1 and to_juta(1_500_000) == 2


def test_it_proposes_lowest_priority_rows_for_the_waiting_list() -> None:
    rows = [BudgetRow(1, 1, 500), BudgetRow(2, 2, 300), BudgetRow(3, 0, 100), BudgetRow(4, 3, 200)]
    check = propose_waiting_list(rows, komitmen=750)
    assert check.apbd_total == 1100
    assert check.to_waiting_list == (3, 4, 2)  # unranked first, then rank 3, then rank 2
    assert check.remaining_total == 500 and check.over_budget == 350
    assert propose_waiting_list(rows, komitmen=1100).to_waiting_list == ()


@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 10**12)), max_size=20),
    st.integers(0, 10**13),
)
def test_it_always_fits_the_komitmen_and_moves_no_more_than_needed(
    specs: list[tuple[int, int]], komitmen: int
) -> None:
    rows = [BudgetRow(i, p, t) for i, (p, t) in enumerate(specs)]
    check = propose_waiting_list(rows, komitmen)
    assert check.remaining_total <= komitmen
    moved = [r for r in rows if r.key in check.to_waiting_list]
    if moved:  # without the last moved row the total would still be too high
        assert check.apbd_total - (check.moved_total - _last(check, rows).total) > komitmen


def _last(check: object, rows: list[BudgetRow]) -> BudgetRow:
    key = check.to_waiting_list[-1]  # type: ignore[attr-defined]
    return next(r for r in rows if r.key == key)


def test_it_places_swot_positions_in_quadrants() -> None:
    factors = [
        SwotFactor("S", 0.6, 4),
        SwotFactor("S", 0.4, 3),
        SwotFactor("W", 1.0, 2),
        SwotFactor("O", 1.0, 3),
        SwotFactor("T", 1.0, 3.5),
    ]
    position = swot_position(factors)
    assert (position.x, position.y) == (1.6, -0.5)
    assert (position.quadrant, position.strategy) == ("II", "diversifikasi")
    assert swot_position([SwotFactor("W", 1, 2), SwotFactor("O", 1, 1)]).strategy == "turn_around"
    assert swot_position([SwotFactor("W", 1, 2), SwotFactor("T", 1, 1)]).quadrant == "IV"
    assert swot_position([]).strategy == "agresif"


@given(st.lists(st.tuples(st.sampled_from("SWOT"), st.floats(0, 1), st.floats(0, 5)), max_size=12))
def test_it_is_antisymmetric_when_swapping_strengths_and_weaknesses(
    specs: list[tuple[str, float, float]],
) -> None:
    swap = {"S": "W", "W": "S", "O": "T", "T": "O"}
    a = swot_position(SwotFactor(k, w, s) for k, w, s in specs)
    b = swot_position(SwotFactor(swap[k], w, s) for k, w, s in specs)
    assert abs(a.x + b.x) < 1e-5 and abs(a.y + b.y) < 1e-5
