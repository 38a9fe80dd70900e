"""Cheap national monev pages and API lists (bench/monev_load.py): fragments cached by the
aggregates' "last computed" stamp stay correct after a refresh; large API counts are cached
per query; the realisation list keeps a stable (report, row) order; the index opens on the
latest reported year, not on an empty current one."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppsp.api import pagination
from ppsp.monev.aggregates import aggregates_refresh
from ppsp.monev.services import realisation_save, report_approve, report_submit
from tests.conftest import Cast
from tests.monev.support import YEAR, full_values, plan_with_sasaran, report_in

pytestmark = pytest.mark.django_db


def _approve(cast: Cast, code: str) -> None:
    report = report_in(code)
    rows, indicators = full_values(plan_with_sasaran(code))
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pmu)
    report_submit(report=report, by=cast.pmu)
    report_approve(report=report, by=cast.pmu)
    aggregates_refresh(YEAR)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_shows_fresh_figures_on_cached_national_pages_after_a_refresh(cast: Cast) -> None:
    _approve(cast, "15.07")
    client = _client(cast.pmu)
    pages = (f"/monev/nasional/{YEAR}/", f"/monev/peringkat/{YEAR}/")
    for url in pages:
        first = client.get(url).content.decode()
        assert 'data-testid="score-15.07"' in first and 'data-testid="score-15.71"' not in first
        again = client.get(url).content.decode()  # served from the cached fragment
        assert 'data-testid="score-15.07"' in again and 'data-testid="score-15.71"' not in again
    _approve(cast, "15.71")
    for url in pages:
        assert 'data-testid="score-15.71"' in client.get(url).content.decode()


def test_it_serves_a_cached_fragment_without_reading_the_scores(cast: Cast) -> None:
    _approve(cast, "15.07")
    client = _client(cast.pmu)
    url = f"/monev/nasional/{YEAR}/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not [q for q in queries.captured_queries if "monev_kabkotascore" in q["sql"]]


def test_it_keeps_a_large_api_count_per_query(cast: Cast, monkeypatch: Any) -> None:
    _approve(cast, "15.07")
    monkeypatch.setattr(pagination, "LARGE_COUNT", 1)
    client = _client(cast.pmu)
    url = reverse("api:realisation-list") + f"?year={YEAR}"
    first = client.get(url).json()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).json()
    assert again["count"] == first["count"] > 0
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    other = client.get(url + "&status=draft").json()
    assert other["count"] == 0


def test_it_lists_realisation_in_report_then_row_order(cast: Cast) -> None:
    _approve(cast, "15.07")
    _approve(cast, "15.71")
    body = _client(cast.pmu).get(reverse("api:realisation-list") + "?page_size=200").json()
    keys = [(r["kabkota"], r["row"]) for r in body["results"]]
    assert len(keys) == body["count"]
    assert [r["row"] for r in body["results"] if r["kabkota"] == "15.07"] == sorted(
        r["row"] for r in body["results"] if r["kabkota"] == "15.07"
    )


def test_it_opens_the_monev_index_on_the_latest_year_with_data(cast: Cast) -> None:
    _approve(cast, "15.07")  # YEAR approved
    report_in("15.07", year=YEAR + 1)  # a draft of the next year
    page = _client(cast.pmu).get(reverse("monev:index")).content.decode()
    assert f"/monev/nasional/{YEAR}/" in page  # dashboards: the latest approved year
    page = _client(cast.cf).get(reverse("monev:index")).content.decode()
    assert f"/monev/15.07/{YEAR + 1}/" in page  # the grid: the latest report, still a draft
