"""Pokja imports an STBM export for 15.07 (preview, then import), downloads a CSV export and
takes the derived access % into the monev realisation with one click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ppsp.exchange.models import SectorFigure
from ppsp.monev.models import IndicatorRealisation
from tests.conftest import PASSWORD, Cast
from tests.functional.conftest import log_in
from tests.monev.support import YEAR, plan_with_sasaran, sasaran

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "exchange" / "stbm_desa_2024.csv"


def test_it_imports_stbm_and_exports_data(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.click("text=Ekspor data")
    page.select_option("#id_table", "angka_sektor")
    page.fill("#id_region", "15.07")
    screenshot("exchange-export")
    page.click("text=Tanjung Jabung Timur")
    page.select_option("#id_system", "stbm")
    page.set_input_files("#id_file", str(SAMPLE))
    page.click("text=Unggah dan pratinjau")
    page.wait_for_selector("[data-testid=batch-status]")
    screenshot("exchange-preview")
    assert not SectorFigure.objects.exists()
    page.click("text=Impor sekarang")
    page.wait_for_selector("[data-testid=batch-result]")
    screenshot("exchange-imported")
    assert SectorFigure.objects.count() == 12
    page.goto(f"{base}/pertukaran/ekspor/")
    page.select_option("#id_table", "angka_sektor")
    page.fill("#id_region", "15.07")
    with page.expect_download() as info:
        page.click("button:has-text('Ekspor')")
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert text.count("\n") == 13 and "stbm_odf" in text

    node = sasaran(plan_with_sasaran("15.07"))
    page.goto(f"{base}/monev/15.07/{YEAR}/")
    assert "STBM 2024" in page.locator(f"[data-testid=offered-i{node.pk}]").inner_text()
    with page.expect_navigation():
        page.locator(f"[data-testid=use-i{node.pk}]").click()
    assert "Tersimpan" in page.locator(".messages").inner_text()
    screenshot("exchange-monev-offer-used")
    saved = IndicatorRealisation.objects.get(node=node)
    assert (str(saved.value), saved.source_note) == ("94.88", "STBM 2024")
