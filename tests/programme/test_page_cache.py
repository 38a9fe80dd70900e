"""Issue 21 item 11: the programme dashboards and the kab/kota page are rendered once per
data stamp and shared (ppsp.programme.page_cache), with each user's own name, id and CSRF
token, language, menu and messages; a user who sees only part of an area never gets the
shared page. Speed is measured by bench/programme_load.py, never asserted here."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import caches
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from ppsp.accounts.models import Role, User
from ppsp.accounts.services import role_assignment_create, user_create
from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.programme import page_cache
from ppsp.programme.views import dashboard
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.programme.test_dashboard import build_history, kabkota_codes

pytestmark = pytest.mark.django_db

SLOTS = (page_cache.CSRF_SLOT, page_cache.USER_SLOT, page_cache.PK_SLOT)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    caches["local"].clear()


def _person(username: str, role: str, code: str | None) -> User:
    user = user_create(username=username, password="kata-sandi-uji-1", full_name=username)
    region = Region.objects.get(code=code) if code else None
    role_assignment_create(user=user, role=role, region=region, valid_from=dt.date(2020, 1, 1))
    return user


def _page(user: User, url: str, *, language: str = "") -> tuple[Client, str]:
    client = Client()
    client.force_login(user)
    if language:
        client.post(reverse("set_language"), {"language": language, "next": "/"})
    response = client.get(url)
    assert response.status_code == 200
    return client, response.content.decode()


def _token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize("url", ["/program/nasional/", "/program/provinsi/15/", "/program/15.07/"])
def test_it_shares_a_page_with_each_users_own_name_id_and_token(cast: Cast, url: str) -> None:
    build_history(kabkota_codes()[:3])
    other = _person("pmu.kedua", Role.PMU, None)
    first = _page(cast.pmu, url)[1]
    second = _page(other, url)[1]
    for user, html in ((cast.pmu, first), (other, second)):
        assert not any(slot in html for slot in SLOTS)
        assert f'data-user="{user.pk}"' in html
        assert f'data-testid="current-user">{user}</a>' in html
    assert _token(first) != _token(second)
    assert "pmu.kedua" not in first and f'data-user="{cast.pmu.pk}"' not in second
    # the staff user's menu is not shared with the other user, nor the other way round
    admin_link = 'href="/admin/"'
    assert admin_link in first and admin_link not in second
    assert admin_link in _page(cast.pmu, url)[1]


def test_it_escapes_the_users_name_put_into_the_shared_page(cast: Cast) -> None:
    other = _person("pmu.ketiga", Role.PMU, None)
    other.full_name = '<b onclick="x">Budi & Ani</b>'
    other.save()
    _page(cast.pmu, "/program/nasional/")
    html = _page(other, "/program/nasional/")[1]
    assert "&lt;b onclick=&quot;x&quot;&gt;Budi &amp; Ani&lt;/b&gt;" in html
    assert '<b onclick="x">' not in html


def test_it_keeps_a_page_per_language(cast: Cast) -> None:
    _page(cast.pmu, "/program/nasional/")
    english = _page(cast.pmu, "/program/nasional/", language="en")[1]
    assert '<html lang="en">' in english and ">Home</a>" in english
    indonesian = _page(cast.pmu, "/program/nasional/")[1]
    assert '<html lang="id">' in indonesian and ">Beranda</a>" in indonesian


def test_it_never_gives_the_shared_page_to_a_user_who_sees_part_of_the_area(
    cast: Cast,
) -> None:
    build_history(kabkota_codes())
    _page(cast.pmu, "/program/provinsi/15/")  # the whole province: shared and cached
    # a kab/kota facilitator reaches the kab/kota only; the province page stays closed
    client = Client()
    client.force_login(cast.cf)
    assert client.get("/program/provinsi/15/").status_code == 404
    # a PF of province 15 covers the whole province: the shared page, with their own name
    html = _page(cast.pf, "/program/provinsi/15/")[1]
    assert f'data-user="{cast.pf.pk}"' in html


def test_it_renews_the_kabkota_page_when_the_kabkota_is_audited(cast: Cast) -> None:
    build_history(["15.07"])
    _page(cast.pmu, "/program/15.07/")
    cached = _kabkota_pages()
    assert cached
    region = Region.objects.get(code="15.07")
    audit_record(
        actor=cast.pmu, obj=region, action=Action.UPDATE, reason="uji", region_code="15.07"
    )
    _page(cast.pmu, "/program/15.07/")
    assert len(_kabkota_pages()) == len(cached) + 1  # a new stamp, so a new page


def _kabkota_pages() -> list[str]:
    store = caches["local"]._cache  # type: ignore[attr-defined]
    return [key for key in store if "programme-page:kabkota:15.07:" in key]


def _with_message(user: User, path: str) -> HttpResponse:
    request = RequestFactory().get(path)
    SessionMiddleware(lambda r: HttpResponse()).process_request(request)
    MessageMiddleware(lambda r: HttpResponse()).process_request(request)
    request.user = user
    messages.success(request, "Pesan uji tersimpan.")
    return dashboard.national(request)


def test_it_renders_a_page_with_waiting_messages_for_the_request_only(cast: Cast) -> None:
    _page(cast.pmu, "/program/nasional/")  # a shared page exists
    html = _with_message(cast.pmu, "/program/nasional/").content.decode()
    assert "Pesan uji tersimpan." in html
    assert not any(slot in html for slot in SLOTS)
    # the message page is not what others get
    assert "Pesan uji tersimpan." not in _page(cast.pmu, "/program/nasional/")[1]
