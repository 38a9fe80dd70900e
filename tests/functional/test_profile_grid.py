"""The Pokja secretary edits one Form 2 cell inline (htmx) and downloads the XLSX."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.profiles.models import DesaProfile
from ppsp.regions.models import Level, Population, Region
from tests.conftest import OWN_DESA, PASSWORD, Cast
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_edits_one_cell_and_exports_the_grid(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    desa = Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=900 + 53 * i, kk=250) for i, d in enumerate(desa)
    )
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/profil/15.07/?tahun=2025")
    row = page.locator(f"[data-testid='row-{OWN_DESA}']")
    row.locator("[data-testid=edit]").click()
    row.locator("[data-testid=cell-luas_terbangun]").fill("12,5")
    row.locator("[data-testid=cell-luas_administratif]").fill("100")
    row.locator("[data-testid=save]").click()
    netto = row.locator("[data-testid=show-kepadatan_netto]")
    netto.wait_for()
    penduduk = Population.objects.get(region__code=OWN_DESA, year=2025).penduduk
    assert netto.inner_text() == f"{penduduk / 12.5:.1f}".replace(".", ",")
    screenshot("profile_grid_edited")
    profile = DesaProfile.objects.get(desa__code=OWN_DESA, year=2025)
    assert profile.luas_terbangun == 12.5
    assert AuditEvent.objects.filter(object_type="profiles.desaprofile").count() == 1

    with page.expect_download() as download_info:
        page.locator("[data-testid=export]").click()
    sheet = load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes())).active
    assert sheet is not None
    own = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[2] == OWN_DESA)
    assert own[4] == 12.5 and own[6] == penduduk


def test_it_shows_the_kemajuan_table(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    from ppsp.demo.profiles import load_profiles_demo

    desa = Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=900 + 53 * i, kk=250) for i, d in enumerate(desa)
    )
    load_profiles_demo(io.StringIO())
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/profil/15.07/kemajuan/")
    assert page.locator("[data-testid=kemajuan-row]").count() == 6
    statuses = page.locator("[data-testid=status]").all_inner_texts()
    assert any(s in {"tercapai", "sebagian", "belum"} for s in statuses)
    screenshot("profile_kemajuan")
