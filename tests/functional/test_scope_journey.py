"""A Pokja member of 15.07 logs in and sees only their own kab/kota."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import OTHER_KABKOTA_DESA, PASSWORD, Cast
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_shows_a_pokja_member_only_their_kabkota(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)

    scope_cards = page.locator("[data-testid=scope-region]")
    assert scope_cards.count() == 1
    assert "Tanjung Jabung Timur" in scope_cards.first.inner_text()

    scope_cards.first.click()
    page.wait_for_url(f"{base}/wilayah/15.07/")
    assert "Tanjung Jabung Timur" in page.locator("[data-testid=region-title]").inner_text()
    assert page.locator("[data-testid=children] tbody tr").count() == 11  # its 11 kecamatan

    # The region search only finds places inside the scope: "Jambi" matches Kota Jambi
    # and Provinsi Jambi nationally, but nothing a 15.07 member may open.
    page.fill("#region-q", "Sabak")
    page.wait_for_selector("[data-testid=search-results] li a")
    results = page.locator("[data-testid=search-results]").inner_text()
    assert "Muara Sabak" in results
    page.fill("#region-q", "Kota Jambi")
    page.wait_for_selector("[data-testid=search-results] li.muted")
    screenshot("pokja-15.07-home")

    response = page.goto(f"{base}/wilayah/{OTHER_KABKOTA_DESA[:5]}/")
    assert response is not None and response.status == 404
    assert "di luar wilayah kerja" in page.content()
    screenshot("pokja-15.07-other-kabkota-404")
