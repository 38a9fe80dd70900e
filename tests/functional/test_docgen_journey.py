"""Document generator in the browser: the Pokja opens an SSK version, writes a narrative,
clicks "Buat dokumen" and downloads the PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORD, Cast
from tests.cycles.support import ssk
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_the_pokja_builds_and_downloads_an_ssk(
    live_server: Any, cast: Cast, page: Any, screenshot: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    page.set_default_timeout(60_000)  # the shared machine is slow under load
    version = ssk("15.07").versions.get()
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/dokumen/versi/{version.pk}/")
    page.click("[data-testid=docgen-link]")
    page.click("[data-testid='section-1.1'] a")
    page.fill("#id_text", "Latar belakang SSK {kabkota} periode {periode}.")  # own text box
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"{base}/susun-dokumen/versi/{version.pk}/")
    assert "Narasi tersimpan" in page.content()
    page.select_option("#fmt", "pdf")
    page.click("[data-testid=render-button]")
    link = page.locator("[data-testid=download-pdf]").first
    link.wait_for(timeout=60_000)
    screenshot("docgen-version")
    with page.expect_download() as info:
        link.click()
    target = tmp_path / "ssk.pdf"
    info.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
