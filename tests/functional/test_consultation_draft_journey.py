"""Public draft journey (issue 20): a visitor opens the konsultasi publik page, sees the
full draft PDF with its size and page count, downloads it, and comments citing a chapter
section and a page of that PDF."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.consultation.models import Comment, Consultation
from ppsp.consultation.sections import outline_choices
from ppsp.consultation.services import comments as services_comments
from tests.consultation.support import consultation_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]

COMMENT = "Bab area berisiko belum menyebut genangan di Kelurahan Talang Banjar; mohon ditambah."


def test_it_offers_the_full_draft_pdf_and_takes_a_comment_citing_a_section(
    live_server: Any,
    regions: None,
    page: Any,
    screenshot: Any,
    settings: Any,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(services_comments, "MIN_FILL_SECONDS", 1)
    # publishing fixes the draft PDF and renders it (the immediate task backend in tests)
    consultation = Consultation.objects.get(pk=consultation_in("15.07").pk)
    assert consultation.draft_pdf is not None and consultation.draft_pdf.state == "done"
    cited, heading = next((n, h) for n, h in outline_choices(consultation) if n.startswith("2."))
    public_url = f"{live_server.url}/konsultasi/{consultation.pk}/"

    page.goto(public_url)
    link = page.locator("[data-testid=draft-download]")
    assert "Unduh draf lengkap SSK versi 1 (PDF)" in link.inner_text()
    facts = page.locator("[data-testid=draft-facts]").inner_text()
    assert "halaman" in facts and ("KB" in facts or "MB" in facts)
    assert page.locator("[data-testid=paragraphs]").count() == 1  # the summary stays
    screenshot("consultation-public-draft")

    href = link.get_attribute("href")
    assert href == f"/konsultasi/{consultation.pk}/draf-v1.pdf"
    download = page.request.get(live_server.url + href)
    assert download.status == 200
    assert download.headers["content-type"] == "application/pdf"
    assert download.body().startswith(b"%PDF")
    assert (
        page.request.get(f"{live_server.url}/konsultasi/{consultation.pk}/draf-v2.pdf").status
        == 404
    )

    form = page.locator("[data-testid=comment-form]")
    form.locator("[name=section]").select_option(cited)
    form.locator("[name=page]").fill("2")
    form.locator("[name=body]").fill(COMMENT)
    form.locator("[name=name]").fill("Rahmat")
    page.wait_for_timeout(1200)
    with page.expect_navigation():
        page.locator("[data-testid=send-comment]").click()
    assert f"{heading}, hlm. 2" in page.locator("[data-testid=own-citation]").inner_text()
    comment = Comment.objects.get(consultation=consultation)
    assert (comment.section, comment.page) == (cited, 2)
