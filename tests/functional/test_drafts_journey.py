"""Typed narrative survives an expired session (issue 21 item 10): the Pokja writes in the
narrative editor, the session ends (logged out in another tab), "Simpan" leads to the login
page; after logging in the editor shows the text again with a notice, and saving it clears
the draft."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD, Cast
from tests.cycles.support import ssk

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]
TEXT = "Latar belakang SSK {kabkota}: paragraf panjang yang diketik sebelum sesi habis."


def _log_in(page: Any, username: str) -> None:
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form[data-login] button[type=submit]")


def test_typed_narrative_survives_a_logout_and_login(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    page.set_default_timeout(60_000)  # the shared machine is slow under load
    version = ssk("15.07").versions.get()
    base = live_server.url
    editor = f"{base}/susun-dokumen/versi/{version.pk}/narasi/1.1/"
    page.goto(f"{base}/akun/masuk/?next=/susun-dokumen/versi/{version.pk}/narasi/1.1/")
    _log_in(page, cast.pokja_kabkota.username)
    page.wait_for_url(editor)
    page.fill("textarea[name=text]", TEXT)
    page.wait_for_timeout(600)  # the draft is saved shortly after typing stops

    # the session ends elsewhere: log out in a second tab of the same browser
    other = page.context.new_page()
    other.goto(f"{base}/akun/")
    other.click("header form button[type=submit]")
    other.wait_for_url(f"{base}/akun/masuk/")
    other.close()

    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(lambda url: "/akun/masuk/?next=" in url)
    _log_in(page, cast.pokja_kabkota.username)
    page.wait_for_url(editor)
    assert page.input_value("textarea[name=text]") == TEXT
    notice = page.locator("[data-testid=draft-notice]")
    assert notice.is_visible()
    screenshot("draft-restored")

    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(f"{base}/susun-dokumen/versi/{version.pk}/")
    assert "Narasi tersimpan" in page.content()
    page.goto(editor)
    assert page.input_value("textarea[name=text]") == TEXT  # now from the server
    assert page.locator("[data-testid=draft-notice]").count() == 0
    drafts = page.evaluate(
        "Object.keys(localStorage).filter(function (k) { return k.indexOf('ppsp-draft|') === 0; })"
    )
    assert drafts == []


def test_a_restored_draft_can_be_discarded(live_server: Any, cast: Cast, page: Any) -> None:
    page.set_default_timeout(60_000)
    version = ssk("15.07").versions.get()
    base = live_server.url
    editor = f"{base}/susun-dokumen/versi/{version.pk}/narasi/1.1/"
    page.goto(f"{base}/akun/masuk/?next=/susun-dokumen/versi/{version.pk}/narasi/1.1/")
    _log_in(page, cast.pokja_kabkota.username)
    page.wait_for_url(editor)
    original = page.input_value("textarea[name=text]")
    page.fill("textarea[name=text]", "Draf yang tidak jadi dipakai.")
    page.wait_for_timeout(600)
    page.goto(editor)  # left without saving, came back
    assert page.input_value("textarea[name=text]") == "Draf yang tidak jadi dipakai."
    page.click("[data-draft-discard]")
    assert page.input_value("textarea[name=text]") == original
    page.goto(editor)
    assert page.input_value("textarea[name=text]") == original
    assert page.locator("[data-testid=draft-notice]").count() == 0


def test_pages_run_under_the_content_security_policy(
    live_server: Any, cast: Cast, page: Any
) -> None:
    """No script, style or image of these pages is refused by the policy (the browser
    reports each refusal on the console), and the language switcher works without an
    inline handler."""
    page.set_default_timeout(60_000)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    base = live_server.url
    page.goto(f"{base}/akun/masuk/")
    _log_in(page, cast.pmu.username)
    page.wait_for_url(f"{base}/")
    for path in ("/", "/program/nasional/", "/wilayah/15.07/", "/akun/"):
        page.goto(f"{base}{path}")
        page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.select_option("#lang-select", "en")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert refused == []


def test_the_login_returns_to_the_page_that_holds_the_form(live_server: Any, page: Any) -> None:
    """A form that posts to another URL (e.g. a status change with a reason): after the
    expired-session login the user goes back to the page with the form, not to the POST-only
    URL the login redirect names."""
    base = live_server.url
    page.goto(f"{base}/akun/masuk/")
    page.evaluate(
        "sessionStorage.setItem('ppsp-draft-pending', JSON.stringify("
        "{keys: [], page: '/dokumen/versi/7/?tab=status'}))"
    )
    page.goto(f"{base}/akun/masuk/?next=/dokumen/versi/7/status/")
    assert page.input_value("form[data-login] input[name=next]") == "/dokumen/versi/7/?tab=status"
    page.goto(f"{base}/akun/masuk/?next=/dokumen/versi/7/status/")  # only right after a submit
    assert page.input_value("form[data-login] input[name=next]") == "/dokumen/versi/7/status/"
