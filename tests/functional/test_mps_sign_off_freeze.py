"""Issue 16: signing the MPS of a year in the browser freezes it; the page shows the hash
and a later edit of the signed row is refused with the freeze message."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.core.models import DataSnapshot
from ppsp.mps.models import ProgrammeRow
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_freezes_the_mps_year_when_it_is_signed(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    plan = plan_in("15.07")
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/mps/rencana/{plan.pk}/mps/{FIRST_YEAR}/")
    assert page.locator("[data-testid=mps-frozen]").count() == 0
    with page.expect_navigation():
        page.locator("[data-testid=sign-pemda]").click()
    snap = DataSnapshot.objects.get(subject_id=plan.pk, year=FIRST_YEAR)
    notice = page.locator("[data-testid=mps-frozen]").inner_text()
    assert "dibekukan" in notice and snap.sha256[:16] in notice
    screenshot("mps-year-frozen")

    row = ProgrammeRow.objects.get(plan=plan, kegiatan="IPAL komunal Zona 1")
    page.goto(f"{base}/mps/baris/{row.pk}/")
    page.fill("[name=amount_1]", "1")
    with page.expect_navigation():
        page.locator("form.card button[type=submit]").first.click()
    assert "sehingga terkunci" in page.content()
    screenshot("mps-year-frozen-refusal")
    assert ProgrammeRow.objects.get(pk=row.pk).amount_1 == 300_000_000
