"""The main menu is rendered once per process and language (and staff flag): a cached copy
never shows the admin link to a non-staff user, nor Indonesian labels to an English page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import Cast

pytestmark = pytest.mark.django_db


def _menu(client: Client) -> str:
    page = client.get("/").content.decode()
    return page[page.index("<nav") : page.index("</nav>")]


def test_it_keeps_the_admin_link_for_staff_after_caching_the_menu(cast: Cast) -> None:
    staff, other = Client(), Client()
    staff.force_login(cast.pmu)
    other.force_login(cast.cf)
    for _ in range(2):  # the second round is served from the cached menu
        assert reverse("admin:index") in _menu(staff)
        assert reverse("admin:index") not in _menu(other)


def test_it_caches_the_menu_per_language(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    assert "Beranda" in _menu(client)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    english = _menu(client)
    assert "Beranda" not in english and "Home" in english
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Beranda" in _menu(client)
