"""The Pokja of 15.07 builds two scenarios, compares Tabel 5.1, optimises and chooses one."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.regions.models import Region
from ppsp.scenarios.models import Scenario
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in
from tests.scenarios.planning_support import capacity_in, unit_costs

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def _fill(page: Any, testid: str, fields: dict[str, str], selects: dict[str, str]) -> None:
    form = page.locator(f"[data-testid={testid}]")
    for name, label in selects.items():
        form.locator(f"select[name={name}]").select_option(label=label)
    for name, value in fields.items():
        form.locator(f"[name={name}]").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def _new_scenario(page: Any, base: str, name: str) -> None:
    page.goto(f"{base}/skenario/15.07/2026/")
    _fill(page, "scenario-form", {"name": name, "indeks_upah": "1.05"}, {})
    assert name in page.locator("[data-testid=scenario-title]").inner_text()


def _zone(page: Any, zone: str, target: str) -> None:
    _fill(
        page,
        "zone-form",
        {
            "zone": zone,
            "population": "48000",
            "growth_pct": "1.6",
            "baseline_pct": "45",
            "target_pct": target,
            "priority": "1",
        },
        {"unit_cost": "Tangki septik individual / unit", "risk_class": "4"},
    )


def _line(page: Any, description: str, amount_2027: str, priority: str) -> None:
    _fill(
        page,
        "line-form",
        {
            "zone": "Kab/kota",
            "description": description,
            "people_served": "20000",
            "priority": priority,
            "a2027": amount_2027,
        },
        {"subsector": "Persampahan", "kegiatan_type": "Konstruksi & supervisi"},
    )


def _sees_tabel51_and_chart(page: Any) -> None:
    table = page.locator("[data-testid=tabel51]").inner_text()
    assert "Jumlah (a)" in table and "Gap 2 (a − c)" in table
    chart = page.locator("[data-testid=tabel51-chart]")
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "document.querySelector('[data-testid=tabel51-chart]').dataset.drawn === '1'"
    )


def test_it_builds_two_scenarios_optimises_and_chooses_one(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    capacity_in("15.07")  # PT-03 realisation, plan years and komitmen (c)
    unit_costs()
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)

    _new_scenario(page, base, "Akses universal")
    _zone(page, "Zona 1 Muara Sabak", "95")
    _line(page, "TPA regional dan armada", "20000000000", "3")
    _sees_tabel51_and_chart(page)
    screenshot("scenario-akses-universal")

    _new_scenario(page, base, "Sesuai kemampuan")
    _zone(page, "Zona 1 Muara Sabak", "70")
    _line(page, "Gerobak motor dan TPS", "900000000", "2")
    _sees_tabel51_and_chart(page)

    with page.expect_navigation():
        page.locator("[data-testid=optimise]").click()
    assert "nilai manfaat" in page.locator("[data-testid=run-summary]").inner_text()
    assert page.locator("[data-testid=job-status]").inner_text() == "selesai"  # background task
    assert page.locator("[data-testid=chosen-table] tbody tr").count() >= 3

    page.goto(f"{base}/skenario/15.07/2026/")
    page.locator("[data-testid=scenario-link]", has_text="Akses universal").click()
    page.wait_for_selector("[data-testid=optimise]")
    with page.expect_navigation():
        page.locator("[data-testid=optimise]").click()
    waiting = page.locator("[data-testid=daftar-tunggu]").inner_text()
    assert "TPA regional dan armada" in waiting
    assert "Melebihi sisa anggaran APBD Kabupaten/Kota tahun 2027" in waiting
    screenshot("scenario-daftar-tunggu")

    page.goto(f"{base}/skenario/15.07/2026/")
    page.locator("[data-testid=scenario-link]", has_text="Sesuai kemampuan").click()
    page.wait_for_selector("[data-testid=choose-form]")
    _fill(page, "choose-form", {"justification": "Dalam batas komitmen APBD."}, {})
    assert page.locator("h1 [data-testid=chosen-badge]").count() == 1

    page.goto(f"{base}/skenario/15.07/2026/")
    compare = page.locator("[data-testid=compare-table]").inner_text()
    assert "Akses universal" in compare and "Sesuai kemampuan" in compare
    assert page.locator("[data-testid=compare-table] [data-testid=chosen-badge]").count() == 1
    page.wait_for_function(
        "document.querySelectorAll('canvas[data-tabel51][data-drawn=\"1\"]').length === 2"
    )
    screenshot("scenario-compare")
    chosen = Scenario.objects.get(region=Region.objects.get(code="15.07"), chosen=True)
    assert chosen.name == "Sesuai kemampuan" and chosen.justification

    page.locator("[data-testid=vision-link]").click()
    page.wait_for_selector("[data-testid=vision-form]")
    _fill(
        page,
        "vision-form",
        {
            "visi_sanitasi": "Sanitasi layak dan aman untuk semua",
            "misi_air_limbah": "Meningkatkan akses air limbah domestik",
            "tujuan_air_limbah": "Akses layak 100%",
        },
        {},
    )
    assert "Sanitasi layak dan aman" in page.locator("[data-testid=visi-sanitasi]").inner_text()
    assert "Belum ada sasaran" in page.locator("[data-testid=target-warnings]").inner_text()
    screenshot("scenario-visi-sasaran")
