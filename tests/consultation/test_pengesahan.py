"""Konsultasi publik (issue 8): the swa-penilaian and the Kepala Daerah's pengesahan."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppsp.audit.models import AuditEvent
from ppsp.consultation import services
from ppsp.consultation.models import (
    ConsultationState,
    QaItem,
)
from ppsp.consultation.services import comments as services_comments
from ppsp.consultation.services import moderation as services_moderation
from ppsp.consultation.services import pengesahan as services_pengesahan
from ppsp.consultation.services import tanggapan as services_tanggapan
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
from tests.consultation.support import (
    LEGIT,
    consultation_in,
    meeting_in,
)
from tests.cycles.support import cycle

pytestmark = pytest.mark.django_db


def _ready_for_pengesahan(cast: Cast) -> None:
    consultation = consultation_in()
    meeting_in()
    for item in QaItem.objects.filter(rule="manual"):
        services_pengesahan.qa_check_set(
            consultation=consultation, item=item, passed=True, by=cast.pokja_kabkota
        )


def test_it_refuses_pengesahan_while_open_or_when_qa_fails(cast: Cast) -> None:
    cycle("15.07", 2026)
    consultation = consultation_in()
    version = consultation.version
    for action in (DocAction.SUBMIT, DocAction.REVIEW):
        document_version_transition(obj=version, action=action, by=None)
    sahkan = {"legal_kind": "perbup", "number": "12 Tahun 2026", "date": timezone.localdate()}
    with pytest.raises(ValidationError, match="masih dibuka"):
        services_pengesahan.pengesahan_record(
            consultation=consultation, by=cast.kepala_daerah, **sahkan
        )
    document_version_set_legal_basis(
        version=version, kind="perbup", number="12", date=timezone.localdate(), by=None
    )
    with pytest.raises(ValidationError, match="masih dibuka"):  # the documents page too
        document_version_transition(obj=version, action=DocAction.APPROVE, by=None)
    services.consultation_transition(
        obj=consultation, action=ConsultationAction.CLOSE, by=cast.pokja_kabkota
    )
    with pytest.raises(ValidationError) as refused:
        services_pengesahan.pengesahan_record(
            consultation=consultation, by=cast.kepala_daerah, **sahkan
        )
    assert any("pertemuan" in m for m in refused.value.messages)
    assert any("disepakati" in m for m in refused.value.messages)
    version.refresh_from_db()
    assert version.status == Status.REVIEWED


def test_it_approves_a_consulted_version_only_through_its_pengesahan(cast: Cast) -> None:
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
    assert services_pengesahan.pengesahan_problems(consultation) == []
    with pytest.raises(ValidationError, match="halaman konsultasi publik"):
        document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.kepala_daerah)


def test_it_locks_the_version_closes_proses5_and_publishes_on_pengesahan(
    cast: Cast, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    opened = cycle("15.07", 2026)
    _ready_for_pengesahan(cast)
    consultation = consultation_in()
    comment = services_comments.comment_submit(
        consultation=consultation, body=LEGIT, fill_seconds=30
    )
    services_moderation.comments_moderate(
        consultation=consultation, ids=[comment.pk], action="setujui", by=cast.pokja_kabkota
    )
    services_tanggapan.response_set(
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
    assert services_pengesahan.pengesahan_problems(consultation) == []
    with pytest.raises(Exception, match="berwenang"):
        services_pengesahan.pengesahan_record(
            consultation=consultation,
            legal_kind="perbup",
            number="1",
            date=timezone.localdate(),
            by=cast.pokja_kabkota,
        )
    record = services_pengesahan.pengesahan_record(
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
        services_tanggapan.response_set(
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
