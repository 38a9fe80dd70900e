"""Stored household answers (JSON per record) → column arrays of ``compute.ehra.Households``.

Pure (numpy only). The inverse, :func:`rows_from_households`, turns synthetic arrays into
export rows for tests and the demo (``compute.ehra_synthetic``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ppsp.compute.ehra import Households
from ppsp.compute.questionnaire import (
    MULTI,
    NUMERIC,
    SINGLE,
    Answered,
    Questionnaire,
    column_name,
    evaluate,
)

__all__ = [
    "answers_from_row",
    "households_from_answers",
    "missing_required",
    "rows_from_households",
    "skip_logic_problems",
]


def households_from_answers(
    definition: Questionnaire,
    answers: Sequence[Mapping[str, Any]],
    desa_index: Sequence[int],
    n_desa: int,
) -> Households:
    """Arrays for :func:`ppsp.compute.ehra.irs` from approved records' answers.

    ``answers[i]`` is keyed by XLSForm name (select_one int, select_multiple list of
    options, numbers float); every record passed counts as approved.
    """
    n = len(answers)
    columns: dict[str, npt.NDArray[np.generic]] = {}
    single: dict[str, npt.NDArray[np.generic]] = {}
    multi: dict[str, dict[str, npt.NDArray[np.generic]]] = {}
    for item in definition.questions():
        name = column_name(item.code)
        if item.kind == SINGLE:
            columns[name] = single[name] = np.zeros(n, dtype=np.int16)
        elif item.kind in NUMERIC:
            columns[name] = single[name] = np.full(n, np.nan, dtype=np.float64)
        elif item.kind == MULTI:
            assert item.choices is not None
            flags: dict[str, npt.NDArray[np.generic]] = {}
            for choice in definition.choices[item.choices]:
                flags[choice.value] = np.zeros(n, dtype=np.bool_)
                columns[column_name(item.code, choice.value)] = flags[choice.value]
            multi[name] = flags
    # One pass over the records (not one per column): ~100 answers × n assignments.
    for i, record in enumerate(answers):
        for key, value in record.items():
            target = single.get(key)
            if target is not None:
                if value is not None:
                    target[i] = value
            elif key in multi and value:
                picked = multi[key]
                for option in value:
                    flag = picked.get(option)
                    if flag is not None:
                        flag[i] = True
    return Households(
        desa=np.asarray(desa_index, dtype=np.int64).reshape(n),
        n_desa=n_desa,
        approved=np.ones(n, dtype=np.bool_),
        answers=columns,
    )


def rows_from_households(definition: Questionnaire, households: Households) -> list[dict[str, str]]:
    """One export row per household, keyed by XLSForm name (multi: space-separated)."""
    rows: list[dict[str, str]] = [{} for _ in range(households.size)]
    for item in definition.questions():
        name = column_name(item.code)
        if item.kind == SINGLE:
            values = households.answers[name]
            for row, value in zip(rows, values.tolist(), strict=True):
                row[name] = str(value) if value else ""
        elif item.kind == MULTI:
            assert item.choices is not None
            options = [c.value for c in definition.choices[item.choices]]
            flags = [households.answers[column_name(item.code, o)] for o in options]
            for i, row in enumerate(rows):
                row[name] = " ".join(o for o, f in zip(options, flags, strict=True) if f[i])
        elif item.kind in NUMERIC:
            values = households.answers[name]
            for row, value in zip(rows, values.tolist(), strict=True):
                row[name] = "" if value != value else f"{value:g}"
    return rows


def answers_from_row(definition: Questionnaire, row: Mapping[str, str]) -> dict[str, Any]:
    """Stored answers (select_one int, select_multiple list, numbers float) of one export row."""
    kinds = {column_name(q.code): q.kind for q in definition.questions()}
    out: dict[str, Any] = {}
    for name, value in row.items():
        kind = kinds.get(name)
        if not value or kind is None:
            continue
        if kind == SINGLE:
            out[name] = int(value)
        elif kind == MULTI:
            out[name] = value.split()
        elif kind in NUMERIC:
            out[name] = float(value)
    return out


def skip_logic_problems(definition: Questionnaire, households: Households) -> list[list[str]]:
    """Per household, the codes answered although their ``relevant`` skip logic is false.

    Such records are marked "ada masalah" on import for the CF to check (ehra-risk.md §3.2:
    the XLSForm would not have asked these questions).
    """
    n = households.size
    found: list[list[str]] = [[] for _ in range(n)]
    for item in definition.questions():
        if item.relevant is None or item.kind not in (SINGLE, MULTI, *NUMERIC):
            continue
        wrong = evaluate(Answered(item.code), households.answers, n) & ~evaluate(
            item.relevant, households.answers, n
        )
        for i in np.flatnonzero(wrong).tolist():
            found[i].append(item.code)
    return found


def missing_required(
    definition: Questionnaire, answers: Sequence[Mapping[str, Any]], households: Households
) -> list[list[str]]:
    """Per household, the codes of required questions left empty although they were asked.

    A required question whose ``relevant`` skip logic is false was not asked and is not
    missing (ODK semantics). Text, date and from-file answers are read from ``answers``;
    the others from the column arrays (``households`` built from the same records).
    """
    n = households.size
    found: list[list[str]] = [[] for _ in range(n)]
    for item in definition.questions():
        if not item.required:
            continue
        asked = (
            np.ones(n, dtype=np.bool_)
            if item.relevant is None
            else evaluate(item.relevant, households.answers, n)
        )
        if item.kind in (SINGLE, MULTI, *NUMERIC):
            given = evaluate(Answered(item.code), households.answers, n)
        else:
            name = column_name(item.code)
            given = np.array([bool(record.get(name)) for record in answers], dtype=np.bool_)
        for i in np.flatnonzero(asked & ~given).tolist():
            found[i].append(item.code)
    return found
