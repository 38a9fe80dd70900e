"""Lampiran 4 rows re-checked against the LIVE chosen scenario of Proses 3 (real
ppsp.scenarios data from its demo): differences, Tabel 5.1 ±1 Rp juta, regeneration."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.demo.scenarios import load_scenarios_demo
from ppsp.mps.models import Plan
from ppsp.mps.services import rows_generate
from ppsp.mps.services.scenario import REASON, scenario_drift
from ppsp.regions.models import Region
from ppsp.scenarios.models import Scenario, ScenarioLine
from ppsp.scenarios.selectors import chosen_cost_lines
from tests.conftest import Cast

pytestmark = pytest.mark.django_db
JUTA = 1_000_000


def _generated() -> Plan:
    load_scenarios_demo(io.StringIO())
    region = Region.objects.get(code="15.07")
    lines = chosen_cost_lines(region)
    assert lines
    return rows_generate(region=region, lines=lines, by=None)


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _first_line() -> ScenarioLine:
    scenario = Scenario.objects.get(region__code="15.07", chosen=True)
    return ScenarioLine.objects.filter(scenario=scenario).order_by("pk").first()  # type: ignore[return-value]


def test_it_finds_no_difference_right_after_generation(cast: Cast) -> None:
    plan = _generated()
    drift = scenario_drift(plan)
    assert drift.available and drift.in_step
    page = _client(cast.cf).get(reverse("mps:scenario", kwargs={"pk": plan.pk}))
    assert 'data-testid="scenario-in-step"' in page.content.decode()


def test_it_shows_changed_and_new_lines_and_regenerates_the_picked_rows(cast: Cast) -> None:
    plan = _generated()
    count = plan.rows.count()
    line = _first_line()
    amounts = [int(a) for a in line.amounts]
    amounts[0] += 7 * JUTA
    line.amounts = amounts
    line.save()
    ScenarioLine.objects.create(
        scenario=line.scenario,
        subsector="drainase",
        kegiatan_type="konstruksi",
        description="Saluran drainase baru",
        amounts=[0, 40 * JUTA, 0, 0, 0],
    )
    drift = scenario_drift(plan)
    assert sorted(d.kind for d in drift.rows) == ["changed", "new"]
    changed = next(d for d in drift.rows if d.kind == "changed")
    assert changed.new_amounts[0] - changed.old_amounts[0] == 7 * JUTA
    assert {m.subsector for m in drift.mismatches} == {line.subsector, "drainase"}
    client = _client(cast.pokja_kabkota)
    page = client.get(reverse("mps:scenario", kwargs={"pk": plan.pk})).content.decode()
    assert 'data-testid="scenario-mismatch"' in page and "Saluran drainase baru" in page
    assert f'data-testid="drift-{changed.key}"' in page
    # only the changed row is picked first: the new line stays a difference
    url = reverse("mps:scenario_align", kwargs={"pk": plan.pk})
    assert client.post(url, {"rows": [changed.key]}).status_code == 302
    assert changed.row is not None
    changed.row.refresh_from_db()
    assert changed.row.amounts == changed.new_amounts
    assert [d.kind for d in scenario_drift(plan).rows] == ["new"]
    new_key = scenario_drift(plan).rows[0].key
    client.post(url, {"rows": [new_key]})
    assert plan.rows.count() == count + 1
    drift = scenario_drift(plan)
    assert drift.in_step
    plan.refresh_from_db()
    assert plan.need_by_subsector == drift.need_live
    events = AuditEvent.objects.filter(reason=REASON)
    assert {e.object_type for e in events} == {"mps.programmerow", "mps.plan"}


def test_it_refuses_regeneration_to_readers_and_outsiders(cast: Cast) -> None:
    plan = _generated()
    url = reverse("mps:scenario_align", kwargs={"pk": plan.pk})
    assert _client(cast.cf).post(url, {"rows": ["row-1"]}).status_code == 404
    assert _client(cast.pokja_provinsi).post(url, {"rows": ["row-1"]}).status_code == 404


def test_it_says_so_when_no_scenario_is_chosen(cast: Cast) -> None:
    plan = _generated()
    Scenario.objects.filter(region__code="15.07").update(chosen=False)
    page = _client(cast.pf).get(reverse("mps:scenario", kwargs={"pk": plan.pk}))
    assert 'data-testid="scenario-none"' in page.content.decode()
