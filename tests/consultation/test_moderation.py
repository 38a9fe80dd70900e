"""Konsultasi publik (issue 8): moderation, sender blocks, spam model retraining and the
management pages."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.consultation.models import (
    BlockKind,
    Comment,
    CommentStatus,
    SpamModelVersion,
)
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.spam_models import active_model, spam_model_retrain
from tests.conftest import Cast
from tests.consultation.support import (
    LEGIT,
    SEED_SPAM,
    consultation_in,
    post_comment,
)

pytestmark = pytest.mark.django_db


def test_it_audits_moderation_actions_and_counts_them_publicly(cast: Cast) -> None:
    consultation = consultation_in()
    ids = [
        services_comments.comment_submit(
            consultation=consultation, body=f"{LEGIT} ({i})", address="x", fill_seconds=30
        ).pk
        for i in range(4)
    ]
    with pytest.raises(ValidationError, match="alasan"):
        services_moderation.comments_moderate(
            consultation=consultation, ids=ids[:1], action="sembunyikan", by=cast.pokja_kabkota
        )
    n = services_moderation.comments_moderate(
        consultation=consultation, ids=ids[:2], action="setujui", by=cast.pokja_kabkota
    )
    assert n == 2
    services_moderation.comments_moderate(
        consultation=consultation,
        ids=ids[2:3],
        action="sembunyikan",
        reason="Di luar topik",
        by=cast.pokja_kabkota,
    )
    services_moderation.comments_moderate(
        consultation=consultation, ids=ids[3:], action="spam", by=cast.pokja_kabkota
    )
    events = AuditEvent.objects.filter(object_type="consultation.comment", action="transition")
    assert events.count() == 4
    assert events.filter(actor=cast.pokja_kabkota, reason="Di luar topik").exists()
    page = Client().get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert "2 komentar disembunyikan atau spam" in page
    with pytest.raises(Exception, match="berwenang"):
        services_moderation.comments_moderate(
            consultation=consultation, ids=ids, action="setujui", by=cast.kepala_daerah
        )


def test_it_moderates_in_bulk_through_the_queue_page(cast: Cast) -> None:
    consultation = consultation_in()
    ids = [
        services_comments.comment_submit(
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


def test_it_holds_the_next_posts_of_a_blocked_sender(cast: Cast) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    post_comment(
        client, consultation.pk, "Promo spesial cek toko kami ya kak", contact="0812 1111 2222"
    )
    first = Comment.objects.get()
    services_moderation.sender_block(
        comment=first, kind=BlockKind.FINGERPRINT, reason="Iklan", by=cast.pokja_kabkota
    )
    first.refresh_from_db()
    assert first.status == CommentStatus.SPAM
    post_comment(client, consultation.pk, LEGIT)  # same IP and browser: held although harmless
    again = Comment.objects.get(body=LEGIT)
    assert again.status == CommentStatus.PENDING and "pengirim_diblokir" in again.spam_reasons
    services_moderation.sender_block(
        comment=first, kind=BlockKind.CONTACT, reason="Iklan", by=cast.pokja_kabkota
    )
    by_contact = services_comments.comment_submit(
        consultation=consultation, body=LEGIT + "!", contact="+62 812-1111-2222", fill_seconds=30
    )
    assert "pengirim_diblokir" in by_contact.spam_reasons  # same number, other spelling


def test_it_stores_a_new_active_model_version_on_retraining(cast: Cast) -> None:
    consultation = consultation_in()
    odd = "Jual pupuk bersubsidi tanpa kartu tani, harga miring, stok banyak"
    ids = [
        services_comments.comment_submit(
            consultation=consultation, body=f"{odd} {i}", address=f"a{i}", fill_seconds=30
        ).pk
        for i in range(12)
    ]
    services_moderation.comments_moderate(
        consultation=consultation, ids=ids, action="spam", by=cast.pokja_kabkota
    )
    row = spam_model_retrain(by=cast.pmu)
    assert row.active and row.number == 2 and row.trained_on["moderasi"] == 12
    assert active_model().version == "v2"
    later = services_comments.comment_submit(
        consultation=consultation, body=odd + ", kirim ke gudang", fill_seconds=30
    )
    assert later.suspected
    client = Client()
    client.force_login(cast.pmu)
    client.post(reverse("consultation:spam_retrain"))
    assert SpamModelVersion.objects.filter(active=True).get().number == 3


def test_it_renders_the_management_pages_for_the_pokja(cast: Cast) -> None:
    consultation = consultation_in()
    services_comments.comment_submit(consultation=consultation, body=SEED_SPAM, fill_seconds=30)
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
