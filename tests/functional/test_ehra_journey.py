"""Pokja imports an EHRA export for 15.07, the CF approves, IRS and area berisiko show,
and the Pokja overrides one desa after field verification."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ppsp.regions.models import Level, Population, Region
from tests.conftest import PASSWORD, Cast
from tests.ehra.support import desa_of, export_csv
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def _click(page: Any, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_it_takes_an_ehra_round_from_import_to_an_overridden_area(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, browser: Any, tmp_path: Path
) -> None:
    desa = Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=900 + 53 * i, kk=250) for i, d in enumerate(desa)
    )
    sampled = desa_of("15.07", 12)
    export = tmp_path / "ehra_1507_kobo.csv"
    export.write_bytes(export_csv(sampled, per_desa=5, seed=7))
    base = live_server.url

    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/ehra/15.07/")
    page.locator("[data-testid=round-form] [name=year]").fill("2026")
    _click(page, "[data-testid=round-form] button[type=submit]")
    assert "EHRA 2026" in page.locator("h1").inner_text()
    round_url = page.url

    page.locator("[data-testid=import-form] input[type=file]").set_input_files(str(export))
    _click(page, "[data-testid=import-form] button[type=submit]")
    assert "selesai" in page.locator("[data-testid=import-status]").inner_text()
    assert page.locator("[data-testid=import-counts]").inner_text().startswith("60 ")

    # A rater sees no EHRA result before sending the persepsi OPD.
    page.goto(round_url)
    _click(page, "[data-testid=irs-link]")
    assert page.locator("[data-testid=blind]").count() == 1
    page.goto(round_url)
    _click(page, "[data-testid=opd-link]")
    page.locator("[data-testid=opd-form] select").first.select_option("3")
    page.fill("[name=opd]", "Dinas PUPR")
    _click(page, "[data-testid=opd-submit]")
    assert page.locator("[data-testid=opd-submitted]").count() == 1

    cf_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    cf = cf_context.new_page()
    try:
        log_in(cf, base, cast.cf.username, PASSWORD)
        cf.goto(round_url)
        _click(cf, "[data-testid=households-link]")
        _click(cf, "[data-testid=approve-all] button")
        assert "60 rekaman diperbarui" in cf.locator(".messages").inner_text()
    finally:
        cf_context.close()

    page.goto(round_url)
    _click(page, "[data-testid=compute]")
    assert page.locator("[data-testid=irs-row]").count() == 12
    assert "60 rumah tangga disetujui" in page.locator("[data-testid=computed-at]").inner_text()
    screenshot("ehra-irs-1507")

    page.goto(round_url)
    _click(page, "[data-testid=area-link]")
    assert page.locator("[data-testid=tile-grid] .cell").count() == desa.count()
    target = sampled[0]
    _click(page, f"[data-testid='override-{target}']")
    page.select_option("[name=risk_class]", "4")
    page.fill("[name=reason]", "Verifikasi lapangan 12 Mei: SPAL langsung ke Sungai Batanghari")
    _click(page, "[data-testid=override-form] button[type=submit]")
    row = page.locator(f"[data-testid='area-row-{target}']")
    assert "Risiko sangat tinggi" in row.locator("[data-testid=final-class]").inner_text()
    assert "Sungai Batanghari" in row.locator("[data-testid=override-note]").inner_text()
    screenshot("ehra-area-berisiko-1507")
