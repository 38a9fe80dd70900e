"""Review states, IRS from approved records, persepsi OPD blindness, area berisiko overrides."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppsp.audit.models import Action, AuditEvent
from ppsp.compute.ehra import irs
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.ehra import services
from ppsp.ehra.arrays import households_from_answers
from ppsp.ehra.models import AreaRisk, DesaResult, Household, ImportRun, ReviewState
from ppsp.ehra.services import import_run
from ppsp.ehra.services import results as services_results
from ppsp.ehra.workflow import TRANSITIONS, ReviewAction, available, next_state
from ppsp.regions.models import Level, Population, Region
from tests.conftest import Cast
from tests.ehra.support import desa_of, ehra_round, export_csv

pytestmark = pytest.mark.django_db


def _imported(cast: Cast, desa: int = 6, per_desa: int = 5) -> Any:
    survey = ehra_round("15.07")
    content = export_csv(desa_of("15.07", desa), per_desa=per_desa)
    run = ImportRun.objects.create(survey=survey, filename="e.csv", content=content)
    assert import_run(run.pk).created == desa * per_desa
    return survey


def _population(kabkota: str) -> None:
    desa = Region.objects.filter(kabkota_code=kabkota, level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=1000 + 37 * i, kk=300) for i, d in enumerate(desa)
    )


def test_it_keeps_the_review_table_pure_and_closed() -> None:
    assert next_state("diterima", ReviewAction.APPROVE)[0] == ReviewState.APPROVED  # type: ignore[index]
    assert next_state("disetujui", ReviewAction.APPROVE) is None
    assert available("ditolak") == [ReviewAction.FLAG]
    assert {s for s, _ in TRANSITIONS} <= set(ReviewState.values)


def test_it_reviews_records_with_audit_and_permission(cast: Cast) -> None:
    survey = _imported(cast, desa=1, per_desa=3)
    first, second, third = Household.objects.filter(survey=survey).order_by("pk")
    with pytest.raises(PermissionDenied):
        services.household_review(household=first, action="setujui", by=cast.pokja_kabkota)
    with pytest.raises(ValidationError):
        services.household_review(household=first, action="tolak", note="", by=cast.cf)
    services.household_review(
        household=first, action="tandai_masalah", note="D.3 kosong", by=cast.cf
    )
    services.household_review(household=first, action="setujui", by=cast.cf)
    first.refresh_from_db()
    assert first.state == ReviewState.APPROVED and first.reviewed_by == cast.cf
    events = AuditEvent.objects.filter(object_type="ehra.household", object_id=str(first.pk))
    moves = events.filter(action=Action.TRANSITION).order_by("pk")
    assert [e.changes[0]["new"] for e in moves] == ["bermasalah", "disetujui"]
    # the refused approval (no permission) is audited like every refusal
    assert events.filter(reason__startswith="DITOLAK").count() == 1
    count = services.households_bulk_review(
        survey=survey, ids=[second.pk, third.pk], action="setujui", by=cast.cf
    )
    assert count == 2
    assert Household.objects.filter(survey=survey, state=ReviewState.APPROVED).count() == 3


def test_it_computes_irs_from_approved_records_only(cast: Cast) -> None:
    survey = _imported(cast, desa=4, per_desa=5)
    households = list(Household.objects.filter(survey=survey).order_by("pk"))
    approved = [h.pk for h in households if h.pk % 3]
    services.households_bulk_review(survey=survey, ids=approved, action="setujui", by=cast.cf)
    assert services_results.round_compute(survey=survey, by=cast.pokja_kabkota) == 4
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))
    index = {d.pk: i for i, d in enumerate(desa)}
    chosen = [h for h in households if h.pk in set(approved)]
    expected = irs(
        households_from_answers(
            EHRA_2021, [h.answers for h in chosen], [index[h.desa_id] for h in chosen], len(desa)
        )
    )
    for result in DesaResult.objects.filter(survey=survey):
        i = index[result.desa_id]
        assert result.households == expected.households[i]
        assert result.irs == pytest.approx(expected.total[i])
        assert sum(v[0] for v in result.ladder.values()) == result.households
    survey.refresh_from_db()
    assert survey.computed_at is not None and survey.computed_households == len(approved)


def test_it_classes_area_risk_and_keeps_the_override(cast: Cast) -> None:
    _population("15.07")
    survey = _imported(cast, desa=8, per_desa=5)
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    areas = AreaRisk.objects.filter(survey=survey, component="air_limbah")
    assert areas.count() == 8
    assert {a.risk_class for a in areas} <= {1, 2, 3, 4} and max(a.risk_class for a in areas) == 4
    area = areas.order_by("desa__code").first()
    assert area is not None
    with pytest.raises(ValidationError):
        services_results.area_override(area=area, risk_class=4, reason=" ", by=cast.pokja_kabkota)
    with pytest.raises(PermissionDenied):
        services_results.area_override(area=area, risk_class=4, reason="x", by=cast.cf)
    computed = area.risk_class
    services_results.area_override(
        area=area, risk_class=4, reason="Verifikasi lapangan: SPAL ke sungai", by=cast.pokja_kabkota
    )
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    area.refresh_from_db()
    assert (area.override_class, area.risk_class, area.final_class) == (4, computed, 4)
    assert area.override_by == cast.pokja_kabkota and area.override_at is not None
    event = AuditEvent.objects.get(object_type="ehra.arearisk", object_id=str(area.pk))
    assert event.reason.startswith("Verifikasi lapangan")


def test_it_hides_results_from_a_rater_until_submitted_and_keeps_raw_scores(
    cast: Cast,
) -> None:
    survey = _imported(cast, desa=2, per_desa=5)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("ehra:irs", kwargs={"pk": survey.pk})
    assert 'data-testid="blind"' in client.get(url).content.decode()
    desa = desa_of("15.07", 2)
    first = Region.objects.get(code=desa[0])
    opd_url = reverse("ehra:opd", kwargs={"pk": survey.pk})
    client.post(opd_url, {f"s_{first.pk}_air_limbah": "3", "submit": "1", "opd": "Dinas PUPR"})
    assert 'data-testid="irs-table"' in client.get(url).content.decode()
    services_results.opd_save(  # a second rater
        survey=survey, scores={(first.pk, "air_limbah"): 4}, by=cast.pmu
    )
    services_results.opd_submit(survey=survey, opd="Bappeda", by=cast.pmu)
    with pytest.raises(ValidationError):
        services_results.opd_save(survey=survey, scores={(first.pk, "air_limbah"): 1}, by=cast.pmu)
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    services_results.round_compute(survey=survey, by=None)
    area = AreaRisk.objects.get(survey=survey, desa=first, component="air_limbah")
    assert area.s_opd == 4.0  # mean(3, 4) = 3.5 rounded half up
    assert survey.opd_ratings.count() == 2


def test_it_renders_result_pages_without_n_plus_one(cast: Cast) -> None:
    _population("15.07")
    survey = _imported(cast, desa=10, per_desa=4)
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    services_results.round_compute(survey=survey, by=None)
    client = Client()
    client.force_login(cast.cf)
    for name in ("irs", "area", "households", "round"):
        url = reverse(f"ehra:{name}", kwargs={"pk": survey.pk})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(queries) < 20, (name, len(queries))
    page = client.get(reverse("ehra:irs", kwargs={"pk": survey.pk})).content.decode()
    assert page.count('data-testid="irs-row"') == 10
    grid = client.get(reverse("ehra:area", kwargs={"pk": survey.pk})).content.decode()
    assert grid.count('data-testid="tile-15.07.') == 93
    assert np.isfinite(DesaResult.objects.filter(survey=survey).first().irs)  # type: ignore[union-attr, arg-type]


def test_it_recomputes_stored_results_when_approvals_change(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = _imported(cast, desa=2, per_desa=4)
    services_results.round_compute(survey=survey, by=None)
    assert DesaResult.objects.filter(survey=survey).count() == 0
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    assert DesaResult.objects.filter(survey=survey).count() == 2
