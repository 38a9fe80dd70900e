from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.kkl import Node, RowLink, kkl_problems

TREE = [
    Node(1, "permasalahan", None, "BABS tinggi"),
    Node(2, "isu", 1, "Akses rendah"),
    Node(3, "tujuan", 2, "Akses universal"),
    Node(4, "sasaran", 3, "BABS 0% 2030"),
    Node(5, "strategi", 4, "Pemicuan STBM"),
    Node(6, "sasaran", 3, "SPALD layak 50%"),
    Node(7, "strategi", 6, "IPAL komunal"),
]


def test_it_accepts_a_fully_linked_kkl() -> None:
    assert kkl_problems(TREE, [RowLink(10, 5, "a"), RowLink(11, 7, "b")]) == []


def test_it_names_unlinked_rows_and_sasaran_without_kegiatan() -> None:
    problems = kkl_problems(
        TREE, [RowLink(10, 5, "a"), RowLink(11, None, "b"), RowLink(12, 4, "c")]
    )
    assert [(p.kind, p.key) for p in problems] == [
        ("row_unlinked", 11),
        ("row_bad_link", 12),
        ("sasaran_without_kegiatan", 6),
    ]
    assert "belum memiliki kegiatan" in problems[-1].message


def test_it_refuses_a_node_under_the_wrong_level() -> None:
    (problem,) = kkl_problems(
        [*TREE, Node(8, "strategi", 3, "x")], [RowLink(10, 5), RowLink(11, 7)]
    )
    assert (problem.kind, problem.key) == ("bad_parent", 8)


@given(st.lists(st.sampled_from([None, 5, 7]), max_size=15))
def test_it_finds_every_unlinked_row(links: list[int | None]) -> None:
    rows = [RowLink(100 + i, s) for i, s in enumerate(links)]
    problems = kkl_problems(TREE, rows)
    unlinked = {p.key for p in problems if p.kind == "row_unlinked"}
    assert unlinked == {r.key for r in rows if r.strategi is None}
    orphans = {p.key for p in problems if p.kind == "sasaran_without_kegiatan"}
    assert orphans == {4, 6} - {4 if 5 in links else 0, 6 if 7 in links else 0}
