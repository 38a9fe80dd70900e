"""From the chosen scenario of 15.07 to the annual MPS table (issue 7 acceptance).

The Pokja Kab/Kota generates the Lampiran 4 rows, moves one to the Daftar Tunggu; the
Pokja Provinsi records a provincial commitment; the MPS table of a year shows both.
The chosen scenario is replaced by cost lines built here, so the journey does not depend
on the scenarios app (issue 6).
"""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.audit.models import AuditEvent
from ppsp.mps.models import FundingCommitment, ProgrammeRow
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in
from tests.mps.support import FIRST_YEAR, cost_lines

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_goes_from_the_chosen_scenario_to_the_mps_table(
    live_server: Any,
    cast: Cast,
    page: Any,
    screenshot: Any,
    browser: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ppsp.mps.selectors.scenario_cost_lines", lambda region: cost_lines())
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/mps/15.07/")
    with page.expect_navigation():
        page.locator("[data-testid=generate]").click()
    assert "TPS3R Zona 2" in page.locator("[data-testid=rows-prioritas]").inner_text()
    assert page.locator("[data-testid=tabel51-ok]").is_visible()

    drainase = ProgrammeRow.objects.get(plan__region__code="15.07", subsector="drainase")
    form = page.locator(f"[data-testid=row-{drainase.pk}] form")
    form.locator("[name=reason]").fill("belum ada lahan")
    with page.expect_navigation():
        page.locator(f"[data-testid=move-{drainase.pk}]").click()
    waiting = page.locator("[data-testid=rows-daftar-tunggu]").inner_text()
    assert "DED drainase kota" in waiting
    screenshot("mps-daftar-tunggu")

    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    province = context.new_page()
    log_in(province, base, cast.pokja_provinsi.username, PASSWORD)
    tps = ProgrammeRow.objects.get(plan__region__code="15.07", subsector="persampahan")
    province.goto(f"{base}/mps/15.07/")
    row = province.locator(f"[data-testid=row-{tps.pk}]")
    row.locator("summary").click()
    commit = province.locator(f"[data-testid=commit-form-{tps.pk}]")
    commit.locator("[name=year]").fill(str(FIRST_YEAR + 1))
    commit.locator("[name=amount]").fill("100000000")
    commit.locator("[name=evidence]").fill("Surat Pokja Provinsi 050/123")
    with province.expect_navigation():
        commit.locator("button[type=submit]").click()
    assert "Pokja Provinsi" in province.locator(f"[data-testid=row-{tps.pk}]").inner_text()
    commitment = FundingCommitment.objects.get(row=tps)
    assert commitment.party == "pokja_provinsi" and commitment.amount == 100_000_000

    with province.expect_navigation():
        province.locator(f"[data-testid=mps-year-{FIRST_YEAR + 1}]").click()
    table = province.locator("[data-testid=mps-table]").inner_text()
    assert "TPS3R Zona 2" in table and "100.000.000" in table.replace(",", ".")
    assert "DED drainase kota" not in table
    per_source = province.locator("[data-testid=mps-per-source]").inner_text()
    assert "APBN" in per_source
    province.screenshot(path=str(_artifact("mps-table")), full_page=True)
    context.close()
    assert AuditEvent.objects.filter(
        object_type="mps.programmerow", action="transition", reason="belum ada lahan"
    ).exists()


def _artifact(name: str) -> Any:
    from tests.functional.conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"
