"""Stored household answers as the form shows them: question and option labels, in the
user's language (labels are msgids of the EHRA catalogue; untranslated ones stay
Indonesian), numbers without a stray ",0", several options as a list of labels.
"""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext

from ppsp.compute.questionnaire import MULTI, SINGLE, Questionnaire, question_name


def _label(definition: Questionnaire, list_name: str | None, value: Any) -> str:
    for choice in definition.choices.get(list_name or "", ()):
        if choice.value == str(value):
            return gettext(choice.label)
    return str(value)


def answer_text(definition: Questionnaire, name: str, value: Any) -> str:
    """One stored answer as text for a page (labels, not codes)."""
    try:
        item = next(q for q in definition.questions() if question_name(q.code) == name)
    except StopIteration:
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if item.kind == SINGLE:
        return _label(definition, item.choices, value)
    if item.kind == MULTI and isinstance(value, list):
        return "; ".join(_label(definition, item.choices, v) for v in value)
    if isinstance(value, float):
        if value.is_integer():
            return number_format(int(value), force_grouping=True)
        return number_format(value, decimal_pos=2, force_grouping=True)
    return str(value)


def answer_rows(definition: Questionnaire, answers: dict[str, Any]) -> list[tuple[str, str]]:
    """(question label, answer text) in form order; answers not in the form at the end."""
    rows: list[tuple[str, str]] = []
    known = set()
    for item in definition.questions():
        name = question_name(item.code)
        known.add(name)
        if name in answers and answers[name] not in (None, "", []):
            label = f"{item.code} {gettext(item.label)}"
            rows.append((label, answer_text(definition, name, answers[name])))
    rows += [(k, answer_text(definition, k, v)) for k, v in answers.items() if k not in known]
    return rows
