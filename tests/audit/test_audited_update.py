"""audited_update(): snapshot → field_changes → audit_record in one helper (issue 15)."""

from __future__ import annotations

import pytest

from ppsp.audit.models import Action, AuditEvent
from ppsp.audit.services import audit_event, audit_record_many, audited_update
from ppsp.regions.models import Population, Region
from ppsp.regions.services import population_upsert
from tests.conftest import Cast

pytestmark = pytest.mark.django_db
FIELDS = ("penduduk", "kk", "source")


def _desa() -> Region:
    return Region.objects.get(code="15.07.01.2001")


def test_it_writes_one_row_with_only_the_changed_fields(cast: Cast) -> None:
    row = Population.objects.create(region=_desa(), year=2030, penduduk=100, kk=30, source="BPS")
    with audited_update(row, FIELDS, actor=cast.pmu, region_code="15.07", reason="koreksi"):
        row.penduduk = 120
        row.save()
    event = AuditEvent.objects.get(object_id=str(row.pk), object_type="regions.population")
    assert event.action == Action.UPDATE and event.reason == "koreksi"
    assert event.changes == [{"field": "penduduk", "old": 100, "new": 120}]
    assert event.actor == cast.pmu and event.region_code == "15.07"


def test_it_writes_nothing_without_a_change_or_after_an_error(cast: Cast) -> None:
    row = Population.objects.create(region=_desa(), year=2030, penduduk=100, kk=30)
    with audited_update(row, FIELDS, actor=cast.pmu):
        row.save()
    with pytest.raises(RuntimeError), audited_update(row, FIELDS, actor=cast.pmu):
        row.kk = 31
        raise RuntimeError
    assert not AuditEvent.objects.filter(object_type="regions.population").exists()


def test_it_records_a_child_row_on_its_parent_with_a_prefix(cast: Cast) -> None:
    row = Population.objects.create(region=_desa(), year=2030, penduduk=100, kk=30)
    parent = _desa()
    with audited_update(row, FIELDS, actor=cast.pmu, audit_obj=parent) as change:
        row.kk = 40
        row.save()
        change.field_prefix = "2030: "
    assert change.event is not None and change.event.object_type == "regions.region"
    assert change.changes == [{"field": "2030: kk", "old": 30, "new": 40}]


def test_it_keeps_the_service_audit_on_create_and_update(cast: Cast) -> None:
    population_upsert(region=_desa(), year=2031, penduduk=10, kk=3, source="x", by=cast.pmu)
    population_upsert(region=_desa(), year=2031, penduduk=12, kk=3, source="x", by=cast.pmu)
    events = list(AuditEvent.objects.filter(object_type="regions.population").order_by("pk"))
    assert [e.action for e in events] == [Action.CREATE, Action.UPDATE]
    assert events[1].changes == [{"field": "penduduk", "old": 10, "new": 12}]


def test_it_saves_many_built_rows_in_one_insert(cast: Cast) -> None:
    desa = _desa()
    rows = [audit_event(actor=cast.pmu, obj=desa, action=Action.UPDATE) for _ in range(3)]
    before = AuditEvent.objects.count()
    audit_record_many(rows)
    assert AuditEvent.objects.count() - before == 3
