"""The Pokja's hand rule: cut the lowest-priority kegiatan until the programme fits.

When the APBD kab/kota rows exceed the kemampuan pendanaan, the guide moves
non-priority kegiatan to the Daftar Tunggu (``domain/domain-ppsp.md`` §10.7, §11.2,
§16.2 item 8). This module states that rule exactly so that the optimiser
(:func:`ppsp.compute.optimize.select`) can be compared with it, on the page and in
``bench/optimize.py``. Same inputs and the same feasibility rules as ``select``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ppsp.compute.optimize import FEAS_RTOL, Candidate

__all__ = ["cut_lowest_priority"]


def _fits(
    chosen: Sequence[Candidate],
    budget_by_year: Sequence[float],
    budget_by_source: Mapping[str, Sequence[float]],
) -> bool:
    def within(spent: float, cap: float) -> bool:
        return spent <= cap + FEAS_RTOL * max(1.0, abs(cap))

    for t, cap in enumerate(budget_by_year):
        if not within(math.fsum(c.cost_by_year[t] for c in chosen), cap):
            return False
    for source, caps in budget_by_source.items():
        for t, cap in enumerate(caps):
            spent = math.fsum(c.cost_by_year[t] for c in chosen if c.source == source)
            if not within(spent, cap):
                return False
    return True


def cut_lowest_priority(
    candidates: Sequence[Candidate],
    priority: Mapping[str, int],
    budget_by_year: Sequence[float],
    *,
    budget_by_source: Mapping[str, Sequence[float]] | None = None,
) -> tuple[str, ...]:
    """Ids kept by cutting the lowest-priority rows until every cap holds.

    Start from every candidate. While a yearly or per-source cap is exceeded, remove the
    non-mandatory row with the lowest priority (the largest priority number; 0 or a
    missing priority counts as lowest; ties: the later row in input order) together with
    every row that requires it. Rows never come back.

    Parameters
    ----------
    candidates, budget_by_year, budget_by_source
        As for :func:`ppsp.compute.optimize.select`.
    priority : mapping of str to int
        Priority per id, 1 = highest.

    Returns
    -------
    tuple of str
        Kept ids in input order. Mandatory rows (and what they require) are never cut;
        if they alone exceed a cap the result still holds them and does not fit.
    """
    caps = dict(budget_by_source or {})
    kept = list(candidates)
    protected: set[str] = set()
    by_id = {c.id: c for c in candidates}
    stack = [c.id for c in candidates if c.mandatory]
    while stack:
        key = stack.pop()
        if key not in protected:
            protected.add(key)
            stack.extend(by_id[key].requires)

    def rank(item: tuple[int, Candidate]) -> tuple[int, int]:
        position, c = item
        level = priority.get(c.id, 0)
        return (level if level > 0 else 1 << 30, position)

    while not _fits(kept, budget_by_year, caps):
        cuttable = [(i, c) for i, c in enumerate(kept) if c.id not in protected]
        if not cuttable:
            break
        _, victim = max(cuttable, key=rank)
        gone = {victim.id}
        changed = True
        while changed:
            changed = False
            for c in kept:
                if c.id not in gone and any(r in gone for r in c.requires):
                    gone.add(c.id)
                    changed = True
        kept = [c for c in kept if c.id not in gone]
    return tuple(c.id for c in kept)
