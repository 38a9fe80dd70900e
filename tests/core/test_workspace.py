"""The planning workspace: every PPSP page of a kab/kota reachable from its home and region page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.core.workspace import workspace_links
from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def _hrefs(client: Client, url: str) -> set[str]:
    html = client.get(url).content.decode()
    start = html.find('data-testid="workspace"')
    if start < 0:
        return set()
    section = html[start : html.find("</section>", start)]
    return {part.split('"', 1)[0] for part in section.split('href="')[1:]}


def test_it_puts_the_workspace_on_the_home_page_of_a_kabkota_pokja(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    hrefs = _hrefs(client, reverse("core:home"))
    assert reverse("ehra:kabkota", args=["15.07"]) in hrefs
    assert reverse("scenarios:kabkota", args=["15.07"]) in hrefs
    assert reverse("mps:kabkota", args=["15.07"]) in hrefs
    assert reverse("consultation:kabkota", args=["15.07"]) in hrefs


def test_it_leaves_out_what_the_role_may_not_open(cast: Cast) -> None:
    cf_links = {link.url for link in workspace_links(cast.cf, "15.07")}
    assert reverse("consultation:kabkota", args=["15.07"]) not in cf_links  # Pokja moderates
    assert reverse("mps:kabkota", args=["15.07"]) in cf_links
    assert workspace_links(cast.pokja_kabkota, "15.71") == []  # another kab/kota: nothing


def test_it_shows_the_workspace_on_a_kabkota_page_only(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_provinsi)
    assert _hrefs(client, reverse("regions:detail", args=["15.07"]))
    assert not _hrefs(client, reverse("regions:detail", args=["15"]))
    assert not _hrefs(client, reverse("core:home"))  # a province: choose a kab/kota first


@pytest.mark.parametrize("role", ["pokja_kabkota", "cf", "pokja_provinsi", "pmu"])
def test_it_links_only_to_pages_that_open(cast: Cast, role: str) -> None:
    client = Client()
    user = getattr(cast, role)
    client.force_login(user)
    for link in workspace_links(user, "15.07"):
        response = client.get(link.url, follow=True)
        assert response.status_code == 200, (role, link.url)
