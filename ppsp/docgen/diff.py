"""Diff of the data tables of two rendered files (pure: lists of dicts in, rows out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class TableDiff:
    title: str
    added: list[list[str]] = field(default_factory=list)
    removed: list[list[str]] = field(default_factory=list)
    only_in: str = ""  # "a" or "b" when the table exists on one side only

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed or self.only_in)


def diff_tables(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[TableDiff]:
    """Per table title: rows only in b (added) and only in a (removed), order kept."""
    by_a = {t["title"]: t for t in a}
    by_b = {t["title"]: t for t in b}
    out = []
    for title in [*by_a, *(t for t in by_b if t not in by_a)]:
        if title not in by_b:
            out.append(TableDiff(title, only_in="a"))
            continue
        if title not in by_a:
            out.append(TableDiff(title, only_in="b"))
            continue
        rows_a = [list(r) for r in by_a[title]["rows"]]
        rows_b = [list(r) for r in by_b[title]["rows"]]
        out.append(
            TableDiff(
                title,
                added=[r for r in rows_b if r not in rows_a],
                removed=[r for r in rows_a if r not in rows_b],
            )
        )
    return out
