"""EHRA questionnaire model, skip-logic expressions and the XLSForm writer.

The 2021 questionnaire itself is data in :mod:`ppsp.compute.questionnaire_2021`
(``EHRA_2021``); this module holds the types, the expression language shared by
the form's ``relevant`` skip logic and the IRS indicators (so the two cannot
drift), the answer-column layout used by the risk computation, and
:func:`to_xlsform`. Pure: no Django, no file I/O (XLSX is returned as bytes).
Source: ehra-risk.md §3.2, §11.2–§11.3.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

__all__ = [
    "All",
    "Answered",
    "Any_",
    "Choice",
    "Expr",
    "In",
    "Not",
    "Question",
    "Questionnaire",
    "Section",
    "Selected",
    "answer_columns",
    "column_name",
    "evaluate",
    "question_name",
    "to_xlsform",
    "xpath",
]

SINGLE = "select_one"
MULTI = "select_multiple"
FROM_FILE = "select_one_from_file"
NUMERIC = frozenset({"integer", "decimal"})


def question_name(code: str) -> str:
    """XLSForm/column name of a question code: ``"D.3"`` → ``"D_3"``."""
    return code.replace(".", "_")


def column_name(code: str, option: str | None = None) -> str:
    """Answer-column name: the question name, plus ``__<option>`` for a multi-select."""
    base = question_name(code)
    return base if option is None else f"{base}__{option}"


@dataclass(frozen=True)
class Choice:
    """One answer option: stored ``value`` (``"1"`` or ``"A"``) and Indonesian ``label``.

    ``exclusive`` marks a "tidak ada / tidak tahu / tidak pernah" option of a
    select_multiple: it may not be ticked together with any other option.
    """

    value: str
    label: str
    exclusive: bool = False


# --- expressions: skip logic and indicator conditions share one language ------------------


@dataclass(frozen=True)
class In:
    """True when single-select/integer question ``code`` has one of ``values``."""

    code: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class Selected:
    """True when multi-select question ``code`` has any of ``options`` ticked."""

    code: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Answered:
    """True when question ``code`` has an answer (not skipped, not missing)."""

    code: str


@dataclass(frozen=True)
class Not:
    """Logical negation."""

    term: Expr


@dataclass(frozen=True)
class All:
    """Logical AND of the terms (empty → True)."""

    terms: tuple[Expr, ...]


@dataclass(frozen=True)
class Any_:
    """Logical OR of the terms (empty → False)."""

    terms: tuple[Expr, ...]


Expr = In | Selected | Answered | Not | All | Any_


@dataclass(frozen=True)
class Question:
    """One question of the form.

    ``kind`` is an XLSForm type (``integer``, ``decimal``, ``text``, ``date``, ``time``,
    ``select_one``, ``select_multiple``, ``select_one_from_file``, ``calculate``);
    ``choices`` names a list in :attr:`Questionnaire.choices` (for
    ``select_one_from_file`` the CSV attachment, e.g. ``desa.csv``); ``relevant`` is the
    skip logic (None = always asked); ``required`` must be answered whenever relevant;
    ``bounds`` (min, max, inclusive, None = open) bound a number; ``choice_filter`` and
    ``calculation`` are XLSForm XPath text.
    """

    code: str
    kind: str
    label: str
    choices: str | None = None
    relevant: Expr | None = None
    observe: bool = False
    required: bool = False
    bounds: tuple[float | None, float | None] | None = None
    choice_filter: str | None = None
    calculation: str | None = None


@dataclass(frozen=True)
class Section:
    """A section (ID, A–J); ``repeat`` makes it an XLSForm repeat group."""

    code: str
    label: str
    questions: tuple[Question, ...]
    repeat: bool = False


@dataclass(frozen=True)
class Questionnaire:
    """A versioned questionnaire: sections in order and the choice lists they use."""

    form_id: str
    title: str
    version: str
    sections: tuple[Section, ...]
    choices: Mapping[str, tuple[Choice, ...]] = field(default_factory=dict)

    def questions(self) -> Iterator[Question]:
        """Every question in form order."""
        for section in self.sections:
            yield from section.questions

    def question(self, code: str) -> Question:
        """The question with this code; KeyError if absent."""
        for item in self.questions():
            if item.code == code:
                return item
        raise KeyError(code)

    def codes(self) -> frozenset[str]:
        """All question codes."""
        return frozenset(item.code for item in self.questions())

    @cached_property
    def form_version(self) -> str:
        """Version string of the form: ``<version>-<8 hex digits>`` of its whole content.

        The digits are a SHA-256 of the form id, title, sections (questions, skip logic,
        constraints) and choice lists, so every change of the form gives a new version;
        the same content always gives the same one.
        """
        content = repr((self.form_id, self.title, self.sections, sorted(self.choices.items())))
        digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]
        return f"{self.version}-{digest}"


def answer_columns(definition: Questionnaire) -> dict[str, str]:
    """Answer columns of the household table, in form order.

    Returns
    -------
    dict[str, str]
        column name → dtype: ``"int16"`` for a select_one answer (code, 0 =
        skipped/missing), ``"bool"`` per option of a select_multiple
        (``<name>__<option>``), ``"float64"`` for an integer or decimal (NaN = missing; float32
        is accepted too). Text, date
        and time answers are metadata and are not columns (ehra-risk.md §3.2, §11.2).
    """
    columns: dict[str, str] = {}
    for item in definition.questions():
        if item.kind == MULTI:
            assert item.choices is not None
            for choice in definition.choices[item.choices]:
                columns[column_name(item.code, choice.value)] = "bool"
        elif item.kind == SINGLE:
            columns[column_name(item.code)] = "int16"
        elif item.kind in NUMERIC:
            columns[column_name(item.code)] = "float64"
    return columns


def referenced_codes(expr: Expr) -> frozenset[str]:
    """Question codes an expression reads."""
    if isinstance(expr, In | Selected | Answered):
        return frozenset({expr.code})
    if isinstance(expr, Not):
        return referenced_codes(expr.term)
    out: frozenset[str] = frozenset()
    for term in expr.terms:
        out |= referenced_codes(term)
    return out


def _multi_columns(columns: Mapping[str, npt.NDArray[np.generic]], code: str) -> list[str]:
    prefix = column_name(code) + "__"
    return [name for name in columns if name.startswith(prefix)]


def evaluate(
    expr: Expr, columns: Mapping[str, npt.NDArray[np.generic]], size: int
) -> npt.NDArray[np.bool_]:
    """Evaluate an expression over household answer columns, vectorised.

    Parameters
    ----------
    expr : Expr
        Condition over answer codes.
    columns : Mapping[str, numpy.ndarray]
        Answer columns as laid out by :func:`answer_columns`, each of length ``size``.
    size : int
        Number of households.

    Returns
    -------
    numpy.ndarray of bool, shape (size,)
        The condition per household. A skipped/missing answer (0, NaN, no option
        ticked) satisfies no ``In``/``Selected`` term (ehra-risk.md §11.2–§11.3).
    """
    if isinstance(expr, In):
        return np.isin(columns[column_name(expr.code)], np.asarray(expr.values))
    if isinstance(expr, Selected):
        out = np.zeros(size, dtype=np.bool_)
        for option in expr.options:
            out |= np.asarray(columns[column_name(expr.code, option)], dtype=np.bool_)
        return out
    if isinstance(expr, Answered):
        name = column_name(expr.code)
        if name in columns:
            data = columns[name]
            if data.dtype.kind == "f":
                return np.asarray(np.isfinite(data), dtype=np.bool_)
            return np.asarray(data != 0, dtype=np.bool_)
        out = np.zeros(size, dtype=np.bool_)
        for multi in _multi_columns(columns, expr.code):
            out |= np.asarray(columns[multi], dtype=np.bool_)
        return out
    if isinstance(expr, Not):
        return ~evaluate(expr.term, columns, size)
    if isinstance(expr, All):
        out = np.ones(size, dtype=np.bool_)
        for term in expr.terms:
            out &= evaluate(term, columns, size)
        return out
    out = np.zeros(size, dtype=np.bool_)
    for term in expr.terms:
        out |= evaluate(term, columns, size)
    return out


def xpath(expr: Expr) -> str:
    """XLSForm ``relevant`` text of an expression (``${D_3} = '1' or …``)."""
    if isinstance(expr, In):
        ref = "${" + question_name(expr.code) + "}"
        parts = [f"{ref} = '{value}'" for value in expr.values]
        return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"
    if isinstance(expr, Selected):
        ref = "${" + question_name(expr.code) + "}"
        parts = [f"selected({ref}, '{option}')" for option in expr.options]
        return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"
    if isinstance(expr, Answered):
        return "${" + question_name(expr.code) + "} != ''"
    if isinstance(expr, Not):
        return f"not({xpath(expr.term)})"
    if not expr.terms:
        return "true()" if isinstance(expr, All) else "false()"
    joiner = " and " if isinstance(expr, All) else " or "
    return "(" + joiner.join(xpath(term) for term in expr.terms) + ")"


def to_xlsform(definition: Questionnaire) -> bytes:
    """The questionnaire as an XLSForm workbook; see :mod:`ppsp.compute.questionnaire_xlsform`."""
    from ppsp.compute.questionnaire_xlsform import write_xlsform

    return write_xlsform(definition)
