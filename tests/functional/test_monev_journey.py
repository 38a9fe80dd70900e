"""Issue 10 acceptance: a Pokja enters realisation for 15.07, the CF approves, the refresh
task runs, and the national ranking and the provincial dashboard show the update."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.monev.models import KabkotaScore, Report, ReportStatus
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import ARTIFACTS, log_in
from tests.monev.support import YEAR, plan_with_sasaran, sasaran

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_goes_from_realisation_entry_to_the_national_ranking(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, browser: Any
) -> None:
    plan = plan_with_sasaran("15.07")
    base = live_server.url
    pmu_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    pmu = pmu_context.new_page()
    log_in(pmu, base, cast.pmu.username, PASSWORD)
    pmu.goto(f"{base}/monev/peringkat/{YEAR}/")
    assert pmu.locator("[data-testid=score-15\\.07]").count() == 0

    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/monev/15.07/{YEAR}/")
    rows = list(plan.rows.order_by("subsector", "source", "priority", "pk"))
    for n, row in enumerate(rows):
        line = page.locator(f"[data-testid=row-{row.pk}]")
        if n == len(rows) - 1:  # one row without data yet: typed "not available" + reason
            line.locator(f"[name=r{row.pk}-na_code]").select_option("belum_tersedia")
            line.locator(f"[name=r{row.pk}-na_reason]").fill("SP2D belum terbit")
            continue
        line.locator(f"[name=r{row.pk}-budget]").fill("150000000")
        line.locator(f"[name=r{row.pk}-output]").fill("1")
        line.locator(f"[name=r{row.pk}-work_status]").select_option("selesai")
    node = sasaran(plan)
    page.locator(f"[name=i{node.pk}-value]").fill("47.5")
    page.locator(f"[name=i{node.pk}-source]").select_option("ehra")
    with page.expect_navigation():
        page.locator("[data-testid=save]").click()
    assert "Tersimpan" in page.locator(".messages").inner_text()
    with page.expect_navigation():
        page.locator("[data-testid=submit]").click()
    assert page.locator("[data-testid=status]").inner_text() == "Diajukan"
    screenshot("monev-pokja-submitted")

    cf_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    cf = cf_context.new_page()
    log_in(cf, base, cast.cf.username, PASSWORD)
    cf.goto(f"{base}/monev/15.07/{YEAR}/")
    cf.locator("[name=comment]").fill("Sesuai SP2D dan BA serah terima")
    with cf.expect_navigation():
        cf.locator("[data-testid=approve]").click()
    assert cf.locator("[data-testid=status]").inner_text() == "Disetujui"
    cf.screenshot(path=str(ARTIFACTS / "monev-cf-approved.png"), full_page=True)
    assert Report.objects.get(region__code="15.07", year=YEAR).status == ReportStatus.APPROVED
    assert KabkotaScore.objects.filter(region__code="15.07", year=YEAR).exists()  # task ran

    pmu.goto(f"{base}/monev/peringkat/{YEAR}/")
    row = pmu.locator("[data-testid=score-15\\.07]")
    assert row.is_visible()
    assert "Belum" not in pmu.locator("[data-testid=computed-at]").inner_text()
    assert "skor = 100" in pmu.locator("[data-testid=formula]").inner_text()
    pmu.screenshot(path=str(ARTIFACTS / "monev-ranking.png"), full_page=True)

    province_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    province = province_context.new_page()
    log_in(province, base, cast.pokja_provinsi.username, PASSWORD)
    province.goto(f"{base}/monev/provinsi/15/{YEAR}/")
    assert province.locator("[data-testid=approved]").inner_text().startswith("1 /")
    assert "Air limbah" in province.locator("[data-testid=access]").inner_text()
    province.screenshot(path=str(ARTIFACTS / "monev-province.png"), full_page=True)
    for context in (pmu_context, cf_context, province_context):
        context.close()
