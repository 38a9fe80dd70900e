"""Answer rules of a questionnaire: bounds and exclusive options, as XPath and as checks.

One definition serves the XLSForm ``constraint`` column (so Collect/Enketo refuse a bad
answer at the door) and the importer (so a file typed or edited elsewhere gets the
same verdict, in the same Indonesian words). Pure: no Django.
Source: ehra-risk.md §3.2 ("tidak ada / tidak tahu" options stand alone), §11.2.
"""

from __future__ import annotations

from collections.abc import Sequence

from ppsp.compute.questionnaire import MULTI, NUMERIC, Question, Questionnaire

__all__ = ["REQUIRED_MESSAGE", "constraint", "exclusive_options", "value_problem"]

REQUIRED_MESSAGE = "Wajib diisi."


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _bounds_message(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"Isi angka antara {_number(low)} dan {_number(high)}."
    if low is not None:
        return f"Isi angka paling sedikit {_number(low)}."
    return f"Isi angka paling banyak {_number(high or 0)}."


def exclusive_options(item: Question, definition: Questionnaire) -> list[tuple[str, str]]:
    """(value, label) of the options of a select_multiple that must stand alone."""
    if item.kind != MULTI or item.choices is None:
        return []
    return [(c.value, c.label) for c in definition.choices[item.choices] if c.exclusive]


def _exclusive_message(labels: Sequence[str]) -> str:
    named = " / ".join(f"'{label}'" for label in labels)
    return f"{named} tidak boleh dipilih bersama jawaban lain."


def constraint(item: Question, definition: Questionnaire) -> tuple[str, str] | None:
    """(XLSForm ``constraint`` XPath, ``constraint_message``) of a question, or None.

    Examples
    --------
    >>> from ppsp.compute.questionnaire import Question, Questionnaire
    >>> form = Questionnaire("t", "T", "1", ())
    >>> constraint(Question("B.1", "integer", "Usia", bounds=(15, 110)), form)
    ('. >= 15 and . <= 110', 'Isi angka antara 15 dan 110.')
    """
    if item.kind in NUMERIC and item.bounds is not None:
        low, high = item.bounds
        parts = [f". >= {low:g}"] if low is not None else []
        parts += [f". <= {high:g}"] if high is not None else []
        return " and ".join(parts), _bounds_message(low, high)
    exclusive = exclusive_options(item, definition)
    if exclusive:
        terms = [f"not(selected(., '{value}') and count-selected(.) > 1)" for value, _ in exclusive]
        return " and ".join(terms), _exclusive_message([label for _, label in exclusive])
    return None


def value_problem(item: Question, value: object, definition: Questionnaire) -> str:
    """The constraint message when a stored answer breaks the question's rule, else "".

    ``value`` is a stored answer: a float for a number, a list of option values for a
    select_multiple (see ``ppsp.ehra.submissions_file``).
    """
    if item.kind in NUMERIC and item.bounds is not None and isinstance(value, int | float):
        low, high = item.bounds
        if (low is not None and value < low) or (high is not None and value > high):
            return _bounds_message(low, high)
        return ""
    if item.kind == MULTI and isinstance(value, list) and len(value) > 1:
        exclusive = [
            label for option, label in exclusive_options(item, definition) if option in value
        ]
        if exclusive:
            return _exclusive_message(exclusive)
    return ""
