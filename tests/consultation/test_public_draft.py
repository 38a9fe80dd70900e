"""Public draft (issue 20): the full draft PDF of the consulted version on the public page,
comments citing an outline section and page, and the final's per-section list of the
comments that changed it (diakomodasi)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.consultation import services
from ppsp.consultation.models import Comment, CommentStatus, Consultation
from ppsp.consultation.sections import outline_choices
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.services import tanggapan as services_tanggapan
from ppsp.consultation.workflow import ConsultationAction
from ppsp.docgen.models import RenderedFile, RenderState
from ppsp.docgen.services import render_run
from tests.conftest import Cast
from tests.consultation.support import LEGIT, consultation_in, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


def _published(code: str = "15.07") -> Consultation:
    return Consultation.objects.get(pk=consultation_in(code).pk)


def _rendered(code: str = "15.07") -> Consultation:
    """A published consultation whose fixed draft PDF has been rendered (for real)."""
    consultation = _published(code)
    assert consultation.draft_pdf is not None  # fixed at publication
    render_run(consultation.draft_pdf.pk)
    return Consultation.objects.get(pk=consultation.pk)


def _two_sections(consultation: Consultation) -> tuple[str, str, str, str]:
    """A section of chapter 2 and one of chapter 3 of the consulted outline, with headings
    (read from the outline, so the tests follow docgen's outline as it evolves)."""
    subs = [(n, h) for n, h in outline_choices(consultation) if "." in n]
    a = next((n, h) for n, h in subs if n.startswith("2."))
    b = next((n, h) for n, h in subs if n.startswith("3."))
    return a[0], a[1], b[0], b[1]


def _pdf_url(consultation: Consultation, number: int | None = None) -> str:
    return reverse(
        "consultation:public_draft",
        args=[consultation.pk, number if number is not None else consultation.version.number],
    )


def _approve(consultation: Consultation, cast: Cast) -> None:
    ids = list(consultation.comments.values_list("pk", flat=True))
    services_moderation.comments_moderate(
        consultation=consultation, ids=ids, action="setujui", by=cast.pokja_kabkota
    )


def test_it_links_the_full_draft_pdf_with_its_size_and_page_count() -> None:
    consultation = _rendered()
    page = Client().get(reverse("consultation:public", args=[consultation.pk]))
    html = page.content.decode()
    assert _pdf_url(consultation) in html
    assert 'data-testid="draft-download"' in html
    consultation.refresh_from_db()
    assert consultation.draft_pages and consultation.draft_pages >= 2
    assert f"{consultation.draft_pages} halaman" in html
    assert "KB" in html or "MB" in html  # the file size
    assert 'data-testid="paragraphs"' in html  # the short summary stays

    response = Client().get(_pdf_url(consultation))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = response.content
    assert body.startswith(b"%PDF")
    rendered = consultation.draft_pdf
    assert rendered is not None and rendered.version_id == consultation.version_id
    assert response["X-Checksum-SHA256"] == rendered.sha256
    assert "/media/" not in html  # no predictable media path


def test_it_answers_404_for_another_version_and_an_unpublished_consultation() -> None:
    consultation = _rendered()
    assert Client().get(_pdf_url(consultation, consultation.version.number + 1)).status_code == 404
    # the same file offered by a consultation that is not published: 404 for everyone
    Consultation.objects.filter(pk=consultation.pk).update(state="draft")
    assert Client().get(_pdf_url(consultation)).status_code == 404
    assert Client().get(reverse("consultation:public", args=[consultation.pk])).status_code == 404


def test_it_answers_404_when_the_fixed_file_is_not_of_the_consulted_version() -> None:
    consultation = _rendered()
    other = _rendered("15.71")
    Consultation.objects.filter(pk=consultation.pk).update(draft_pdf=other.draft_pdf)
    assert Client().get(_pdf_url(consultation)).status_code == 404


def test_it_shows_the_render_job_until_the_pdf_is_done() -> None:
    consultation = _published()
    rendered = consultation.draft_pdf
    assert rendered is not None and rendered.state == RenderState.QUEUED
    html = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert 'data-testid="draft-rendering"' in html
    assert 'hx-trigger="every 3s"' in html
    assert Client().get(_pdf_url(consultation)).status_code == 404


def test_it_fixes_a_draft_on_first_view_for_consultations_published_before(cast: Cast) -> None:
    consultation = consultation_in()
    Consultation.objects.filter(pk=consultation.pk).update(draft_pdf=None)
    Client().get(reverse("consultation:public", args=[consultation.pk]))
    consultation.refresh_from_db()
    assert consultation.draft_pdf is not None
    assert consultation.draft_pdf.version_id == consultation.version_id


def test_it_rate_limits_downloads_per_address(settings: Any) -> None:
    settings.CONSULTATION_RATE_DOWNLOADS_PER_IP = (2, 600)
    consultation = _rendered()
    client = Client()
    assert [client.get(_pdf_url(consultation)).status_code for _ in range(2)] == [200, 200]
    refused = client.get(_pdf_url(consultation))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.get(_pdf_url(consultation)).status_code == 200


def test_it_lets_the_pokja_render_the_draft_again_in_scope(cast: Cast) -> None:
    consultation = _rendered()
    before = consultation.draft_pdf_id
    pokja = Client()
    pokja.force_login(cast.pokja_kabkota)
    url = reverse("consultation:draft_refresh", args=[consultation.pk])
    assert pokja.post(url).status_code == 302
    consultation.refresh_from_db()
    assert consultation.draft_pdf_id != before
    assert AuditEvent.objects.filter(
        object_id=str(consultation.pk), changes__0__field="draft_pdf"
    ).exists()
    other = _rendered("15.71")
    assert pokja.post(reverse("consultation:draft_refresh", args=[other.pk])).status_code == 404


def test_it_stores_and_shows_the_cited_section_in_matrix_and_xlsx(cast: Cast) -> None:
    consultation = _rendered()
    A, HA, B, _HB = _two_sections(consultation)
    response = post_comment(Client(), consultation.pk, LEGIT, section=A, page="2")
    assert response.status_code == 302, response.content.decode()[:500]
    comment = Comment.objects.get(consultation=consultation)
    assert (comment.section, comment.page) == (A, 2)
    assert comment.section_title == HA
    _approve(consultation, cast)

    staff = Client()
    staff.force_login(cast.pokja_kabkota)
    moderation = staff.get(
        reverse("consultation:moderation", args=[consultation.pk]) + "?tampil=approved"
    )
    assert f"{HA}, hlm. 2" in moderation.content.decode()
    tanggapan_url = reverse("consultation:tanggapan", args=[consultation.pk])
    page = staff.get(tanggapan_url).content.decode()
    assert f'data-testid="tanggapan-citation">{HA}, hlm. 2' in page
    assert LEGIT[:30] in staff.get(tanggapan_url + "?bagian=" + A.split(".")[0]).content.decode()
    assert (
        LEGIT[:30] not in staff.get(tanggapan_url + "?bagian=" + B.split(".")[0]).content.decode()
    )

    public = Client().get(reverse("consultation:public", args=[consultation.pk]) + f"?bagian={A}")
    assert f"{HA}, hlm. 2" in public.content.decode()

    for url in (
        reverse("consultation:tanggapan_xlsx", args=[consultation.pk]),
        reverse("consultation:public_matrix", args=[consultation.pk]),
    ):
        sheet = load_workbook(io.BytesIO(staff.get(url).content)).active
        assert sheet is not None
        header = [c.value for c in sheet[4]]
        row = [c.value for c in sheet[5]]
        assert row[header.index("Bab/bagian dirujuk")] == HA
        assert row[header.index("Halaman")] == 2


def test_it_refuses_a_section_outside_the_outline_and_a_page_beyond_the_draft() -> None:
    consultation = _rendered()
    bad = post_comment(Client(), consultation.pk, LEGIT, section="9.9")
    assert bad.status_code == 400
    assert "section" in bad.context["form"].errors
    beyond = post_comment(Client(), consultation.pk, LEGIT + " lagi", page="999")
    assert beyond.status_code == 400
    assert "Halaman 999 tidak ada dalam draf" in beyond.content.decode()
    assert not Comment.objects.filter(consultation=consultation).exists()


def test_it_keeps_the_spam_filter_and_rate_limit_on_the_form(settings: Any) -> None:
    settings.CONSULTATION_RATE_PER_IP = (1, 600)
    consultation = consultation_in()
    A, _HA, _B, _HB = _two_sections(consultation)
    bot = post_comment(Client(), consultation.pk, LEGIT, section=A, website="http://x.example")
    assert bot.status_code == 302
    held = Comment.objects.get(consultation=consultation)
    assert held.status == CommentStatus.PENDING and held.suspected
    assert "honeypot" in held.spam_reasons and held.section == A
    again = post_comment(Client(), consultation.pk, LEGIT + " kedua", section=A)
    assert again.status_code == 429


def test_it_lists_accommodated_comments_per_changed_section(cast: Cast) -> None:
    consultation = _rendered()
    A, HA, B, _HB = _two_sections(consultation)
    post_comment(Client(), consultation.pk, LEGIT, section=A)
    post_comment(
        Client(REMOTE_ADDR="198.51.100.2"),
        consultation.pk,
        "Mohon target IPAL komunal ditambah di kecamatan pesisir pada tahun kedua.",
        ip="198.51.100.2",
    )
    _approve(consultation, cast)
    first, second = Comment.objects.filter(consultation=consultation).order_by("pk")
    services_tanggapan.response_set(
        comment=first,
        decision="diterima",
        reason="Desa Simbur Naik masuk area berisiko tinggi drainase.",
        accommodated=True,
        changed_section=A,
        by=cast.pokja_kabkota,
    )
    services_tanggapan.response_set(
        comment=second,
        decision="sebagian",
        reason="IPAL komunal ditambah satu unit pada 2028.",
        accommodated=True,
        changed_section=B,
        by=cast.pokja_kabkota,
    )
    first.refresh_from_db()
    assert first.response.section_changed == HA  # filled from outline
    audit = AuditEvent.objects.filter(object_id=str(first.pk)).order_by("-id").first()
    assert audit is not None
    assert {"field": "tanggapan.accommodated", "old": None, "new": True} in audit.changes

    with pytest.raises(ValidationError):
        services_tanggapan.response_set(
            comment=first,
            decision="tidak",
            reason="x",
            accommodated=True,
            changed_section=A,
            by=cast.pokja_kabkota,
        )
    with pytest.raises(ValidationError):
        services_tanggapan.response_set(
            comment=first, decision="diterima", reason="x", accommodated=True, by=None
        )

    staff = Client()
    staff.force_login(cast.pokja_kabkota)
    changes = staff.get(reverse("consultation:changes", args=[consultation.pk])).content.decode()
    assert f'data-testid="by-section-{A}"' in changes and f'data-testid="by-section-{B}"' in changes
    assert changes.index(f"by-section-{A}") < changes.index(f"by-section-{B}")  # outline order

    services.consultation_transition(
        obj=consultation, action=ConsultationAction.CLOSE, by=cast.pokja_kabkota
    )
    public = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert 'data-testid="by-section-title"' in public
    assert "IPAL komunal ditambah satu unit pada 2028." in public

    book = load_workbook(
        io.BytesIO(
            staff.get(reverse("consultation:tanggapan_xlsx", args=[consultation.pk])).content
        )
    )
    rows = list(book["Perubahan per bagian"].iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[2]) for r in rows] == [(A, 1), (B, 2)]


def test_it_escapes_formulas_in_the_cited_section_export(cast: Cast) -> None:
    consultation = _rendered()
    A, _HA, _B, _HB = _two_sections(consultation)
    post_comment(Client(), consultation.pk, '=HYPERLINK("http://x")', section=A)
    _approve(consultation, cast)
    staff = Client()
    staff.force_login(cast.pokja_kabkota)
    sheet = load_workbook(
        io.BytesIO(
            staff.get(reverse("consultation:tanggapan_xlsx", args=[consultation.pk])).content
        )
    ).active
    assert sheet is not None
    values = [c.value for c in sheet[5]]
    assert values[6].startswith("'=")


def test_it_never_serves_a_failed_render() -> None:
    consultation = _published()
    RenderedFile.objects.filter(pk=consultation.draft_pdf_id).update(state=RenderState.FAILED)
    html = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert 'data-testid="draft-unavailable"' in html
    assert Client().get(_pdf_url(consultation)).status_code == 404
