"""Correcting the answers of one household record (enumerator slips found in review); audited.

Who: the Pokja running the round (RUN_EHRA) or the reviewing CF (REVIEW_EHRA). A reason is
required; each changed answer becomes one {field, old, new} in the audit row. Rejected
records are not edited. Changing an approved record recomputes the round's results.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.questionnaire import Question, column_name
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.compute.questionnaire_rules import value_problem
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.ehra.models import Household, ReviewState
from ppsp.ehra.services import recompute_later

EDITABLE_KINDS = ("select_one", "integer", "decimal", "text")


def editable_questions() -> list[Question]:
    return [
        q
        for section in EHRA_2021.sections
        if section.code != "ID" and not section.repeat
        for q in section.questions
        if q.kind in EDITABLE_KINDS
    ]


def _parse(question: Question, text: str) -> Any:
    text = text.strip()
    if text == "":
        return None
    if question.kind == "select_one":
        allowed = {c.value for c in EHRA_2021.choices.get(question.choices or "", ())}
        if text not in allowed:
            raise ValidationError(f"{question.code}: pilihan '{text}' tidak ada di kuesioner.")
        return int(text)
    if question.kind in ("integer", "decimal"):
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(f"{question.code}: '{text}' bukan angka.") from None
        if question.kind == "integer" and not number.is_integer():
            raise ValidationError(f"{question.code}: harus bilangan bulat.")
        if problem := value_problem(question, number, EHRA_2021):
            raise ValidationError(f"{question.code}: {problem}")
        return number
    return text[:300]


def may_edit(user: Any, household: Household) -> bool:
    code = household.desa.code
    return has_permission(user, Permission.RUN_EHRA, code) or has_permission(
        user, Permission.REVIEW_EHRA, code
    )


@transaction.atomic
def household_answers_edit(
    *, household: Household, values: dict[str, str], reason: str, by: Any
) -> int:
    """Set the given answers (XLSForm name -> typed text, "" clears); returns changes made."""
    if by is not None and not may_edit(by, household):
        raise PermissionDenied("Anda tidak berwenang mengubah rekaman ini.")
    ensure_not_frozen(household)
    if household.state == ReviewState.REJECTED:
        raise ValidationError("Rekaman yang ditolak tidak dapat diubah.")
    if not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan perubahan jawaban."})
    questions = {column_name(q.code): q for q in editable_questions()}
    answers = dict(household.answers)
    changes: list[dict[str, Any]] = []
    problems: list[str] = []
    for name, text in values.items():
        question = questions.get(name)
        if question is None:
            continue
        try:
            new = _parse(question, text)
        except ValidationError as error:
            problems.extend(error.messages)
            continue
        old = answers.get(name)
        if old == new or (old is not None and new is not None and str(old) == str(new)):
            continue
        if new is None:
            answers.pop(name, None)
        else:
            answers[name] = new
        changes.append({"field": question.code, "old": old, "new": new})
    if problems:
        raise ValidationError(problems)
    if not changes:
        return 0
    household.answers = answers
    household.save(update_fields=["answers"])
    audit_record(
        actor=by,
        obj=household,
        action=Action.UPDATE,
        changes=changes,
        reason=reason.strip(),
        region_code=household.desa.code,
    )
    if household.state == ReviewState.APPROVED:
        recompute_later(household.survey)
    return len(changes)
