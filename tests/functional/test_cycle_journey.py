"""A CF completes Proses 1 of the 15.07 update cycle; the PMU overview reflects it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD, Cast
from tests.cycles.support import cycle, ensure_seed
from tests.functional.conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def _submit(page: Any, testid: str, fields: dict[str, str]) -> None:
    form = page.locator(f"[data-testid={testid}]")
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def test_it_lets_a_cf_complete_proses1_and_shows_it_to_the_pmu(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, browser: Any
) -> None:
    ensure_seed()
    opened = cycle("15.07", 2026)
    base = live_server.url
    log_in(page, base, cast.cf.username, PASSWORD)

    page.goto(f"{base}/pemutakhiran/15.07/")
    page.locator("[data-testid=cycle-link]").first.click()
    page.wait_for_url(f"{base}/pemutakhiran/siklus/{opened.pk}/")
    page.locator("[data-testid=process-link-1]").click()
    assert (
        "Internalisasi dan penyamaan persepsi"
        in page.locator("[data-testid=process-title]").inner_text()
    )

    with page.expect_navigation():
        page.locator("[data-testid=action-mulai]").click()
    assert page.locator("[data-testid=process-state]").inner_text() == "berjalan"

    _submit(page, "sk-form", {"number": "188.45/KEP.12/2026", "date": "2026-01-20"})
    assert "188.45/KEP.12/2026" in page.locator("[data-testid=sk-pokja]").inner_text()
    _submit(
        page,
        "activity-form",
        {
            "activity": "Rapat internalisasi pemutakhiran SSK",
            "responsible_opd": "Bappeda",
            "start_date": "2026-02-01",
            "end_date": "2026-02-28",
        },
    )
    _submit(
        page,
        "meeting-form",
        {
            "held_on": "2026-02-10",
            "title": "Penyamaan persepsi Pokja",
            "attendees_male": "14",
            "attendees_female": "9",
            "agreements": "SSK 2016–2020 dimutakhirkan pada tahun anggaran 2026.",
        },
    )
    assert "Penyamaan persepsi Pokja" in page.locator("[data-testid=meetings]").inner_text()

    for checkbox in page.locator("input[name=done]").all():
        checkbox.check()
    with page.expect_navigation():
        page.locator("[data-testid=save-steps]").click()
    assert page.locator("[data-testid=gate-problems]").count() == 0

    with page.expect_navigation():
        page.locator("[data-testid=action-ajukan]").click()
    assert page.locator("[data-testid=process-state]").inner_text() == "menunggu verifikasi"
    with page.expect_navigation():
        page.locator("[data-testid=action-setujui]").click()
    assert page.locator("[data-testid=process-state]").inner_text() == "selesai"
    screenshot("cycle-proses1")

    pmu_context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    pmu_page = pmu_context.new_page()
    try:
        log_in(pmu_page, base, cast.pmu.username, PASSWORD)
        pmu_page.goto(f"{base}/pemutakhiran/")
        assert pmu_page.locator("[data-testid=done-1]").inner_text() == "1"
        state = pmu_page.locator("[data-testid='cycle-15.07-p1']").inner_text()
        assert "selesai" in state
        # The national dashboard counts the finished Proses 1 too.
        pmu_page.goto(f"{base}/program/nasional/")
        assert pmu_page.locator("[data-testid=cycle-done-1]").inner_text() == "1"
        ARTIFACTS.mkdir(exist_ok=True)
        pmu_page.screenshot(
            path=str(ARTIFACTS / "national-dashboard-after-proses1.png"), full_page=True
        )
    finally:
        pmu_context.close()
