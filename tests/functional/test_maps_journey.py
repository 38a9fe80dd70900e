"""Maps in the browser: the national and provincial choropleths and the kab/kota risk map
on the real vendored boundaries; each is opened, checked for drawn features and legend,
and screenshotted (test-artifacts/maps-*.png)."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.maps.loading import boundaries_load
from ppsp.programme.models import Participation, Stage
from ppsp.regions.models import Level, Region
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def _programme() -> None:
    stages = list(Stage.objects.order_by("number"))
    for i, region in enumerate(
        Region.objects.filter(level=Level.KABKOTA, province_code="15").order_by("code")
    ):
        Participation.objects.create(
            region=region, cohort_year=2010 + i % 4, current_stage=stages[i % len(stages)]
        )


def _ready(page: Any) -> None:
    page.wait_for_selector("[data-testid=choropleth-map][data-status=ready]", timeout=30_000)


def test_it_draws_the_national_and_provincial_choropleths(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    boundaries_load(levels=(Level.PROVINSI, Level.KABKOTA))
    _programme()
    base = live_server.url
    log_in(page, base, cast.pmu.username, PASSWORD)
    page.goto(f"{base}/program/nasional/")
    _ready(page)
    kabkota = Region.objects.filter(level=Level.KABKOTA).count()  # the test slice: 15 and 75
    assert page.get_attribute("[data-testid=choropleth-map]", "data-features") == str(kabkota)
    assert page.locator("[data-testid=choropleth-map] path.leaflet-interactive").count() == kabkota
    legend = page.inner_text("[data-testid=choropleth-legend]")
    assert "Tahapan PPSP tercapai" in legend and "Belum ada data (6)" in legend
    assert page.locator("[data-testid=choropleth-map] .leaflet-tile").count() == 0  # offline view
    assert "wilayah_boundaries" in page.inner_text(".leaflet-control-attribution")
    page.wait_for_selector("[data-chart=stage-cohort][data-drawn='1']")
    assert page.evaluate("Chart.defaults.locale") == "id-ID"  # 25.000, not 25,000
    assert page.evaluate("new Intl.NumberFormat(Chart.defaults.locale).format(25000)") == "25.000"
    page.locator("[data-testid=choropleth-map]").scroll_into_view_if_needed()
    screenshot("maps-national-stage")

    page.select_option("[data-testid=choropleth-indicator]", "ssk_age")
    assert "Umur SSK" in page.inner_text("[data-testid=choropleth-legend]")
    page.locator("[data-testid=choropleth-map] path.leaflet-interactive").first.hover()
    assert page.inner_text("[data-testid=choropleth-name]").strip() != ""

    page.goto(f"{base}/program/provinsi/15/")
    _ready(page)
    assert page.get_attribute("[data-testid=choropleth-map]", "data-features") == "11"
    fills = page.eval_on_selector_all(
        "[data-testid=choropleth-map] path.leaflet-interactive",
        "ps => new Set(ps.map(p => p.getAttribute('fill'))).size",
    )
    assert fills >= 3
    screenshot("maps-province-15")
    jambi = page.locator("[data-testid=choropleth-map] path.leaflet-interactive").nth(6)
    with page.expect_navigation():
        jambi.click(force=True)
    assert "/program/15." in page.url


def test_it_shows_the_real_desa_of_1507_with_search_and_tooltip(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    boundaries_load(levels=(Level.DESA,), provinces=["15"])
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/peta/15.07/")
    page.wait_for_function("document.querySelectorAll('#risk-map path').length === 93")
    legend = page.inner_text("[data-testid=map-legend]")
    assert "Tidak dinilai (93)" in legend
    assert "wilayah_boundaries" in page.inner_text("[data-testid=map-source]")
    page.fill("[data-testid=desa-search]", "Sungai Ular")
    page.press("[data-testid=desa-search]", "Enter")
    page.wait_for_function("document.getElementById('risk-map').dataset.found")
    assert page.inner_text("[data-testid=info-name]") == "Sungai Ular"
    assert page.locator(".leaflet-tooltip").count() == 1
    screenshot("maps-risk-1507-search")
    page.fill("[data-testid=desa-search]", "Tidak Ada Desa Ini")
    page.press("[data-testid=desa-search]", "Enter")
    assert page.inner_text("[data-testid=desa-search-status]") == "Desa tidak ditemukan."
