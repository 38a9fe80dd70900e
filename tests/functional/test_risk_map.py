"""Pokja uploads the desa boundaries of 15.07, sees the Leaflet risk map, hovers a desa,
switches component and downloads the printable PNG."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from ppsp.ehra.models import AreaRisk, DesaResult, SurveyRound
from ppsp.regions.models import Level, Region
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]
VENDORED = Path(__file__).resolve().parents[2] / "vendor/wilayah-boundaries/desa/15.geojson.gz"


def _kabkota_file(directory: Path, kabkota: str = "15.07") -> Path:
    """The vendored desa of one kab/kota as the GeoJSON a Pemda would upload."""
    data = json.loads(gzip.decompress(VENDORED.read_bytes()))
    data["features"] = [
        f for f in data["features"] if f["properties"]["kode"].startswith(kabkota + ".")
    ]
    path = directory / f"batas_desa_{kabkota.replace('.', '')}.geojson"
    path.write_text(json.dumps(data))
    return path


def _results() -> None:
    survey = SurveyRound.objects.create(
        region=Region.objects.get(code="15.07"), year=2026, opd_open=False
    )
    desa = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))
    DesaResult.objects.bulk_create(
        DesaResult(
            survey=survey,
            desa=d,
            households=40,
            sumber_air=(i * 37) % 100,
            phbs=(i * 53) % 100,
            irs=(i * 71) % 400,
            irs_class=1 + (i * 71) % 400 // 100,
        )
        for i, d in enumerate(desa)
    )
    AreaRisk.objects.bulk_create(
        AreaRisk(
            survey=survey,
            desa=d,
            component=component,
            area=1 + (i * 7 + k * 3) % 16,
            risk_class=1 + ((i * 7 + k * 3) % 16) // 4,
            override_class=4 if (i == 0 and component == "drainase") else None,
            override_reason="Verifikasi lapangan: genangan" if i == 0 else "",
        )
        for i, d in enumerate(desa)
        for k, component in enumerate(("air_limbah", "persampahan", "drainase"))
    )


def test_it_uploads_boundaries_and_shows_the_risk_map(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, tmp_path: Path
) -> None:
    _results()
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/peta/15.07/")
    assert page.locator("[data-testid=no-boundaries]").count() == 1
    assert page.locator("[data-testid=tile-grid] .cell").count() == 93
    with page.expect_navigation():
        page.click("[data-testid=upload-link]")
    page.locator("[data-testid=boundary-form] input[type=file]").set_input_files(
        str(_kabkota_file(tmp_path))
    )
    page.fill("[name=source]", "Bappeda Tanjung Jabung Timur (uji)")
    with page.expect_navigation():
        page.click("[data-testid=boundary-form] button[type=submit]")
    assert "93 desa cocok, 0 desa tanpa batas" in page.inner_text("[data-testid=preview-summary]")
    with page.expect_navigation():
        page.click("[data-testid=commit-form] button[type=submit]")

    page.wait_for_function("document.querySelectorAll('#risk-map path').length === 93")
    assert page.locator("#risk-map svg path").count() == 93
    legend = page.inner_text("[data-testid=map-legend]")
    assert "Risiko sangat tinggi" in legend and "Kurang berisiko" in legend
    page.locator("#risk-map path").nth(10).hover()
    info = page.locator("[data-testid=map-info]")
    assert info.locator("[data-testid=info-name]").inner_text().strip() != ""
    assert info.locator("[data-testid=info-class]").inner_text() in legend
    screenshot("risk-map-1507-area")

    with page.expect_navigation():
        page.click("[data-testid=component-switch] [data-component=drainase]")
    assert page.inner_text("[data-testid=map-title]") == "Drainase"
    page.wait_for_function("document.querySelectorAll('#risk-map path').length === 93")
    fills = page.eval_on_selector_all(
        "#risk-map path", "ps => new Set(ps.map(p => p.getAttribute('fill'))).size"
    )
    assert fills >= 3

    with page.expect_download() as download_info:
        page.click("[data-testid=download-png]")
    download = download_info.value
    assert download.suggested_filename == "peta-area-berisiko-15.07-drainase.png"
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / "risk-map-1507-drainase-export.png"
    download.save_as(str(saved))
    assert saved.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    screenshot("risk-map-1507-drainase")

    page.emulate_media(media="print")
    assert page.locator("[data-testid=component-switch]").is_hidden()
    assert page.locator("#risk-map").is_visible()
    screenshot("risk-map-1507-print")
