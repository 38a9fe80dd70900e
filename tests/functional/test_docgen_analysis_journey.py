"""Drafted analysis in the browser: the Pokja rewrites a drafted paragraph, the data under
it changes, and the editor and the completeness overview flag the paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F

from ppsp.regions.models import Population
from tests.conftest import PASSWORD, Cast
from tests.docgen.support import demo_ssk_version, load_all_demo
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]

FLAG = "Data berubah sejak paragraf ini disunting"


def test_the_pokja_edits_a_drafted_paragraph_and_sees_the_data_change_flag(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    load_all_demo()
    version = demo_ssk_version()
    page.set_default_timeout(60_000)
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/susun-dokumen/versi/{version.pk}/narasi/2.1/")
    box = page.locator("textarea[name='p-profil.penduduk']")
    assert box.input_value().startswith("Pada tahun 2025, penduduk Kabupaten Tanjung Jabung")
    box.fill("Penduduk terpusat di Muara Sabak menurut catatan Pokja.")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"{base}/susun-dokumen/versi/{version.pk}/")
    assert FLAG not in page.content()

    Population.objects.filter(region__kabkota_code="15.07", year=2025).update(
        penduduk=F("penduduk") + 100
    )
    page.reload()
    assert page.locator("[data-testid='stale-2.1']").is_visible()
    screenshot("docgen-analysis-version")
    page.goto(f"{base}/susun-dokumen/versi/{version.pk}/narasi/2.1/")
    assert page.locator("[data-testid='stale-profil.penduduk']").is_visible()
    assert "catatan Pokja" in page.locator("textarea[name='p-profil.penduduk']").input_value()
    screenshot("docgen-analysis-paragraph")
