"""Pokja draws the EHRA sample with a typed K1 cut-off and Slovin, enters the RT counts and
prints the RT/household lists; the PMU approves a new configuration version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ppsp.ehra.models import RiskMethodConfig, SurveyRound
from ppsp.regions.models import Level, Region
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def _click(page: Any, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_it_draws_a_sample_with_rt_lists_and_approves_a_config_version(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, browser: Any, tmp_path: Path
) -> None:
    survey = SurveyRound.objects.create(region=Region.objects.get(code="15.07"), year=2026)
    codes = list(Region.objects.filter(kabkota_code="15.07", level=Level.DESA).order_by("code"))
    lines = ["kode_desa,kepadatan,kemiskinan,k3_sungai,k4_banjir"]
    lines += [f"{d.code},{50 + (i * 37) % 400},{(i * 13) % 60},{i % 2},0" for i, d in
              enumerate(codes)]  # fmt: skip
    frame_csv = tmp_path / "k1k4.csv"
    frame_csv.write_text("\n".join(lines))
    base = live_server.url

    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/ehra/putaran/{survey.pk}/sampel/")
    page.fill("[name=target_desa]", "10")
    page.fill("[name=seed]", "7")
    page.select_option("[name=method]", "slovin")
    page.fill("[name=margin]", "0.1")
    page.select_option("[name=density_rule]", "nilai")
    page.fill("[name=density_value]", "200")
    page.locator("input[type=file]").set_input_files(str(frame_csv))
    _click(page, "form[enctype] button[type=submit]")
    assert "Slovin" in page.locator("[data-testid=frame-summary]").inner_text()
    assert "200,0" in page.locator("[data-testid=frame-cutoffs]").inner_text()
    assert page.locator("[data-testid=selected]").count() == 10
    inputs = page.locator("[data-testid=rt-form] input[type=number]")
    for i in range(inputs.count()):
        inputs.nth(i).fill(str(6 + 3 * i))
    _click(page, "[data-testid=rt-form] button[type=submit]")
    assert page.locator("[data-testid=rt-slot]").count() == 6 + 9 * 8
    assert "interval I" in page.locator("[data-testid=field-rule]").inner_text()
    screenshot("ehra-sampling-rt-1507")

    pmu_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    pmu = pmu_context.new_page()
    try:
        log_in(pmu, base, cast.pmu.username, PASSWORD)
        pmu.goto(f"{base}/ehra/konfigurasi/")
        _click(pmu, "[data-testid=config-draft]")
        _click(pmu, "[data-testid=config-v2] [data-testid=config-approve]")
        assert "Disetujui oleh" in pmu.locator("[data-testid=config-v2]").inner_text()
    finally:
        pmu_context.close()
    assert RiskMethodConfig.objects.get(version=2).approved_by == cast.pmu
