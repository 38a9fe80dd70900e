"""EHRA questionnaire model, skip-logic expressions and the XLSForm writer.

The 2021 questionnaire itself is data in :mod:`ppsp.compute.questionnaire_2021`
(``EHRA_2021``); this module holds the types, the expression language shared by
the form's ``relevant`` skip logic and the IRS indicators (so the two cannot
drift), the answer-column layout used by the risk computation, and
:func:`to_xlsform`. Pure: no Django, no file I/O (XLSX is returned as bytes).
Source: ehra-risk.md §3.2, §11.2–§11.3.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from openpyxl import Workbook

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
    """One answer option: stored ``value`` (``"1"`` or ``"A"``) and Indonesian ``label``."""

    value: str
    label: str


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
    ``select_one``, ``select_multiple``); ``choices`` names a list in
    :attr:`Questionnaire.choices`; ``relevant`` is the skip logic (None = always asked).
    """

    code: str
    kind: str
    label: str
    choices: str | None = None
    relevant: Expr | None = None
    observe: bool = False


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


def _survey_type(item: Question) -> str:
    if item.kind in (SINGLE, MULTI):
        return f"{item.kind} {item.choices}"
    return item.kind


def to_xlsform(definition: Questionnaire) -> bytes:
    """Write the questionnaire as an XLSForm workbook (survey, choices, settings).

    Parameters
    ----------
    definition : Questionnaire
        E.g. ``questionnaire_2021.EHRA_2021``.

    Returns
    -------
    bytes
        An XLSX file: one ``begin group``/``end group`` (or ``begin repeat``) per
        section, skip logic as ``relevant`` XPath from :func:`xpath`, the ``label``
        in Bahasa Indonesia, observation items hinted "(amati)". Source:
        ehra-risk.md §3.2 (question codes, answer codes, skip logic), §11.2.
    """
    book = Workbook()
    survey = book.active
    assert survey is not None
    survey.title = "survey"
    survey.append(["type", "name", "label", "relevant", "required", "hint"])
    for section in definition.sections:
        group = "repeat" if section.repeat else "group"
        survey.append([f"begin {group}", f"sec_{section.code}", section.label, "", "", ""])
        for item in section.questions:
            survey.append(
                [
                    _survey_type(item),
                    question_name(item.code),
                    f"{item.code} {item.label}",
                    "" if item.relevant is None else xpath(item.relevant),
                    "",
                    "Amati (observasi)" if item.observe else "",
                ]
            )
        survey.append([f"end {group}", "", "", "", "", ""])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label"])
    for list_name, options in definition.choices.items():
        for option in options:
            choices.append([list_name, option.value, option.label])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version", "default_language", "name"])
    row = [definition.title, definition.form_id, definition.version, "id", definition.form_id]
    settings.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
