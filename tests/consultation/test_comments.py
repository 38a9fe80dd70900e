"""Konsultasi publik (issue 8): the public page and public comments with their spam
defences (classifier, honeypot, timer, rate limits). Spam texts come from the seed document
and the held-out suite."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from ppsp.compute.spam import load_corpus
from ppsp.consultation import services
from ppsp.consultation.forms import form_started_token
from ppsp.consultation.models import (
    Comment,
    CommentStatus,
)
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.workflow import ConsultationAction
from tests.consultation.support import (
    LEGIT,
    SEED_SPAM,
    consultation_in,
    post_comment,
)

HOLDOUT = load_corpus(Path(__file__).resolve().parents[1] / "data" / "spam_holdout.jsonl")

pytestmark = pytest.mark.django_db


def test_it_shows_the_public_page_without_login_and_hides_drafts(regions: None) -> None:
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


def test_it_holds_a_comment_for_moderation_and_keeps_it_private(regions: None) -> None:
    consultation = consultation_in()
    client = Client()
    response = post_comment(
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


def test_it_holds_the_seed_casino_spam_and_never_shows_it(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    assert post_comment(client, consultation.pk, SEED_SPAM).status_code == 302  # type: ignore[attr-defined]
    assert post_comment(client, consultation.pk, LEGIT).status_code == 302  # type: ignore[attr-defined]
    spam = Comment.objects.get(body=SEED_SPAM.strip())
    legit = Comment.objects.get(body=LEGIT)
    assert spam.status == CommentStatus.PENDING and spam.suspected
    assert spam.spam_score > 0.9 and "kosakata:casino" in spam.spam_reasons
    assert legit.status == CommentStatus.APPROVED  # pre-moderation off: shown at once
    public = client.get(reverse("consultation:public", args=[consultation.pk])).content.decode()
    assert LEGIT in public
    assert "Casino" not in public and "출장안마" not in public


@pytest.mark.parametrize("text", [r.text for r in HOLDOUT if r.spam])
def test_it_holds_every_held_out_spam_sample(regions: None, text: str) -> None:
    consultation = consultation_in(premoderation=False)
    comment = services_comments.comment_submit(
        consultation=consultation, body=text, address="198.51.100.1", fill_seconds=40
    )
    assert comment.status == CommentStatus.PENDING and comment.suspected


def test_it_lets_legitimate_comments_through_without_premoderation(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    held = [
        r.text
        for r in HOLDOUT
        if not r.spam
        and services_comments.comment_submit(
            consultation=consultation, body=r.text, address="198.51.100.2", fill_seconds=40
        ).suspected
    ]
    assert len(held) <= 1, held


def test_it_holds_the_honeypot_a_fast_form_and_a_missing_timer(regions: None) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    post_comment(client, consultation.pk, LEGIT + " (1)", website="http://bot.example")
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


def test_it_throttles_a_flood_from_one_address_after_the_limit(
    regions: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    consultation = consultation_in()
    client = Client()
    # Freeze the clock (at the real time, so cache expiry stays valid): a slow machine must
    # not cross the edge of a fixed rate window halfway through the flood.
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    codes = [
        post_comment(client, consultation.pk, f"{LEGIT} nomor {i}").status_code  # type: ignore[attr-defined]
        for i in range(60)
    ]
    assert codes[:10] == [302] * 10
    assert set(codes[10:]) == {429}
    assert Comment.objects.count() == 10  # every accepted post is stored, none lost
    refused = post_comment(client, consultation.pk, "Satu lagi komentar tentang sampah pasar")
    html = refused.content.decode()  # type: ignore[attr-defined]
    assert "Terlalu banyak komentar dari alamat Anda" in html
    assert "Satu lagi komentar tentang sampah pasar" in html  # the text stays in the form
    assert int(refused["Retry-After"]) > 0  # type: ignore[index]
    other = post_comment(client, consultation.pk, LEGIT + " dari warnet lain", ip="192.0.2.50")
    assert other.status_code == 302  # type: ignore[attr-defined]


@override_settings(CONSULTATION_RATE_PER_CONSULTATION=(5, 600))
def test_it_holds_a_consultation_wide_limit_against_many_addresses(regions: None) -> None:
    # Issue 21 item 9: over the consultation's rate, posts are accepted but held for
    # moderation (a flood must not close the consultation to new genuine voices).
    consultation = consultation_in(premoderation=False)
    client = Client()
    codes = [
        post_comment(client, consultation.pk, f"{LEGIT} {i}", ip=f"192.0.2.{i}").status_code  # type: ignore[attr-defined]
        for i in range(8)
    ]
    assert codes == [302] * 8
    statuses = list(Comment.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [CommentStatus.APPROVED] * 5 + [CommentStatus.PENDING] * 3


def test_it_takes_the_client_address_from_trusted_proxies_only() -> None:
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
