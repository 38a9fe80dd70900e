"""Tests for ppsp.compute.programme_drift (rows against the live chosen scenario)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.programme_drift import Pairing, pair_rows

J = 1_000_000


def test_it_pairs_same_changed_removed_and_new_in_a_pinned_example() -> None:
    rows = [
        ("ipal", (300 * J, 400 * J, 0, 0, 0)),
        ("tps", (0, 250 * J, 250 * J, 0, 0)),
        ("ded", (120_400_000, 0, 0, 0, 0)),
    ]
    drafts = [
        ("tps", (0, 250 * J, 300 * J, 0, 0)),  # year 3 grew by 50 juta
        ("ipal", (300 * J, 400 * J, 0, 0, 0)),
        ("spald", (0, 0, 500 * J, 0, 0)),
    ]
    assert pair_rows(rows, drafts) == [
        Pairing("same", 0, 1),
        Pairing("changed", 1, 0),
        Pairing("removed", 2, None),
        Pairing("new", None, 2),
    ]


def test_it_pairs_equal_keys_in_entry_order_within_the_tolerance() -> None:
    rows = [("a", (10, 0)), ("a", (20, 0))]
    drafts = [("a", (11, 0)), ("a", (25, 0))]
    assert pair_rows(rows, drafts, tolerance=1) == [
        Pairing("same", 0, 0),
        Pairing("changed", 1, 1),
    ]


amounts = st.tuples(*[st.integers(0, 10**12)] * 5)
items = st.lists(st.tuples(st.sampled_from("abc"), amounts), max_size=8)


@settings(deadline=None)  # numpy's first call can be slow on a busy machine
@given(items, items)
def test_it_uses_every_row_and_draft_exactly_once(rows: list, drafts: list) -> None:  # type: ignore[type-arg]
    pairs = pair_rows(rows, drafts)
    assert sorted(p.row for p in pairs if p.row is not None) == list(range(len(rows)))
    assert sorted(p.draft for p in pairs if p.draft is not None) == list(range(len(drafts)))
    for p in pairs:
        if p.row is not None and p.draft is not None:
            assert rows[p.row][0] == drafts[p.draft][0]
            assert (p.kind == "same") == (rows[p.row][1] == drafts[p.draft][1])


@settings(deadline=None)
@given(items)
def test_it_finds_nothing_to_do_against_itself(rows: list) -> None:  # type: ignore[type-arg]
    assert {p.kind for p in pair_rows(rows, rows)} <= {"same"}
