"""Kerangka Kerja Logis link checks (domain-ppsp.md §13).

The KKL is a tree permasalahan mendesak → isu strategis → tujuan → sasaran → strategi;
program and kegiatan are the Lampiran 4 rows, each linked to one strategi. Rules [C/I]:
every kegiatan row links to a strategi (and so to a sasaran); every sasaran has at least
one kegiatan; each node hangs under a node of the level just above it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LEVELS = ("permasalahan", "isu", "tujuan", "sasaran", "strategi")


@dataclass(frozen=True)
class Node:
    key: int
    level: str  # one of LEVELS
    parent: int | None
    label: str = ""


@dataclass(frozen=True)
class RowLink:
    key: int  # row id
    strategi: int | None  # KKL node id
    label: str = ""


@dataclass(frozen=True)
class KklProblem:
    kind: str  # "row_unlinked", "row_bad_link", "sasaran_without_kegiatan", "bad_parent"
    key: int  # row id or node id
    message: str  # Bahasa Indonesia


def parent_level(level: str) -> str | None:
    index = LEVELS.index(level)
    return LEVELS[index - 1] if index else None


def kkl_problems(nodes: Iterable[Node], rows: Iterable[RowLink]) -> list[KklProblem]:
    """Every broken link of the KKL and the rows, in a stable order (nodes, then rows)."""
    by_key = {n.key: n for n in nodes}
    problems: list[KklProblem] = []
    for node in by_key.values():
        expected = parent_level(node.level)
        parent = by_key.get(node.parent) if node.parent is not None else None
        if (expected is None) != (parent is None) or (
            parent is not None and parent.level != expected
        ):
            problems.append(
                KklProblem(
                    "bad_parent",
                    node.key,
                    f"'{node.label}' ({node.level}) harus berada di bawah {expected or 'akar'}.",
                )
            )
    served: set[int] = set()  # sasaran with at least one kegiatan
    for row in rows:
        strategi = by_key.get(row.strategi) if row.strategi is not None else None
        if row.strategi is None:
            problems.append(
                KklProblem(
                    "row_unlinked",
                    row.key,
                    f"kegiatan '{row.label}' belum terhubung ke strategi/sasaran KKL.",
                )
            )
        elif strategi is None or strategi.level != "strategi":
            problems.append(
                KklProblem(
                    "row_bad_link",
                    row.key,
                    f"kegiatan '{row.label}' terhubung ke bukan strategi.",
                )
            )
        elif strategi.parent is not None:
            served.add(strategi.parent)
    for node in by_key.values():
        if node.level == "sasaran" and node.key not in served:
            problems.append(
                KklProblem(
                    "sasaran_without_kegiatan",
                    node.key,
                    f"sasaran '{node.label}' belum memiliki kegiatan.",
                )
            )
    return problems
