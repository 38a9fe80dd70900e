"""Issue 7 acceptance in a real browser with the REAL chosen scenario of 15.07 (the
ppsp.scenarios demo, nothing patched): generate rows, move one to the Daftar Tunggu,
record a provincial commitment, produce the MPS table; then re-check against the scenario.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps import apps

from ppsp.audit.models import AuditEvent
from ppsp.demo.scenarios import load_scenarios_demo
from ppsp.mps.models import FundingCommitment, Plan, ProgrammeRow
from ppsp.scenarios.models import UnitCostTable
from ppsp.scenarios.seed import seed_unit_costs
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import ARTIFACTS, log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_goes_from_the_live_chosen_scenario_to_the_mps_table(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, browser: Any
) -> None:
    if not UnitCostTable.objects.exists():  # seeded by a migration, flushed by other
        seed_unit_costs(apps)  # transactional tests
    load_scenarios_demo(io.StringIO())
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/mps/15.07/")
    with page.expect_navigation():
        page.locator("[data-testid=generate]").click()
    assert page.locator("[data-testid=tabel51-ok]").is_visible()
    plan = Plan.objects.get(region__code="15.07")
    rows = list(plan.rows.order_by("priority", "pk"))
    assert rows and all(r.origin.startswith("skenario:") for r in rows)

    waiting = rows[-1]
    form = page.locator(f"form:has([data-testid=move-{waiting.pk}])")
    form.locator("[name=reason]").fill("lahan belum siap")
    with page.expect_navigation():
        page.locator(f"[data-testid=move-{waiting.pk}]").click()
    assert waiting.kegiatan in page.locator("[data-testid=rows-daftar-tunggu]").inner_text()
    screenshot("mps-live-daftar-tunggu")

    year = plan.first_year + 1
    funded = next(r for r in rows if r.pk != waiting.pk and r.amounts[1] > 0)
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    province = context.new_page()
    log_in(province, base, cast.pokja_provinsi.username, PASSWORD)
    province.goto(f"{base}/mps/15.07/")
    province.locator(f"[data-testid=row-{funded.pk}] summary").click()
    commit = province.locator(f"[data-testid=commit-form-{funded.pk}]")
    commit.locator("[name=year]").fill(str(year))
    commit.locator("[name=amount]").fill("150000000")
    commit.locator("[name=evidence]").fill("Surat Pokja Provinsi 050/321")
    with province.expect_navigation():
        commit.locator("button[type=submit]").click()
    commitment = FundingCommitment.objects.get(row=funded)
    assert commitment.party == "pokja_provinsi" and commitment.amount == 150_000_000

    # SSK row -> MPS year (and back): the row's MPS link opens the table at that line
    with province.expect_navigation():
        province.locator(f"[data-testid=mps-links-{funded.pk}] a", has_text=str(year)).click()
    table = province.locator("[data-testid=mps-table]").inner_text()
    assert funded.kegiatan in table and "150.000.000" in table.replace(",", ".")
    if waiting.amounts[1]:
        assert f"#{waiting.pk} " not in table
    assert province.locator(f"[data-testid=mps-row-{funded.pk}]").is_visible()
    province.screenshot(path=str(ARTIFACTS / "mps-live-table.png"), full_page=True)
    with province.expect_navigation():
        province.locator(f"[data-testid=mps-row-{funded.pk}] a").first.click()
    assert province.url.endswith(f"#baris-{funded.pk}")
    context.close()

    page.goto(f"{base}/mps/15.07/")
    with page.expect_navigation():
        page.locator("[data-testid=scenario-check]").click()
    assert page.locator("[data-testid=scenario-in-step]").is_visible()
    screenshot("mps-live-scenario-check")
    assert AuditEvent.objects.filter(
        object_type="mps.programmerow", action="transition", reason="lahan belum siap"
    ).exists()
    assert ProgrammeRow.objects.get(pk=waiting.pk).status == "daftar_tunggu"
