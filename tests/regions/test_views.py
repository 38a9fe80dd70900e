from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.regions.models import Population, Region
from ppsp.regions.selectors import search_regions
from tests.conftest import OWN_DESA, Cast

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_finds_regions_by_name_and_by_code_within_scope(cast: Cast) -> None:
    names = [r.code for r in search_regions(cast.pokja_kabkota, "sabak")]
    assert "15.07.01" in names and "15.07.07" in names
    assert [r.code for r in search_regions(cast.pokja_kabkota, "1507")][:1] == ["15.07"]
    assert search_regions(cast.pokja_kabkota, "Kota Jambi") == []
    assert [r.code for r in search_regions(cast.pokja_provinsi, "kota jambi")][:1] == ["15.71"]
    assert search_regions(cast.public, "jambi") == []


def test_it_ranks_names_that_start_with_the_query_first(cast: Cast) -> None:
    results = search_regions(cast.pmu, "jambi")
    assert results[0].name.lower().startswith("jambi")


def test_it_answers_htmx_search_with_a_fragment(cast: Cast) -> None:
    response = _client(cast.cf).get(
        reverse("regions:search"), {"q": "Alang"}, headers={"HX-Request": "true"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "Alang-Alang" in body


def test_it_records_population_with_an_audit_trail(cast: Cast) -> None:
    client = _client(cast.pokja_kabkota)
    url = reverse("regions:population_edit", kwargs={"code": OWN_DESA})
    client.post(url, {"year": 2024, "penduduk": 1200, "kk": 300, "source": "Dukcapil"})
    response = client.post(
        url, {"year": 2024, "penduduk": 1250, "kk": 310, "source": "Dukcapil", "reason": "koreksi"}
    )
    assert response.status_code == 302

    population = Population.objects.get(region__code=OWN_DESA, year=2024)
    events = list(
        AuditEvent.objects.filter(
            object_type="regions.population", object_id=str(population.pk)
        ).order_by("id")
    )
    assert [e.action for e in events] == ["create", "update"]
    assert events[1].actor == cast.pokja_kabkota and events[1].reason == "koreksi"
    assert {"field": "penduduk", "old": 1200, "new": 1250} in events[1].changes

    page = client.get(
        reverse(
            "audit:object", kwargs={"object_type": "regions.population", "object_id": population.pk}
        )
    )
    assert "1200" in page.content.decode() and "1250" in page.content.decode()


def test_it_keeps_what_was_typed_when_the_form_is_wrong(cast: Cast) -> None:
    url = reverse("regions:population_edit", kwargs={"code": OWN_DESA})
    response = _client(cast.pokja_kabkota).post(
        url, {"year": 2024, "penduduk": 100, "kk": 250, "source": "catatan desa"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Jumlah KK tidak boleh melebihi jumlah penduduk" in body
    assert 'value="catatan desa"' in body
    assert not Population.objects.filter(region__code=OWN_DESA).exists()


def test_it_exports_the_children_as_csv(cast: Cast) -> None:
    response = _client(cast.cf).get(reverse("regions:export_children", kwargs={"code": "15.07"}))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "kode,nama,tingkat,jenis,kode_induk"
    assert len(lines) == 12 and lines[1].startswith("15.07.01,Muara Sabak Timur")


def test_it_renders_a_kabkota_page_in_constant_queries(
    cast: Cast, django_assert_max_num_queries: object
) -> None:
    client = _client(cast.pmu)
    client.get(reverse("regions:detail", kwargs={"code": "15.07"}))  # warm the session
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        client.get(reverse("regions:detail", kwargs={"code": "15"}))
    assert Region.objects.filter(parent__code="15").count() == 11


def test_it_lists_changes_inside_a_region_on_its_audit_page(cast: Cast) -> None:
    client = _client(cast.pokja_kabkota)
    url = reverse("regions:population_edit", kwargs={"code": OWN_DESA})
    client.post(url, {"year": 2023, "penduduk": 1777, "kk": 444, "source": "Dukcapil"})
    for code in (OWN_DESA, "15.07"):
        region = Region.objects.get(code=code)
        page = client.get(
            reverse(
                "audit:object", kwargs={"object_type": "regions.region", "object_id": region.pk}
            )
        )
        assert "1777" in page.content.decode()


def test_it_speaks_indonesian_whatever_the_browser_asks(cast: Cast) -> None:
    client = _client(cast.cf)
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert page["Content-Language"] == "id" and "Peran Anda" in page.content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/")
    assert page["Content-Language"] == "en" and "Your roles" in page.content.decode()
