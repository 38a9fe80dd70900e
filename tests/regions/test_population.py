"""Population rows written in bulk (`population_create_missing`) are checked and audited
exactly as one by one (`population_upsert`), skip what exists, and write all or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from ppsp.audit.models import Action, AuditEvent
from ppsp.regions.models import Level, Population, Region
from ppsp.regions.services import PopulationEntry, population_create_missing, population_upsert
from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def _desa(count: int) -> list[Region]:
    return list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))[
        :count
    ]


def _events(population: Population) -> list[tuple[str, list[dict[str, Any]], str]]:
    return [
        (e.action, e.changes, e.region_code)
        for e in AuditEvent.objects.filter(
            object_type="regions.population", object_id=str(population.pk)
        )
    ]


def test_it_writes_and_audits_each_row_as_the_one_by_one_service(cast: Cast) -> None:
    one, two = _desa(2)
    single = population_upsert(
        region=one, year=2030, penduduk=900, kk=250, source="BPS", by=cast.pmu
    )
    [bulk] = population_create_missing(
        entries=[PopulationEntry(region=two, year=2030, penduduk=900, kk=250)],
        source="BPS",
        by=cast.pmu,
    )
    bulk.refresh_from_db()
    assert (bulk.penduduk, bulk.kk, bulk.source) == (single.penduduk, single.kk, single.source)
    [(action, changes, code)] = _events(bulk)
    assert [(action, changes)] == [(a, c) for a, c, _ in _events(single)]
    assert action == Action.CREATE and code == two.code
    assert (
        AuditEvent.objects.get(object_type="regions.population", object_id=str(bulk.pk)).actor
        == cast.pmu
    )


def test_it_skips_what_exists_and_is_idempotent(cast: Cast) -> None:
    desa = _desa(3)
    population_upsert(region=desa[0], year=2030, penduduk=5, kk=2, source="tangan", by=None)
    entries = [PopulationEntry(region=d, year=2030, penduduk=100, kk=30) for d in desa]
    created = population_create_missing(entries=entries, source="demo", by=None)
    assert [p.region for p in created] == desa[1:]
    assert Population.objects.get(region=desa[0], year=2030).penduduk == 5  # untouched
    assert population_create_missing(entries=entries, source="demo", by=None) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [({"kk": 200}, "kk"), ({"year": 1980}, "year"), ({"region": "15.07"}, "region")],
)
def test_it_refuses_a_bad_row_and_writes_nothing(
    cast: Cast, change: dict[str, Any], field: str
) -> None:
    desa = _desa(3)
    entries = [PopulationEntry(region=d, year=2030, penduduk=100, kk=30) for d in desa]
    values = {"region": desa[2], "year": 2030, "penduduk": 100, "kk": 30, **change}
    if field == "region":
        values["region"] = Region.objects.get(code=change["region"])
    entries[2] = PopulationEntry(**values)
    with pytest.raises(ValidationError) as refused:
        population_create_missing(entries=entries, source="demo", by=cast.pmu)
    assert field in refused.value.message_dict
    assert not Population.objects.filter(region__in=desa).exists()
    assert not AuditEvent.objects.filter(object_type="regions.population").exists()


def test_it_needs_the_same_few_queries_for_ten_rows_or_ninety(
    cast: Cast, django_assert_max_num_queries: Any
) -> None:
    desa = _desa(90)
    assert len(desa) == 90
    with django_assert_max_num_queries(8):
        created = population_create_missing(
            entries=[PopulationEntry(region=d, year=2031, penduduk=100, kk=30) for d in desa],
            source="demo",
            by=cast.pmu,
        )
    assert len(created) == 90
