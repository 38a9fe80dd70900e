"""No raw errors (issue 16): every model constraint a user can hit speaks Bahasa Indonesia
(and English), never its database name; column headers carry a translation context so that
"No" (nomor) never becomes "Tidak"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.forms import ModelForm
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from ppsp.mps.forms import RowForm, SwotForm
from ppsp.programme.forms import StageRecordEditForm, StageRecordForm
from tests.conftest import Cast

DEFAULT_MESSAGE = models.CheckConstraint(condition=models.Q(pk=1), name="x").violation_error_message


def _ppsp_constraints() -> list[tuple[type[models.Model], models.BaseConstraint]]:
    return [
        (model, constraint)
        for model in apps.get_models()
        if model.__module__.startswith("ppsp.")
        for constraint in model._meta.constraints
    ]


def _needs_own_message(constraint: models.BaseConstraint) -> bool:
    """Unique constraints on plain fields get Django's "… dengan … ini sudah ada" message;
    checks and conditional/expression uniques would otherwise show their name."""
    if isinstance(constraint, models.UniqueConstraint):
        return constraint.condition is not None or bool(constraint.expressions)
    return True


def _constraint_names() -> set[str]:
    return {c.name for _m, c in _ppsp_constraints()}


def test_it_gives_every_model_constraint_a_message_in_indonesian_and_english() -> None:
    checked = 0
    for model, constraint in _ppsp_constraints():
        if not _needs_own_message(constraint):
            continue
        label = f"{model._meta.label}.{constraint.name}"
        assert constraint.violation_error_message != DEFAULT_MESSAGE, label
        with translation.override("id"):
            indonesian = str(constraint.get_violation_error_message())
        with translation.override("en"):
            english = str(constraint.get_violation_error_message())
        assert constraint.name not in indonesian and constraint.name not in english, label
        assert "Batasan" not in indonesian and "Constraint" not in english, label
        assert indonesian != english, f"{label}: no English translation"
        checked += 1
    assert checked >= 25


def _form_classes() -> list[type[ModelForm[Any]]]:
    found: list[type[ModelForm[Any]]] = []
    stack: list[type] = list(ModelForm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("ppsp.") and getattr(cls._meta, "model", None):
            found.append(cls)
    return found


def test_it_covers_every_model_form_backed_by_a_model_with_constraints() -> None:
    import ppsp.finance.forms
    import ppsp.mps.forms
    import ppsp.profiles.forms
    import ppsp.programme.forms  # noqa: F401

    walked = {StageRecordForm, StageRecordEditForm, RowForm, SwotForm}
    with_checks = {
        cls
        for cls in _form_classes()
        if any(
            isinstance(c, models.CheckConstraint)
            and set(c.condition.referenced_base_fields)
            # a check the form can violate: every field it reads is a field of the form
            <= set(cls._meta.fields or ())
            for c in cls._meta.model._meta.constraints
        )
    }
    assert with_checks <= walked, with_checks - walked


def _assert_clean(text: str) -> None:
    leaked = sorted(n for n in _constraint_names() if n in text)
    assert leaked == [], leaked
    assert "Traceback" not in text and "IntegrityError" not in text
    assert not re.search(r"Batasan “\w+” dilanggar|Constraint “\w+” is violated", text)


@pytest.mark.django_db
def test_it_shows_the_stage_date_order_in_words_on_the_edit_page(cast: Cast, client: Any) -> None:
    from tests.programme.support import stage_record_in

    record = stage_record_in("15.07")
    client.force_login(cast.pokja_kabkota)
    url = reverse("programme:stage_record_edit", kwargs={"pk": record.pk})
    response = client.post(
        url, {"start_date": "2026-03-10", "end_date": "2026-03-01", "due_date": "", "note": ""}
    )
    text = response.content.decode()
    assert response.status_code == 200
    _assert_clean(text)
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in text


@pytest.mark.django_db
def test_it_walks_the_model_forms_with_constraint_breaking_input(cast: Cast) -> None:
    from tests.programme.support import stage_record_in

    record = stage_record_in("15.07")
    expected = {
        "id": "Tanggal selesai tidak boleh sebelum tanggal mulai.",
        "en": "The end date cannot be before the start date.",
    }
    for language in ("id", "en"):
        with translation.override(language):
            forms = [
                StageRecordEditForm(
                    data={"start_date": "2026-03-10", "end_date": "2026-03-01"}, instance=record
                ),
                RowForm(data={"amount_1": "-5", "source": "bukan-sumber"}),
                SwotForm(
                    data={"subsector": "air_limbah", "kind": "S", "weight": "2", "score": "9"}
                ),
            ]
            for form in forms:
                assert not form.is_valid()
                _assert_clean(str(form.errors))
            assert forms[0].errors["__all__"] == [expected[language]]


@pytest.mark.parametrize(("language", "expected"), [("id", "No"), ("en", "No.")])
def test_it_never_translates_the_number_column_to_tidak(language: str, expected: str) -> None:
    template = Template('{% load i18n %}{% translate "No" context "nomor urut" %}')
    with translation.override(language):
        assert template.render(Context()) == expected
    with translation.override("id"):  # the bare msgid is Django's "No" = "Tidak"
        assert Template('{% load i18n %}{% translate "No" %}').render(Context()) == "Tidak"


def test_it_gives_every_number_column_header_a_context() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ppsp"
    bare = [
        f"{p.relative_to(root)}"
        for p in root.glob("**/templates/**/*.html")
        if re.search(r'\{% (?:translate|trans) "No\.?" %\}', p.read_text(encoding="utf-8"))
    ]
    assert bare == []


@pytest.mark.django_db
def test_it_speaks_words_when_a_service_full_cleans_a_broken_row(cast: Cast) -> None:
    from django.core.exceptions import ValidationError

    from ppsp.cycles.services import rpjmd_period_create
    from ppsp.regions.models import Region

    with pytest.raises(ValidationError) as raised:
        rpjmd_period_create(
            region=Region.objects.get(code="15.07"), start_year=2026, end_year=2021, by=cast.pmu
        )
    text = " ".join(raised.value.messages)
    _assert_clean(text)
    assert "Tahun akhir periode tidak boleh sebelum tahun awal." in text
