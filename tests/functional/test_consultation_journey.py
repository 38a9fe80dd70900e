"""Konsultasi publik end to end: a visitor comments on a paragraph, a moderator approves it,
the Pokja answers it, the Kepala Daerah approves the SSK, and the public page shows the
approved version with the tanggapan annex."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from ppsp.consultation.models import QaItem
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import pengesahan as services_pengesahan
from ppsp.documents.services import document_version_transition
from ppsp.documents.workflow import DocAction
from tests.conftest import PASSWORD, Cast
from tests.consultation.support import consultation_in, meeting_in
from tests.cycles.support import cycle
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]

COMMENT = "Mohon pintu air di Desa Rantau Rasau masuk program drainase tahun pertama."


def _new_page(browser: Any) -> tuple[Any, Any]:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    return context, opened


def test_it_takes_a_comment_from_visitor_to_the_approved_ssk(
    live_server: Any,
    cast: Cast,
    page: Any,
    browser: Any,
    screenshot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A person types longer than a test.
    monkeypatch.setattr(services_comments, "MIN_FILL_SECONDS", 1)
    cycle("15.07", 2026)
    consultation = consultation_in("15.07")
    meeting_in("15.07")
    for item in QaItem.objects.filter(rule="manual"):
        services_pengesahan.qa_check_set(consultation=consultation, item=item, passed=True, by=None)
    base = live_server.url
    public_url = f"{base}/konsultasi/{consultation.pk}/"

    # 1. A visitor, not signed in, comments on paragraph 3.
    page.goto(f"{base}/konsultasi/")
    page.locator(f"a[href='/konsultasi/{consultation.pk}/']").click()
    page.wait_for_url(public_url)
    page.locator("[data-testid=comment-on-3]").click()
    form = page.locator("[data-testid=comment-form]")
    assert form.locator("[name=paragraph]").input_value() == "3"
    form.locator("[name=body]").fill(COMMENT)
    form.locator("[name=name]").fill("Siti Aminah")
    form.locator("[name=desa]").fill("Rantau Rasau")
    form.locator("[name=contact]").fill("0812 7000 1234")
    page.wait_for_timeout(1200)
    with page.expect_navigation():
        page.locator("[data-testid=send-comment]").click()
    own_url = page.url
    assert page.locator("[data-testid=own-status]").inner_text() == "menunggu moderasi"
    page.goto(public_url)
    assert COMMENT not in page.content()  # pre-moderation: nothing shows before a moderator

    # 2. The Pokja moderator approves it from the queue.
    pokja_context, pokja = _new_page(browser)
    try:
        log_in(pokja, base, cast.pokja_kabkota.username, PASSWORD)
        pokja.goto(f"{base}/konsultasi/kelola/{consultation.pk}/")
        pokja.locator("[data-testid=moderation-link]").click()
        row = pokja.locator("[data-testid=queue-row]", has_text="Rantau Rasau")
        row.locator("input[name=ids]").check()
        with pokja.expect_navigation():
            pokja.locator("[data-testid=bulk-approve]").click()
        assert "1 komentar dimoderasi" in pokja.content()

        # 3. The Pokja answers it in the tanggapan matrix, then closes the consultation.
        pokja.goto(f"{base}/konsultasi/kelola/{consultation.pk}/tanggapan/")
        answer = pokja.locator("[data-testid=tanggapan-row]", has_text="Rantau Rasau")
        answer.locator("select[name$=decision]").select_option("diterima")
        answer.locator("textarea[name$=reason]").fill("Pintu air Rantau Rasau masuk tahun 2028.")
        answer.locator("input[name$=section_changed]").fill("Bab 3, drainase; Tabel 5.1")
        with pokja.expect_navigation():
            answer.locator("button[type=submit]").click()
        assert "diterima" in pokja.locator("[data-testid=tanggapan-current]").inner_text()
        pokja.goto(f"{base}/konsultasi/kelola/{consultation.pk}/")
        with pokja.expect_navigation():
            pokja.locator("[data-testid=action-tutup]").click()
        assert pokja.locator("[data-testid=manage-state]").inner_text() == "ditutup"
    finally:
        pokja_context.close()

    # The final version goes through submission and review (CF/PF) as usual.
    for action in (DocAction.SUBMIT, DocAction.REVIEW):
        document_version_transition(obj=consultation.version, action=action, by=None)

    # 4. The Kepala Daerah records the pengesahan.
    kd_context, kd = _new_page(browser)
    try:
        log_in(kd, base, cast.kepala_daerah.username, PASSWORD)
        kd.goto(f"{base}/konsultasi/kelola/{consultation.pk}/")
        assert kd.locator("[data-testid=pengesahan-problems]").count() == 0
        form = kd.locator("[data-testid=pengesahan-form]")
        form.locator("[name=legal_kind]").select_option("perbup")
        form.locator("[name=number]").fill("27 Tahun 2026")
        form.locator("[name=date]").fill(timezone.localdate().isoformat())
        with kd.expect_navigation():
            kd.locator("[data-testid=sahkan]").click()
        assert kd.locator("[data-testid=manage-state]").inner_text() == "disahkan"
        assert "27 Tahun 2026" in kd.locator("[data-testid=pengesahan]").inner_text()
    finally:
        kd_context.close()

    # 5. The public page shows the approved SSK and the tanggapan annex; the visitor sees
    #    the answer to their comment.
    page.goto(public_url)
    assert page.locator("[data-testid=consultation-state]").inner_text() == "disahkan"
    assert "27 Tahun 2026" in page.locator("[data-testid=approved]").inner_text()
    annex = page.locator("[data-testid=annex]").inner_text()
    assert COMMENT in annex and "Pintu air Rantau Rasau masuk tahun 2028." in annex
    assert "0812" not in page.content()  # the contact stays private
    assert page.locator("[data-testid=comment-form]").count() == 0
    screenshot("consultation-approved")
    page.goto(own_url)
    assert "Bab 3, drainase" in page.locator("[data-testid=own-response]").inner_text()
