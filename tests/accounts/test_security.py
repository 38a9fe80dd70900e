"""Accounts in a real deployment: demo password refused outside demo mode, lockout per
address and per username with Retry-After, password reset by e-mail, and the warning about
a reverse proxy that PPSP_TRUSTED_PROXIES does not cover (issue 21 item 10)."""

from __future__ import annotations

import logging
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from ppsp.accounts.services import user_create
from ppsp.audit.models import AuditEvent
from ppsp.core.middleware import UntrustedProxyWarningMiddleware
from ppsp.demo.data import DEMO_PASSWORD
from tests.conftest import PASSWORD, Cast

pytestmark = pytest.mark.django_db
LOGIN = "/akun/masuk/"


def _post_login(client: Client, username: str, password: str, address: str) -> int:
    response = client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)
    return response.status_code


@override_settings(DEMO_MODE=False)
def test_it_refuses_the_demo_password_outside_demo_mode(regions: None) -> None:
    user_create(username="pmu", password=DEMO_PASSWORD)  # left over from a demo database
    response = Client().post(LOGIN, {"username": "pmu", "password": DEMO_PASSWORD})
    assert response.status_code == 200
    assert "tidak berlaku di luar mode demo" in response.content.decode()
    assert AccessAttempt.objects.filter(username="pmu").exists()  # counted as a failure


@override_settings(DEMO_MODE=True)
def test_it_accepts_the_demo_password_in_demo_mode(regions: None) -> None:
    user_create(username="pmu", password=DEMO_PASSWORD)
    response = Client().post(LOGIN, {"username": "pmu", "password": DEMO_PASSWORD})
    assert response.status_code == 302


@override_settings(DEMO_MODE=False)
def test_it_refuses_the_demo_password_in_the_admin_login_too(regions: None) -> None:
    user = user_create(username="pmu", password=DEMO_PASSWORD)
    user.is_staff = True
    user.save()
    response = Client().post(
        "/admin/login/", {"username": "pmu", "password": DEMO_PASSWORD, "next": "/admin/"}
    )
    assert response.status_code == 200  # the admin's form again, not a redirect into it


def test_it_forbids_choosing_the_demo_password() -> None:
    with pytest.raises(ValidationError, match="kata sandi demo"):
        validate_password(DEMO_PASSWORD)


def test_it_locks_one_address_guessing_many_accounts(cast: Cast) -> None:
    client = Client()
    usernames = [f"tebakan{i}" for i in range(8)]
    statuses = [_post_login(client, usernames[i % 8], "salah", "203.0.113.7") for i in range(20)]
    assert statuses[:19] == [200] * 19  # never 5 on one username
    assert statuses[19] == 429  # the 20th failure from the address locks it
    # even the right password of a real account is refused from that address now
    assert _post_login(client, cast.cf.username, PASSWORD, "203.0.113.7") == 429
    # another address is not affected
    assert _post_login(Client(), cast.cf.username, PASSWORD, "198.51.100.9") == 302


def test_it_locks_one_username_guessed_from_many_addresses(cast: Cast) -> None:
    statuses = [
        _post_login(Client(), "pmu.target", "salah", f"192.0.2.{i % 5 + 1}") for i in range(10)
    ]
    assert statuses[:9] == [200] * 9  # at most 2 per address, never 5
    assert statuses[9] == 429  # the 10th failure on the username locks it everywhere
    assert _post_login(Client(), "pmu.target", "salah", "192.0.2.200") == 429


def test_it_answers_a_lockout_with_429_and_retry_after(cast: Cast) -> None:
    client = Client()
    for _ in range(5):
        _post_login(client, cast.cf.username, "salah", "127.0.0.1")
    response = client.post(LOGIN, {"username": cast.cf.username, "password": PASSWORD})
    assert response.status_code == 429
    assert response["Retry-After"] == "900"  # the 15-minute cool-off
    assert "Terlalu banyak percobaan masuk" in response.content.decode()


def test_it_keeps_the_address_count_when_an_attacker_logs_in_with_an_own_account(
    cast: Cast,
) -> None:
    client = Client()
    for i in range(16):
        _post_login(client, f"korban{i % 8}", "salah", "203.0.113.8")
    assert _post_login(Client(), cast.public.username, PASSWORD, "203.0.113.8") == 302
    for i in range(3):
        assert _post_login(client, f"lain{i}", "salah", "203.0.113.8") == 200
    assert _post_login(client, "lain3", "salah", "203.0.113.8") == 429


def test_it_resets_a_password_by_e_mail_and_audits_it(cast: Cast) -> None:
    cast.cf.email = "cf@example.go.id"
    cast.cf.save()
    client = Client()
    page = client.get(LOGIN)
    assert reverse("accounts:password_reset") in page.content.decode()
    response = client.post(reverse("accounts:password_reset"), {"email": "cf@example.go.id"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["cf@example.go.id"]
    assert "kata sandi" in message.subject.lower()
    assert cast.cf.username in message.body
    link = re.search(r"https?://[^/]+(/akun/kata-sandi/atur-ulang/\S+/)", message.body)
    assert link, message.body
    confirm = client.get(link.group(1), follow=True)
    assert confirm.status_code == 200 and "new_password1" in confirm.content.decode()
    done = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": "Sanitasi-Baru-2026!", "new_password2": "Sanitasi-Baru-2026!"},
    )
    assert done.status_code == 302 and done.url == reverse("accounts:password_reset_complete")
    assert _post_login(Client(), cast.cf.username, "Sanitasi-Baru-2026!", "127.0.0.9") == 302
    event = AuditEvent.objects.filter(action="password", object_id=str(cast.cf.pk)).get()
    assert event.actor == cast.cf and event.changes == []
    # the link works once only
    again = client.get(link.group(1), follow=True)
    assert "tidak berlaku lagi" in again.content.decode()


def test_it_does_not_reveal_whether_an_address_is_registered(cast: Cast) -> None:
    response = Client().post(
        reverse("accounts:password_reset"), {"email": "tidak-ada@example.go.id"}
    )
    assert response.status_code == 302 and response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


@override_settings(PASSWORD_RESET_RATE=(3, 3600))
def test_it_limits_password_reset_requests_per_address(cast: Cast) -> None:
    client = Client()
    url = reverse("accounts:password_reset")
    statuses = [
        client.post(url, {"email": f"x{i}@example.go.id"}, REMOTE_ADDR="203.0.113.50").status_code
        for i in range(4)
    ]
    assert statuses == [302, 302, 302, 429]


def test_it_clears_the_lockout_of_a_username_when_its_password_is_reset(cast: Cast) -> None:
    cast.cf.email = "cf@example.go.id"
    cast.cf.save()
    for i in range(10):
        _post_login(Client(), cast.cf.username, "salah", f"192.0.2.{i + 1}")
    assert _post_login(Client(), cast.cf.username, PASSWORD, "192.0.2.99") == 429
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": "cf@example.go.id"})
    link = re.search(r"https?://[^/]+(/akun/kata-sandi/atur-ulang/\S+/)", mail.outbox[0].body)
    assert link
    confirm = client.get(link.group(1), follow=True)
    client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": "Sanitasi-Baru-2026!", "new_password2": "Sanitasi-Baru-2026!"},
    )
    assert _post_login(Client(), cast.cf.username, "Sanitasi-Baru-2026!", "192.0.2.99") == 302


@pytest.mark.parametrize(
    ("trusted", "forwarded", "warns"),
    [(0, "198.51.100.4", True), (1, "198.51.100.4", False), (2, "198.51.100.4", True),
     (0, "", False)],
)  # fmt: skip
def test_it_warns_once_about_a_proxy_that_trusted_proxies_does_not_cover(
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    trusted: int,
    forwarded: str,
    warns: bool,
) -> None:
    monkeypatch.setattr(UntrustedProxyWarningMiddleware, "warned", False)
    middleware = UntrustedProxyWarningMiddleware(lambda request: None)  # type: ignore[arg-type,return-value]
    factory = RequestFactory()
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    with override_settings(TRUSTED_PROXIES=trusted), caplog.at_level(logging.WARNING):
        for _ in range(3):
            middleware(factory.get("/", REMOTE_ADDR="10.0.0.2", **extra))
    warnings = [r for r in caplog.records if "PPSP_TRUSTED_PROXIES" in r.getMessage()]
    assert len(warnings) == (1 if warns else 0)


def test_it_shows_the_password_reset_pages_in_english_when_chosen(regions: None) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    page = client.get(reverse("accounts:password_reset")).content.decode()
    assert "Forgot password" in page and "Send link" in page
