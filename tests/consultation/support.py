"""Shared set-up for the consultation tests (not a test module)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppsp.consultation.forms import form_started_token
from ppsp.consultation.models import Comment, Consultation, PublicMeeting
from ppsp.consultation.seed import seed_qa_items
from ppsp.consultation.services import consultation_create, consultation_transition
from ppsp.consultation.services.comments import comment_submit
from ppsp.consultation.services.meetings import meeting_record
from ppsp.consultation.workflow import ConsultationAction
from ppsp.documents.models import DocType, Document, DocumentVersion, RequiredTable
from ppsp.documents.services import document_create, document_version_update
from ppsp.regions.models import Region
from tests.cycles.support import ensure_seed, method

DRAFT_SUMMARY = """BAB 1 Pendahuluan

SSK 2027–2031 disusun oleh Pokja Sanitasi sebagai strategi jangka menengah pembangunan sanitasi.

BAB 3 Strategi

Target akses sanitasi layak 90% pada tahun 2031 melalui tangki septik individual dan IPAL komunal.

Layanan persampahan diperluas ke seluruh ibu kota kecamatan dengan TPS 3R dan bank sampah.

Drainase lingkungan di kawasan rawan genangan dibangun bertahap mulai tahun 2028."""

DATA = Path(__file__).resolve().parents[1] / "data"
SEED_SPAM = (DATA / "seed_spam.txt").read_text(encoding="utf-8")
LEGIT = "Mohon drainase di Desa Simbur Naik diprioritaskan karena setiap hujan air masuk rumah."


def post_comment(client: Client, consultation_id: int, body: str, **extra: object) -> object:
    """Post the public comment form as a visitor who took a minute to write."""
    started = form_started_token(now=timezone.now().timestamp() - 60)
    data = {"body": body, "started": started, "website": "", **extra}
    return client.post(
        reverse("consultation:public_comment", args=[consultation_id]),
        data,
        REMOTE_ADDR=str(extra.pop("ip", "203.0.113.7")) if "ip" in extra else "203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 uji",
    )


def ensure_consultation_seed() -> None:
    ensure_seed()
    seed_qa_items(apps)


def draft_ssk(code: str = "15.07", start: int = 2027, end: int = 2031) -> DocumentVersion:
    """A draft SSK version with a four-paragraph summary and every required table filled."""
    ensure_consultation_seed()
    existing = Document.objects.filter(
        region__code=code, doc_type=DocType.SSK, period_start=start
    ).first()
    if existing is not None:
        return existing.versions.order_by("-number").first()  # type: ignore[return-value]
    mv = method("SSK-2017")
    document = document_create(
        region=Region.objects.get(code=code),
        doc_type=DocType.SSK,
        method_version=mv,
        period_start=start,
        period_end=end,
        by=None,
    )
    version = document.versions.get()
    document_version_update(
        version=version,
        summary=DRAFT_SUMMARY,
        filled_tables=RequiredTable.objects.filter(method_version=mv),
        by=None,
    )
    return DocumentVersion.objects.get(pk=version.pk)


def consultation_in(code: str = "15.07", *, publish: bool = True, **kwargs: Any) -> Consultation:
    version = draft_ssk(code[:5])
    consultation = Consultation.objects.filter(version=version).first()
    if consultation is None:
        today = timezone.localdate()
        consultation = consultation_create(
            version=version,
            title=f"Konsultasi publik draf SSK {code[:5]}",
            opens_on=today - dt.timedelta(days=1),
            closes_on=today + dt.timedelta(days=30),
            by=None,
            **kwargs,
        )
    if publish and consultation.state == "draft":
        consultation_transition(obj=consultation, action=ConsultationAction.PUBLISH, by=None)
    return consultation


def comment_in(
    code: str = "15.07", body: str = "Mohon drainase di desa kami diprioritaskan."
) -> Comment:
    consultation = consultation_in(code)
    existing = consultation.comments.first()
    if existing is not None:
        return existing
    return comment_submit(
        consultation=consultation,
        body=body,
        paragraph_number=2,
        address="10.0.0.1",
        user_agent="uji",
        fill_seconds=30,
    )


def meeting_in(code: str = "15.07") -> PublicMeeting:
    consultation = consultation_in(code)
    existing = consultation.meetings.first()
    if existing is not None:
        return existing
    return meeting_record(
        consultation=consultation,
        held_on=timezone.localdate(),
        place="Aula Bappeda",
        title="Konsultasi publik draf SSK",
        minutes="Pokja memaparkan draf; peserta memberi masukan.",
        attendance={"masyarakat": (12, 9), "pemerintah": (6, 3)},
        by=None,
    )
