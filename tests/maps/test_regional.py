"""National and provincial choropleths: gzipped outlines per zoom level, indicators, block."""

from __future__ import annotations

import gzip
import json

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.maps.loading import boundaries_load
from ppsp.monev.models import KabkotaScore
from ppsp.programme.models import Participation, Stage
from ppsp.regions.models import Level, Region
from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def outlines(regions: None) -> None:
    boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA), provinces=["15", "75"])


def test_it_serves_the_national_outlines_gzipped_and_cached(cast: Cast, outlines: None) -> None:
    client = _client(cast.pmu)
    url = reverse("maps:national_outlines")
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response.status_code == 200 and response["Content-Encoding"] == "gzip"
    data = json.loads(gzip.decompress(response.content))
    levels = [f["properties"]["level"] for f in data["features"]]
    assert levels.count(Level.KABKOTA) == 11 + 6 and levels.count(Level.PROVINSI) == 2
    assert "wilayah_boundaries" in data["attribution"]
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    plain = client.get(url)
    assert "Content-Encoding" not in plain and json.loads(plain.content) == data


def test_it_serves_finer_geometry_for_a_province(cast: Cast, outlines: None) -> None:
    client = _client(cast.pokja_provinsi)
    url = reverse("maps:province_outlines", kwargs={"code": "15"})
    medium = json.loads(client.get(url).content)
    low = json.loads(client.get(url + "?detail=low").content)
    assert {f["properties"]["code"] for f in medium["features"]} >= {"15", "15.07", "15.71"}
    assert len(json.dumps(medium)) > len(json.dumps(low))
    assert client.get(reverse("maps:national_outlines")).status_code == 404
    assert client.get(reverse("maps:province_outlines", kwargs={"code": "75"})).status_code == 404


def test_it_gives_indicator_values_per_kabkota(cast: Cast, outlines: None) -> None:
    region = Region.objects.get(code="15.07")
    stage = Stage.objects.order_by("number")[2]
    Participation.objects.create(region=region, cohort_year=2015, current_stage=stage)
    KabkotaScore.objects.create(
        region=region,
        year=2026,
        stage=0.5,
        completeness=1,
        timeliness=1,
        realisation=0.625,
        score=60,
        rank_national=1,
        rank_province=1,
        computed_at="2026-11-01T00:00:00Z",
    )
    data = json.loads(
        _client(cast.pmu).get(reverse("maps:province_indicators", kwargs={"code": "15"})).content
    )
    assert set(data["indicators"]) == {"stage", "ssk_age", "triggers", "realisation", "layak"}
    assert data["values"]["15.07"]["stage"] == stage.number
    assert data["values"]["15.07"]["realisation"] == 62.5
    assert data["realisation_year"] == 2026 and len(data["values"]) == 11


def test_it_adds_the_map_block_to_both_dashboards(cast: Cast) -> None:
    page = _client(cast.pmu).get(reverse("programme:national")).content.decode()
    assert 'data-testid="choropleth"' in page and reverse("maps:national_outlines") in page
    page = (
        _client(cast.pokja_provinsi)
        .get(reverse("programme:province", kwargs={"code": "15"}))
        .content.decode()
    )
    assert reverse("maps:province_outlines", kwargs={"code": "15"}) in page
    assert "wilayah_boundaries" in page
