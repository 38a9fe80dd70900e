"""EHRA additions: audited answer correction, import progress fragment, IRS per strata."""

from __future__ import annotations

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.compute.ehra import irs
from ppsp.compute.ehra_synthetic import synthetic_households
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.ehra.arrays import answers_from_row, households_from_answers, rows_from_households
from ppsp.ehra.models import FrameDesa, Household, ReviewState, SamplingFrame
from ppsp.ehra.services.edit import household_answers_edit
from ppsp.ehra.views.edit import strata_irs
from ppsp.regions.models import Level, Region
from tests.conftest import Cast
from tests.ehra.support import ehra_round, household_in, import_run_in

pytestmark = pytest.mark.django_db


def test_it_corrects_an_answer_with_an_audited_reason(cast: Cast) -> None:
    household = household_in("15.07")
    assert (
        household_answers_edit(
            household=household, values={"D_1": "2"}, reason="salah ketik", by=cast.cf
        )
        == 1
    )
    household.refresh_from_db()
    assert household.answers["D_1"] == 2
    event = AuditEvent.objects.filter(object_type="ehra.household").latest("pk")
    assert event.changes == [{"field": "D.1", "old": 1, "new": 2}]
    assert event.reason == "salah ketik" and event.actor == cast.cf
    with pytest.raises(ValidationError):
        household_answers_edit(household=household, values={"D_1": "99"}, reason="x", by=cast.cf)
    with pytest.raises(ValidationError):
        household_answers_edit(household=household, values={"D_1": "1"}, reason=" ", by=cast.cf)
    household.state = ReviewState.REJECTED
    household.save()
    with pytest.raises(ValidationError):
        household_answers_edit(household=household, values={"D_1": "1"}, reason="x", by=cast.cf)


def test_it_offers_the_correction_form_to_pokja_and_cf_only(cast: Cast) -> None:
    household = household_in("15.07")
    url = reverse("ehra:household_edit", kwargs={"pk": household.pk})
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(url, {"D_1": "3", "reason": "cek lapangan"})
    assert response.status_code == 302
    household.refresh_from_db()
    assert household.answers["D_1"] == 3
    client.force_login(cast.kepala_daerah)
    assert client.get(url).status_code == 404


def test_it_shows_import_progress(cast: Cast) -> None:
    run = import_run_in("15.07")
    run.rows_total, run.rows_done, run.status = 40, 10, "berjalan"  # type: ignore[attr-defined]
    run.save()  # type: ignore[attr-defined]
    client = Client()
    client.force_login(cast.cf)
    body = client.get(reverse("ehra:import_progress", kwargs={"pk": run.pk})).content.decode()  # type: ignore[attr-defined]
    assert "10/40" in body and 'hx-trigger="every 2s"' in body


def test_it_computes_irs_per_strata_from_the_frame(cast: Cast) -> None:
    survey = ehra_round("15.07")
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code")[:6])
    frame = SamplingFrame.objects.create(
        survey=survey, target_desa=6, sample_size=240, seed=1, density_cutoff=1, poverty_cutoff=1
    )
    strata = [0, 1, 1, 2, 2, 2]
    FrameDesa.objects.bulk_create(
        FrameDesa(frame=frame, desa=d, density=1, poverty=1, river=False, flood=False, strata=s)
        for d, s in zip(desa, strata, strict=True)
    )
    data = synthetic_households(EHRA_2021, len(desa), 10, seed=3)
    rows = rows_from_households(EHRA_2021, data)
    answers = [answers_from_row(EHRA_2021, row) for row in rows]
    Household.objects.bulk_create(
        Household(
            survey=survey,
            submission_id=f"s{i}",
            desa=desa[int(data.desa[i])],
            answers=a,
            state=ReviewState.APPROVED,
        )
        for i, a in enumerate(answers)
    )
    result, has_frame = strata_irs(survey)
    assert has_frame and [r["desa"] for r in result] == [1, 2, 3, 0, 0]
    assert [r["households"] for r in result] == [10, 20, 30, 0, 0]
    groups = [strata[int(d)] for d in data.desa]
    expected = irs(households_from_answers(EHRA_2021, answers, groups, 5))
    assert np.isclose(result[2]["irs"], expected.total[2])
    client = Client()
    client.force_login(cast.pmu)
    page = client.get(reverse("ehra:irs_strata", kwargs={"pk": survey.pk}))
    assert page.status_code == 200 and page.content.decode().count('data-testid="strata-row"') == 5
