"""Konsultasi publik (issue 8): public comments, spam defences, moderation, tanggapan,
pengesahan. Spam texts come from the seed document and the held-out suite."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.compute.spam import load_corpus
from ppsp.consultation import services
from ppsp.consultation.diff import final_diff
from ppsp.consultation.forms import form_started_token
from ppsp.consultation.models import (
    BlockKind,
    Comment,
    CommentStatus,
    ConsultationState,
    QaItem,
    SpamModelVersion,
)
from ppsp.consultation.spam_models import active_model, spam_model_retrain
from ppsp.consultation.workflow import ConsultationAction
from ppsp.cycles.models import UpdateCycle
from ppsp.documents.models import Status
from ppsp.documents.services import (
    document_version_set_legal_basis,
    document_version_transition,
    document_version_update,
)
from ppsp.documents.workflow import DocAction
from tests.conftest import Cast
from tests.consultation_support import consultation_in, draft_ssk, meeting_in
from tests.cycles_support import cycle

DATA = Path(__file__).resolve().parent / "data"
SEED_SPAM = (DATA / "seed_spam.txt").read_text(encoding="utf-8")
HOLDOUT = load_corpus(DATA / "spam_holdout.jsonl")
LEGIT = "Mohon drainase di Desa Simbur Naik diprioritaskan karena setiap hujan air masuk rumah."

pytestmark = pytest.mark.django_db


def _post(client: Client, consultation_id: int, body: str, **extra: object) -> object:
    started = form_started_token(now=timezone.now().timestamp() - 60)
    data = {"body": body, "started": started, "website": "", **extra}
    return client.post(
        reverse("consultation:public_comment", args=[consultation_id]),
        data,
        REMOTE_ADDR=str(extra.pop("ip", "203.0.113.7")) if "ip" in extra else "203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 uji",
    )


def test_the_public_page_needs_no_login_and_hides_drafts(regions: None) -> None:
    draft = consultation_in(publish=False)
    client = Client()
    assert client.get(reverse("consultation:public", args=[draft.pk])).status_code == 404
    services.consultation_transition(obj=draft, action=ConsultationAction.PUBLISH, by=None)
    page = client.get(reverse("consultation:public", args=[draft.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "¶2" in html and "Target akses sanitasi layak 90%" in html
    assert 'data-testid="comment-form"' in html
    assert "Strategi" in html  # chapter heading kept from the draft's summary


def test_a_comment_is_held_for_moderation_and_kept_private(regions: None) -> None:
    consultation = consultation_in()
    client = Client()
    response = _post(
        client,
        consultation.pk,
        LEGIT,
        paragraph="2",
        name="Siti",
        desa="Simbur Naik",
        contact="0812 3456 7890",
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING and not comment.suspected
    assert comment.paragraph is not None and comment.paragraph.number == 2
    assert comment.contact_digest and "0812" not in comment.contact_digest
    assert comment.fingerprint and "203.0.113.7" not in comment.fingerprint
    public = client.get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert LEGIT not in public  # pre-moderation: not shown before a moderator approves
    own = client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert "menunggu moderasi" in own and LEGIT in own


def test_the_seed_casino_spam_is_held_and_never_shown(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    assert _post(client, consultation.pk, SEED_SPAM).status_code == 302  # type: ignore[attr-defined]
    assert _post(client, consultation.pk, LEGIT).status_code == 302  # type: ignore[attr-defined]
    spam = Comment.objects.get(body=SEED_SPAM.strip())
    legit = Comment.objects.get(body=LEGIT)
    assert spam.status == CommentStatus.PENDING and spam.suspected
    assert spam.spam_score > 0.9 and "kosakata:casino" in spam.spam_reasons
    assert legit.status == CommentStatus.APPROVED  # pre-moderation off: shown at once
    public = client.get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert LEGIT in public
    assert "Casino" not in public and "출장안마" not in public


@pytest.mark.parametrize("text", [r.text for r in HOLDOUT if r.spam])
def test_every_held_out_spam_sample_is_held(regions: None, text: str) -> None:
    consultation = consultation_in(premoderation=False)
    comment = services.comment_submit(
        consultation=consultation, body=text, address="198.51.100.1", fill_seconds=40
    )
    assert comment.status == CommentStatus.PENDING and comment.suspected


def test_legitimate_comments_go_straight_through_without_premoderation(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    held = [
        r.text
        for r in HOLDOUT
        if not r.spam
        and services.comment_submit(
            consultation=consultation, body=r.text, address="198.51.100.2", fill_seconds=40
        ).suspected
    ]
    assert len(held) <= 1, held


def test_the_honeypot_a_fast_form_and_a_missing_timer_are_held(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    _post(client, consultation.pk, LEGIT + " (1)", website="http://bot.example")
    client.post(
        reverse("consultation:public_comment", args=[consultation.pk]),
        {"body": LEGIT + " (2)", "started": form_started_token()},  # posted at once
    )
    client.post(
        reverse("consultation:public_comment", args=[consultation.pk]), {"body": LEGIT + " (3)"}
    )
    reasons = {c.body[-3:]: c.spam_reasons for c in Comment.objects.all()}
    assert "honeypot" in reasons["(1)"]
    assert "terlalu_cepat" in reasons["(2)"]
    assert "terlalu_cepat" in reasons["(3)"]
    assert set(Comment.objects.values_list("status", flat=True)) == {CommentStatus.PENDING}


def test_a_flood_from_one_address_is_throttled_after_the_limit(
    regions: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    consultation = consultation_in()
    client = Client()
    # Freeze the clock (at the real time, so cache expiry stays valid): a slow machine must
    # not cross the edge of a fixed rate window halfway through the flood.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    codes = [
        _post(client, consultation.pk, f"{LEGIT} nomor {i}").status_code  # type: ignore[attr-defined]
        for i in range(200)
    ]
    assert codes[:10] == [302] * 10
    assert set(codes[10:]) == {429}
    assert Comment.objects.count() == 10  # every accepted post is stored, none lost
    refused = _post(client, consultation.pk, "Satu lagi komentar tentang sampah pasar")
    html = refused.content.decode()  # type: ignore[attr-defined]
    assert "Terlalu banyak komentar dari alamat Anda" in html
    assert "Satu lagi komentar tentang sampah pasar" in html  # the text stays in the form
    assert int(refused["Retry-After"]) > 0  # type: ignore[index]
    other = _post(client, consultation.pk, LEGIT + " dari warnet lain", ip="192.0.2.50")
    assert other.status_code == 302  # type: ignore[attr-defined]


@override_settings(CONSULTATION_RATE_PER_CONSULTATION=(5, 600))
def test_a_consultation_wide_limit_holds_against_many_addresses(regions: None) -> None:
    consultation = consultation_in()
    client = Client()
    codes = [
        _post(client, consultation.pk, f"{LEGIT} {i}", ip=f"192.0.2.{i}").status_code  # type: ignore[attr-defined]
        for i in range(8)
    ]
    assert codes == [302] * 5 + [429] * 3


def test_moderation_actions_are_audited_and_counted_publicly(cast: Cast) -> None:
    consultation = consultation_in()
    ids = [
        services.comment_submit(
            consultation=consultation, body=f"{LEGIT} ({i})", address="x", fill_seconds=30
        ).pk
        for i in range(4)
    ]
    with pytest.raises(ValidationError, match="alasan"):
        services.comments_moderate(
            consultation=consultation, ids=ids[:1], action="sembunyikan", by=cast.pokja_kabkota
        )
    n = services.comments_moderate(
        consultation=consultation, ids=ids[:2], action="setujui", by=cast.pokja_kabkota
    )
    assert n == 2
    services.comments_moderate(
        consultation=consultation,
        ids=ids[2:3],
        action="sembunyikan",
        reason="Di luar topik",
        by=cast.pokja_kabkota,
    )
    services.comments_moderate(
        consultation=consultation, ids=ids[3:], action="spam", by=cast.pokja_kabkota
    )
    events = AuditEvent.objects.filter(object_type="consultation.comment", action="transition")
    assert events.count() == 4
    assert events.filter(actor=cast.pokja_kabkota, reason="Di luar topik").exists()
    page = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert "2 komentar disembunyikan atau spam" in page
    with pytest.raises(Exception, match="berwenang"):
        services.comments_moderate(
            consultation=consultation, ids=ids, action="setujui", by=cast.kepala_daerah
        )


def test_bulk_moderation_through_the_queue_page(cast: Cast) -> None:
    consultation = consultation_in()
    ids = [
        services.comment_submit(
            consultation=consultation, body=f"{LEGIT} [{i}]", address="x", fill_seconds=30
        ).pk
        for i in range(3)
    ]
    client = Client()
    client.force_login(cast.pokja_kabkota)
    queue = client.get(reverse("consultation:moderation", args=[consultation.pk]))
    assert queue.status_code == 200 and LEGIT in queue.content.decode()
    response = client.post(
        reverse("consultation:moderation_action", args=[consultation.pk]),
        {"ids": ids, "action": "setujui"},
    )
    assert response.status_code == 302
    assert set(Comment.objects.values_list("status", flat=True)) == {CommentStatus.APPROVED}


def test_blocking_a_sender_holds_their_next_posts(cast: Cast) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    _post(client, consultation.pk, "Promo spesial cek toko kami ya kak", contact="0812 1111 2222")
    first = Comment.objects.get()
    services.sender_block(
        comment=first, kind=BlockKind.FINGERPRINT, reason="Iklan", by=cast.pokja_kabkota
    )
    first.refresh_from_db()
    assert first.status == CommentStatus.SPAM
    _post(client, consultation.pk, LEGIT)  # same IP and browser: held although harmless
    again = Comment.objects.get(body=LEGIT)
    assert again.status == CommentStatus.PENDING and "pengirim_diblokir" in again.spam_reasons
    services.sender_block(
        comment=first, kind=BlockKind.CONTACT, reason="Iklan", by=cast.pokja_kabkota
    )
    by_contact = services.comment_submit(
        consultation=consultation, body=LEGIT + "!", contact="+62 812-1111-2222", fill_seconds=30
    )
    assert "pengirim_diblokir" in by_contact.spam_reasons  # same number, other spelling


def test_meeting_inputs_become_comments(cast: Cast) -> None:
    meeting = meeting_in()
    assert meeting.attendees == 30
    comment = services.meeting_input_add(
        meeting=meeting,
        body="Peserta dari Desa Sungai Ular meminta truk tinja tambahan.",
        paragraph_number=3,
        by=cast.pokja_kabkota,
    )
    assert comment.status == CommentStatus.APPROVED and comment.source == "meeting"
    client = Client()
    client.force_login(cast.cf)
    assert client.get(reverse("consultation:meeting", args=[meeting.pk])).status_code == 200


def test_tanggapan_rows_are_answered_exported_and_shown_to_the_commenter(cast: Cast) -> None:
    consultation = consultation_in()
    comment = services.comment_submit(
        consultation=consultation,
        body=LEGIT,
        paragraph_number=4,
        name="Budi",
        contact="budi@example.org",
        fill_seconds=30,
    )
    with pytest.raises(ValidationError, match="disetujui"):
        services.response_set(
            comment=comment, decision="diterima", reason="x", section_changed="y", by=None
        )
    services.comments_moderate(
        consultation=consultation, ids=[comment.pk], action="setujui", by=cast.pokja_kabkota
    )
    with pytest.raises(ValidationError):
        services.response_set(comment=comment, decision="diterima", reason="Ya", by=None)
    services.response_set(
        comment=comment,
        decision="sebagian",
        reason="Drainase Simbur Naik masuk tahap 2028.",
        section_changed="Bab 3, Tabel 5.1",
        by=cast.pokja_kabkota,
    )
    client = Client()
    own = client.get(reverse("consultation:own_comment", args=[comment.token])).content.decode()
    assert "diterima sebagian" in own and "Bab 3, Tabel 5.1" in own
    xlsx = client.get(reverse("consultation:public_matrix", args=[consultation.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert rows[0][1] == 4 and rows[0][6] == LEGIT and rows[0][7] == "diterima sebagian"
    assert "budi@example.org" not in str(rows)  # contacts never leave the database


def _ready_for_pengesahan(cast: Cast) -> None:
    consultation = consultation_in()
    meeting_in()
    for item in QaItem.objects.filter(rule="manual"):
        services.qa_check_set(
            consultation=consultation, item=item, passed=True, by=cast.pokja_kabkota
        )


def test_pengesahan_is_refused_while_open_or_when_qa_fails(cast: Cast) -> None:
    cycle("15.07", 2026)
    consultation = consultation_in()
    version = consultation.version
    for action in (DocAction.SUBMIT, DocAction.REVIEW):
        document_version_transition(obj=version, action=action, by=None)
    sahkan = {"legal_kind": "perbup", "number": "12 Tahun 2026", "date": timezone.localdate()}
    with pytest.raises(ValidationError, match="masih dibuka"):
        services.pengesahan_record(consultation=consultation, by=cast.kepala_daerah, **sahkan)
    document_version_set_legal_basis(
        version=version, kind="perbup", number="12", date=timezone.localdate(), by=None
    )
    with pytest.raises(ValidationError, match="masih dibuka"):  # the documents page too
        document_version_transition(obj=version, action=DocAction.APPROVE, by=None)
    services.consultation_transition(
        obj=consultation, action=ConsultationAction.CLOSE, by=cast.pokja_kabkota
    )
    with pytest.raises(ValidationError) as refused:
        services.pengesahan_record(consultation=consultation, by=cast.kepala_daerah, **sahkan)
    assert any("pertemuan" in m for m in refused.value.messages)
    assert any("disepakati" in m for m in refused.value.messages)
    version.refresh_from_db()
    assert version.status == Status.REVIEWED


def test_a_consulted_version_is_approved_only_through_its_pengesahan(cast: Cast) -> None:
    _ready_for_pengesahan(cast)
    consultation = consultation_in()
    services.consultation_transition(
        obj=consultation, action=ConsultationAction.CLOSE, by=cast.pokja_kabkota
    )
    version = consultation.version
    for action in (DocAction.SUBMIT, DocAction.REVIEW):
        document_version_transition(obj=version, action=action, by=None)
    document_version_set_legal_basis(
        version=version, kind="perbup", number="12", date=timezone.localdate(), by=None
    )
    assert services.pengesahan_problems(consultation) == []
    with pytest.raises(ValidationError, match="halaman konsultasi publik"):
        document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.kepala_daerah)


def test_pengesahan_locks_the_version_closes_proses5_and_publishes(
    cast: Cast, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    opened = cycle("15.07", 2026)
    _ready_for_pengesahan(cast)
    consultation = consultation_in()
    comment = services.comment_submit(consultation=consultation, body=LEGIT, fill_seconds=30)
    services.comments_moderate(
        consultation=consultation, ids=[comment.pk], action="setujui", by=cast.pokja_kabkota
    )
    services.response_set(
        comment=comment, decision="tidak", reason="Sudah ada di SSK.", by=cast.pokja_kabkota
    )
    services.consultation_transition(
        obj=consultation, action=ConsultationAction.CLOSE, by=cast.pokja_kabkota
    )
    version = consultation.version
    document_version_update(  # the final text after the consultation
        version=version,
        summary=version.summary + "\n\nBAB 6 Pemantauan\n\nMonev tahunan oleh Pokja.",
        filled_tables=version.filled_tables.all(),
        by=cast.pokja_kabkota,
    )
    for action in (DocAction.SUBMIT, DocAction.REVIEW):
        document_version_transition(obj=version, action=action, by=None)
    assert services.pengesahan_problems(consultation) == []
    with pytest.raises(Exception, match="berwenang"):
        services.pengesahan_record(
            consultation=consultation,
            legal_kind="perbup",
            number="1",
            date=timezone.localdate(),
            by=cast.pokja_kabkota,
        )
    record = services.pengesahan_record(
        consultation=consultation,
        legal_kind="perbup",
        number="12 Tahun 2026",
        date=timezone.localdate(),
        by=cast.kepala_daerah,
        signed_file=SimpleUploadedFile("perbup-12-2026.pdf", b"%PDF-1.4 ditandatangani"),
    )
    assert record.signed_file.name.endswith(".pdf")
    with record.signed_file.open("rb") as signed:
        assert signed.read().startswith(b"%PDF")
    version.refresh_from_db()
    consultation.refresh_from_db()
    assert version.status == Status.APPROVED and version.locked
    assert version.legal_number == "12 Tahun 2026"
    assert consultation.state == ConsultationState.DISAHKAN
    opened = UpdateCycle.objects.get(pk=opened.pk)
    assert opened.pengesahan_on == record.date and opened.konsultasi_publik_closed_on
    assert "12 Tahun 2026" in opened.pengesahan_number

    with pytest.raises(ValidationError, match="terkunci"):
        document_version_update(version=version, summary="ubah", filled_tables=[], by=None)
    with pytest.raises(ValidationError, match="disahkan"):
        services.response_set(
            comment=comment, decision="diterima", reason="x", section_changed="y", by=None
        )
    refusal = AuditEvent.objects.filter(
        object_type="consultation.consultation", reason__startswith="DITOLAK"
    )
    assert refusal.count() == 1
    page = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert 'data-testid="approved"' in page and "12 Tahun 2026" in page
    assert 'data-testid="annex"' in page and "Sudah ada di SSK." in page
    assert 'data-testid="comment-form"' not in page
    assert 'data-testid="final-text"' in page and "Monev tahunan oleh Pokja." in page


def test_retraining_stores_a_new_active_model_version(cast: Cast) -> None:
    consultation = consultation_in()
    odd = "Jual pupuk bersubsidi tanpa kartu tani, harga miring, stok banyak"
    ids = [
        services.comment_submit(
            consultation=consultation, body=f"{odd} {i}", address=f"a{i}", fill_seconds=30
        ).pk
        for i in range(12)
    ]
    services.comments_moderate(
        consultation=consultation, ids=ids, action="spam", by=cast.pokja_kabkota
    )
    row = spam_model_retrain(by=cast.pmu)
    assert row.active and row.number == 2 and row.trained_on["moderasi"] == 12
    assert active_model().version == "v2"
    later = services.comment_submit(
        consultation=consultation, body=odd + ", kirim ke gudang", fill_seconds=30
    )
    assert later.suspected
    client = Client()
    client.force_login(cast.pmu)
    client.post(reverse("consultation:spam_retrain"))
    assert SpamModelVersion.objects.filter(active=True).get().number == 3


def test_the_management_pages_render_for_the_pokja(cast: Cast) -> None:
    consultation = consultation_in()
    services.comment_submit(consultation=consultation, body=SEED_SPAM, fill_seconds=30)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    manage = client.get(reverse("consultation:manage", args=[consultation.pk])).content.decode()
    assert 'data-testid="qa"' in manage
    suspected = client.get(
        reverse("consultation:moderation", args=[consultation.pk]) + "?tampil=suspected"
    ).content.decode()
    assert "Microgaming" in suspected
    assert re.search(r"kosakata:casino", suspected)
    listing = client.get(reverse("consultation:kabkota", args=["15.07"]))
    assert listing.status_code == 200


def test_a_consultation_takes_its_paragraphs_from_the_draft(cast: Cast) -> None:
    version = draft_ssk()
    pairs = services.split_paragraphs(version.summary)
    assert [h for h, _ in pairs] == ["BAB 1 Pendahuluan", *["BAB 3 Strategi"] * 3]
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.consultation_create(
            version=version,
            title="x",
            opens_on=today,
            closes_on=today - dt.timedelta(days=1),
            by=cast.pokja_kabkota,
        )
    consultation = services.consultation_create(
        version=version, title="x", opens_on=today, closes_on=today, by=cast.pokja_kabkota
    )
    assert consultation.paragraphs.count() == 4
    assert consultation.premoderation
    with pytest.raises(ValidationError, match="menerima komentar"):
        services.comment_submit(consultation=consultation, body=LEGIT)


def test_the_final_version_is_compared_with_the_consulted_draft(cast: Cast) -> None:
    consultation = consultation_in()
    version = consultation.version
    summary = version.summary.replace("mulai tahun 2028", "mulai tahun 2027 di Rantau Rasau")
    document_version_update(
        version=version, summary=summary + "\n\nParagraf baru.", filled_tables=[], by=None
    )
    consultation.refresh_from_db()
    rows = [r for r in final_diff(consultation) if r.kind != "sama"]
    assert [(r.kind, r.number) for r in rows] == [("diubah", 4), ("ditambah", None)]
    client = Client()
    client.force_login(cast.cf)
    page = client.get(reverse("consultation:changes", args=[consultation.pk])).content.decode()
    assert "2 paragraf berubah" in page and "Rantau Rasau" in page


def test_the_client_address_comes_from_trusted_proxies_only() -> None:
    from django.test import RequestFactory

    from ppsp.core.client import client_address

    request = RequestFactory().post(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1, 198.51.100.9"
    )
    assert client_address(request) == "10.0.0.2"  # no proxy trusted: the header is ignored
    with override_settings(TRUSTED_PROXIES=1):
        assert client_address(request) == "198.51.100.9"  # "1.1.1.1" could be forged
    with override_settings(TRUSTED_PROXIES=3):
        assert client_address(request) == "10.0.0.2"  # shorter chain than promised
