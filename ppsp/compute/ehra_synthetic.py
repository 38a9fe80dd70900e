"""Seeded synthetic EHRA answers for tests, demos and benchmarks (no real data).

Answers are drawn per column of :func:`ppsp.compute.questionnaire.answer_columns` and
then blanked where the question's ``relevant`` skip logic is false, in form order, so
the records look like what the XLSForm would collect (ehra-risk.md §3.2).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from ppsp.compute.ehra import Households
from ppsp.compute.questionnaire import (
    MULTI,
    SINGLE,
    Questionnaire,
    column_name,
    evaluate,
)

__all__ = ["synthetic_households"]


def synthetic_households(
    definition: Questionnaire,
    n_desa: int,
    per_desa: int = 40,
    *,
    seed: int = 0,
    approved_share: float = 1.0,
) -> Households:
    """Random households, ``per_desa`` in each of ``n_desa`` desa, honouring skip logic.

    Parameters
    ----------
    definition : Questionnaire
        The form (e.g. ``EHRA_2021``).
    n_desa, per_desa : int
        Desa count and households per desa (EHRA minimum 40, ehra-risk.md §2.1).
    seed : int
        ``numpy.random.default_rng`` seed.
    approved_share : float
        Probability that a record is approved.

    Returns
    -------
    Households
        select_one: uniform code (int16); select_multiple: each option with p = 0.3
        (bool); integer: 0..5 (float32); decimal: uniform 0..100 (float32); numbers
        clipped to the question's bounds; an exclusive option ("tidak ada") cleared
        when another option is ticked; a required select_multiple left empty gets its
        exclusive option (else its first); answers of non-relevant questions blanked
        (0, False, NaN). The clipping and clearing draw no random numbers.
    """
    rng = np.random.default_rng(seed)
    n = n_desa * per_desa
    answers: dict[str, npt.NDArray[np.generic]] = {}
    for item in definition.questions():
        if item.kind == SINGLE:
            assert item.choices is not None
            options = len(definition.choices[item.choices])
            answers[column_name(item.code)] = rng.integers(1, options + 1, n, dtype=np.int16)
        elif item.kind == MULTI:
            assert item.choices is not None
            for choice in definition.choices[item.choices]:
                answers[column_name(item.code, choice.value)] = rng.random(n, np.float32) < 0.3
            _clear_exclusive(definition, item.code, answers)
            if item.required:
                _tick_when_empty(definition, item.code, answers)
        elif item.kind == "integer":
            answers[column_name(item.code)] = rng.integers(0, 6, n).astype(np.float32)
        elif item.kind == "decimal":
            answers[column_name(item.code)] = rng.random(n, np.float32) * 100
        else:
            continue
        if item.bounds is not None and item.kind in ("integer", "decimal"):
            low, high = item.bounds
            name = column_name(item.code)
            answers[name] = np.clip(answers[name], low, high).astype(np.float32)
        if item.relevant is not None:
            skip = ~evaluate(item.relevant, answers, n)
            for name in _columns_of(definition, item.code):
                column = answers[name]
                column[skip] = np.nan if column.dtype.kind == "f" else 0
    desa = np.repeat(np.arange(n_desa, dtype=np.int64), per_desa)
    approved = rng.random(n) < approved_share
    return Households(desa=desa, n_desa=n_desa, approved=approved, answers=answers)


def _clear_exclusive(
    definition: Questionnaire, code: str, answers: dict[str, npt.NDArray[np.generic]]
) -> None:
    item = definition.question(code)
    assert item.choices is not None
    options = definition.choices[item.choices]
    for choice in options:
        if not choice.exclusive:
            continue
        name = column_name(code, choice.value)
        others = np.zeros(answers[name].shape, dtype=np.bool_)
        for other in options:
            if other.value != choice.value:
                others |= np.asarray(answers[column_name(code, other.value)], dtype=np.bool_)
        answers[name] = np.asarray(answers[name], dtype=np.bool_) & ~others


def _tick_when_empty(
    definition: Questionnaire, code: str, answers: dict[str, npt.NDArray[np.generic]]
) -> None:
    item = definition.question(code)
    assert item.choices is not None
    options = definition.choices[item.choices]
    names = [column_name(code, c.value) for c in options]
    empty = ~np.logical_or.reduce([np.asarray(answers[n], dtype=np.bool_) for n in names])
    fallback = next((c for c in options if c.exclusive), options[0])
    name = column_name(code, fallback.value)
    answers[name] = np.asarray(answers[name], dtype=np.bool_) | empty


def _columns_of(definition: Questionnaire, code: str) -> list[str]:
    item = definition.question(code)
    if item.kind == MULTI:
        assert item.choices is not None
        return [column_name(code, c.value) for c in definition.choices[item.choices]]
    return [column_name(code)]
