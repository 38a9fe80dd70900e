"""Konsultasi publik (issue 8): paragraphs from the draft, public meeting inputs, the
tanggapan matrix and the final text against the consulted draft."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ppsp.consultation import services
from ppsp.consultation.diff import final_diff
from ppsp.consultation.models import (
    CommentStatus,
)
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import meetings as services_meetings
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.services import tanggapan as services_tanggapan
from ppsp.documents.services import (
    document_version_update,
)
from tests.conftest import Cast
from tests.consultation.support import (
    LEGIT,
    consultation_in,
    draft_ssk,
    meeting_in,
)

pytestmark = pytest.mark.django_db


def test_it_takes_the_consultation_paragraphs_from_the_draft(cast: Cast) -> None:
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
        services_comments.comment_submit(consultation=consultation, body=LEGIT)


def test_it_turns_meeting_inputs_into_comments(cast: Cast) -> None:
    meeting = meeting_in()
    assert meeting.attendees == 30
    comment = services_meetings.meeting_input_add(
        meeting=meeting,
        body="Peserta dari Desa Sungai Ular meminta truk tinja tambahan.",
        paragraph_number=3,
        by=cast.pokja_kabkota,
    )
    assert comment.status == CommentStatus.APPROVED and comment.source == "meeting"
    client = Client()
    client.force_login(cast.cf)
    assert client.get(reverse("consultation:meeting", args=[meeting.pk])).status_code == 200


def test_it_answers_exports_and_shows_tanggapan_rows_to_the_commenter(cast: Cast) -> None:
    consultation = consultation_in()
    comment = services_comments.comment_submit(
        consultation=consultation,
        body=LEGIT,
        paragraph_number=4,
        name="Budi",
        contact="budi@example.org",
        fill_seconds=30,
    )
    with pytest.raises(ValidationError, match="disetujui"):
        services_tanggapan.response_set(
            comment=comment, decision="diterima", reason="x", section_changed="y", by=None
        )
    services_moderation.comments_moderate(
        consultation=consultation, ids=[comment.pk], action="setujui", by=cast.pokja_kabkota
    )
    with pytest.raises(ValidationError):
        services_tanggapan.response_set(comment=comment, decision="diterima", reason="Ya", by=None)
    services_tanggapan.response_set(
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


def test_it_compares_the_final_version_with_the_consulted_draft(cast: Cast) -> None:
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
