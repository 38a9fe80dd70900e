"""Versioned risk-method configuration: seeded defaults, PMU approval, per-round version."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.compute.ehra import DEFAULT_IRS_2021
from ppsp.ehra import services
from ppsp.ehra.config import area_config, irs_config
from ppsp.ehra.models import DesaResult, Household, ImportRun, RiskMethodConfig
from ppsp.ehra.services import import_run
from ppsp.ehra.services import results as services_results
from ppsp.ehra.services.config import config_approve, config_draft_create, round_use_config
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.ehra.support import desa_of, ehra_round, export_csv

pytestmark = pytest.mark.django_db


def _computed(cast: Cast) -> object:
    survey = ehra_round("15.07")
    run = ImportRun.objects.create(
        survey=survey, filename="e.csv", content=export_csv(desa_of("15.07", 4), per_desa=8)
    )
    import_run(run.pk)
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    return survey


def _irs(survey: object) -> dict[int, float | None]:
    return dict(DesaResult.objects.filter(survey=survey).values_list("desa_id", "irs"))


def test_it_seeds_the_documented_defaults_as_approved_version_1() -> None:
    config = RiskMethodConfig.objects.get(version=1)
    assert config.approved and config.approved_at is not None
    assert config.irs_weights == {i.key: 1.0 for i in DEFAULT_IRS_2021.indicators}
    assert (config.opd_aggregation, config.classes, len(config.class_labels)) == (
        "mean_half_up",
        4,
        4,
    )
    assert (config.density_rule, config.poverty_rule) == ("rata-rata", "rata-rata")
    assert irs_config(config) == DEFAULT_IRS_2021
    assert area_config(config).opd_aggregation == "mean_half_up"


def test_it_records_the_approver_and_date_and_audits_the_approval(cast: Cast) -> None:
    with pytest.raises(PermissionDenied):
        config_draft_create(by=cast.pokja_kabkota)
    draft = config_draft_create(by=cast.pmu, note="uji")
    assert (draft.version, draft.approved, draft.approved_at) == (2, False, None)
    with pytest.raises(PermissionDenied):
        config_approve(config=draft, by=cast.pokja_kabkota)
    client = Client()
    client.force_login(cast.pmu)
    url = reverse("ehra:config_approve", kwargs={"pk": draft.pk})
    assert client.post(url).status_code == 302
    draft.refresh_from_db()
    assert draft.approved and draft.approved_by == cast.pmu and draft.approved_at is not None
    assert draft.approved_name == (cast.pmu.get_full_name() or cast.pmu.get_username())
    event = AuditEvent.objects.filter(object_id=str(draft.pk), reason__contains="disetujui").get()
    assert event.actor == cast.pmu
    with pytest.raises(ValidationError):
        config_approve(config=draft, by=cast.pmu)
    page = Client()
    page.force_login(cast.pokja_kabkota)
    text = page.get(reverse("ehra:config")).content.decode()
    assert 'data-testid="config-v2"' in text and 'data-testid="config-approve"' not in text
    assert page.post(url).status_code == 404


def test_it_computes_with_the_rounds_version_until_switched(cast: Cast) -> None:
    survey = _computed(cast)
    survey.refresh_from_db()
    assert survey.config.version == 1
    first = _irs(survey)
    draft = config_draft_create(by=cast.pmu)
    weights = dict(draft.irs_weights)
    weights["air_minum_tidak_terlindungi"] = 0.0
    weights["kelangkaan_air"] = 0.0
    weights["pengelolaan_sampah"] = 6.0
    draft.irs_weights = weights
    draft.save()
    config_approve(config=draft, by=cast.pmu)
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    assert _irs(survey) == first  # the round keeps version 1 until switched
    with pytest.raises(ValidationError):
        round_use_config(
            survey=survey, config=config_draft_create(by=cast.pmu), by=cast.pokja_kabkota
        )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("ehra:round_config", kwargs={"pk": survey.pk})
    assert client.post(url, {"config": draft.pk}).status_code == 302
    survey.refresh_from_db()
    assert survey.config == draft
    changes = AuditEvent.objects.filter(object_id=str(survey.pk)).values_list("changes", flat=True)
    assert [{"field": "config", "old": 1, "new": 2}] in list(changes)
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    second = _irs(survey)
    assert second.keys() == first.keys() and second != first
    fresh = services.round_create(region=Region.objects.get(code="15.71"), year=2026, by=cast.pmu)
    assert fresh.config == draft


def test_it_refuses_to_approve_invalid_values_and_freezes_approved_versions(cast: Cast) -> None:
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    draft = config_draft_create(by=cast.pmu)
    draft.irs_weights = {**draft.irs_weights, "bukan_indikator": 1.0}
    draft.source_weights = {"air_limbah": [1.0, -1.0, 1.0]}
    draft.save()
    with pytest.raises(ValidationError) as error:
        config_approve(config=draft, by=cast.pmu)
    assert {"irs_weights", "source_weights"} <= set(error.value.message_dict)
    draft.refresh_from_db()
    assert not draft.approved
    admin = site._registry[RiskMethodConfig]
    request = RequestFactory().get("/")
    request.user = cast.pmu
    cast.pmu.is_superuser = True
    assert not admin.has_change_permission(request, RiskMethodConfig.objects.get(version=1))
    assert admin.has_change_permission(request, draft)
