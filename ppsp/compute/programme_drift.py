"""Lampiran 4 rows against the live chosen scenario: which rows changed, which cost lines
are new and which rows no longer come from the scenario.

Rows and drafts are matched on a key (subsector, origin, kegiatan) in order, so two cost
lines with the same key pair with two rows in entry order. Amounts are Rp per plan year
(five years); a row "changed" when any year's amount differs by more than `tolerance` Rp.
Source: domain-ppsp.md §10.6 (Tabel 5.1 feeds Lampiran 4), §11.2 (rows from the scenario).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Pairing:
    kind: str  # "changed", "same", "new" (draft without row) or "removed" (row without draft)
    row: int | None  # index into the rows
    draft: int | None  # index into the drafts


def pair_rows(
    rows: Sequence[tuple[Hashable, Sequence[int]]],
    drafts: Sequence[tuple[Hashable, Sequence[int]]],
    *,
    tolerance: int = 0,
) -> list[Pairing]:
    """Pair (key, amounts) rows with (key, amounts) drafts; result ordered rows, then new."""
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for j, (key, _amounts) in enumerate(drafts):
        waiting[key].append(j)
    pairs: list[Pairing] = []
    for i, (key, amounts) in enumerate(rows):
        if not waiting.get(key):
            pairs.append(Pairing("removed", i, None))
            continue
        j = waiting[key].pop(0)
        diff = np.abs(np.asarray(amounts, dtype=np.int64) - np.asarray(drafts[j][1], np.int64))
        pairs.append(Pairing("changed" if bool((diff > tolerance).any()) else "same", i, j))
    left = sorted(j for js in waiting.values() for j in js)
    pairs.extend(Pairing("new", None, j) for j in left)
    return pairs
