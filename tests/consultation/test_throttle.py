"""Issue 21 item 9: rate limits that hold under concurrency, a flood that goes to moderation
instead of closing the consultation, bidi controls removed, public comments audited."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings

from ppsp.audit.models import Action, AuditEvent
from ppsp.consultation import throttle
from ppsp.consultation.models import Comment, CommentStatus, RateCounter
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import meetings as services_meetings
from tests.consultation.support import LEGIT, consultation_in, post_comment


def _waiting(call: object, i: int) -> object:
    """`call(i)`, retried while SQLite's shared in-memory test database refuses a statement
    with "table is locked": that database has no busy timeout (a file database, as the
    app runs it, waits up to 20 s instead). A refused statement did nothing, so a retry
    counts once; PostgreSQL never needs it."""
    for _ in range(2000):
        try:
            return call(i)  # type: ignore[operator]
        except OperationalError as error:
            if "locked" not in str(error) or connection.vendor != "sqlite":
                raise
            time.sleep(0.002)
    raise AssertionError("the database stayed locked")


def _race(count: int, call: object) -> list[object]:
    """Run `call(i)` in `count` threads released together; their results in order."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = _waiting(call, i)
        except Exception as error:
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_it_counts_exactly_the_limit_under_concurrency() -> None:
    now = time.time()
    results = _race(20, lambda i: throttle.take("uji:satu-alamat", 10, 600, now))
    assert not [r for r in results if isinstance(r, Exception)], results
    assert results.count(True) == 10 and results.count(False) == 10
    assert RateCounter.objects.get().count == 10


@pytest.mark.django_db(transaction=True)
@override_settings(CONSULTATION_RATE_PER_IP=(10, 600), CONSULTATION_RATE_PER_CONSULTATION=(15, 600))
def test_it_admits_no_more_than_the_limits_from_concurrent_posts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # retry each counting statement, not the whole admission: on SQLite's shared in-memory
    # test database a "locked" error in the second count would otherwise repeat the first
    original = throttle.take
    monkeypatch.setattr(throttle, "take", lambda *args: _waiting(lambda _i: original(*args), 0))
    now = time.time()
    # 20 posts from one address at once: exactly 10 pass, 10 refused
    same = _race(20, lambda i: throttle.admit("203.0.113.7", 1, now=now))
    assert sum(1 for a in same if a.refusal is None) == 10  # type: ignore[union-attr]
    # 20 more from 20 addresses: 5 fill the consultation's 15, the rest are held, none refused
    many = _race(20, lambda i: throttle.admit(f"198.51.100.{i}", 1, now=now))
    assert all(a.refusal is None for a in many)  # type: ignore[union-attr]
    assert sum(1 for a in many if not a.flood) == 5  # type: ignore[union-attr]


@pytest.mark.django_db
@override_settings(CONSULTATION_RATE_PER_IP=(10, 600), CONSULTATION_RATE_PER_CONSULTATION=(40, 600))
def test_it_lets_a_new_citizen_in_after_a_flood_and_holds_their_comment(
    regions: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    consultation = consultation_in(premoderation=False)
    client = Client()
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    codes = [
        post_comment(client, consultation.pk, f"{LEGIT} {a}-{i}", ip=f"192.0.2.{a}").status_code  # type: ignore[attr-defined]
        for a in range(8)
        for i in range(11)
    ]
    assert codes.count(429) == 8  # the 11th post of each address
    assert Comment.objects.filter(status=CommentStatus.APPROVED).count() == 40
    response = post_comment(
        client,
        consultation.pk,
        "Saya warga baru: mohon TPS 3R di Desa Sungai Ular.",
        ip="192.0.2.99",
    )
    assert response.status_code == 302  # type: ignore[attr-defined]
    comment = Comment.objects.get(body__startswith="Saya warga baru")
    assert comment.status == CommentStatus.PENDING
    assert services_comments.FLOOD in comment.spam_reasons
    page = client.get(response["Location"]).content.decode()  # type: ignore[index]
    assert 'data-testid="flood-notice"' in page
    assert "Saya warga baru" not in client.get(f"/konsultasi/{consultation.pk}/").content.decode()


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@pytest.mark.django_db
def test_it_strips_bidi_controls_from_every_field(regions: None) -> None:
    consultation = consultation_in()
    comment = services_comments.comment_submit(
        consultation=consultation,
        body="Tagihan\u202e fdp.exe \u202cmohon diperiksa" + BIDI,
        name="Bu\u2067di\u2069",
        organisation="LSM\u200f Air",
        desa="Simbur\u202d Naik",
        contact="warga@example.org\u200e",
        address="10.0.0.1",
        user_agent="uji",
        fill_seconds=30,
    )
    comment.refresh_from_db()
    for value in (comment.body, comment.name, comment.organisation, comment.desa, comment.contact):
        assert not set(value) & set(BIDI), repr(value)
    assert comment.body == "Tagihan fdp.exe mohon diperiksa"
    assert comment.name == "Budi" and comment.desa == "Simbur Naik"


@pytest.mark.django_db
def test_it_strips_bidi_controls_posted_through_the_form(regions: None) -> None:
    consultation = consultation_in()
    response = post_comment(Client(), consultation.pk, f"{LEGIT} \u202eabc\u202c")
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert "\u202e" not in Comment.objects.get().body


@pytest.mark.django_db
def test_it_audits_every_public_comment(regions: None) -> None:
    consultation = consultation_in()
    comment = services_comments.comment_submit(
        consultation=consultation,
        body=LEGIT,
        address="10.0.0.1",
        user_agent="uji",
        fill_seconds=30,
        flood=True,
    )
    [event] = AuditEvent.objects.filter(
        object_type="consultation.comment", object_id=str(comment.pk)
    )
    assert event.action == Action.CREATE and event.actor is None
    assert event.region_code == "15.07" and "banjir" in event.reason
    assert event.changes == [{"field": "status", "old": None, "new": CommentStatus.PENDING}]


@pytest.mark.django_db
def test_it_strips_bidi_controls_from_meeting_inputs(regions: None) -> None:
    from tests.consultation.support import meeting_in

    meeting = meeting_in()
    comment = services_meetings.meeting_input_add(
        meeting=meeting, body="Usul\u202e TPS 3R", name="Si\u2066ti", by=None
    )
    assert comment.body == "Usul TPS 3R" and comment.name == "Siti"
