"""Approval guard: a version under konsultasi publik is approved (disahkan) only through the
consultation's pengesahan, and never while its consultation is open or its self-assessment
fails — the documents page included. Raising in pre_save rolls back the transition."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ppsp.documents.models import DocumentVersion, Status

# Set by pengesahan_record while it approves the version through the documents services.
_RECORDING: ContextVar[int | None] = ContextVar("consultation_pengesahan", default=None)
THROUGH_CONSULTATION = gettext_noop(
    "Versi ini melalui konsultasi publik: pengesahan dicatat Kepala Daerah di halaman "
    "konsultasi publik (bentuk hukum, nomor, tanggal dan berkas), bukan di halaman dokumen."
)


@contextlib.contextmanager
def recording_pengesahan(version_id: int) -> Iterator[None]:
    token = _RECORDING.set(version_id)
    try:
        yield
    finally:
        _RECORDING.reset(token)


@receiver(pre_save, sender=DocumentVersion, dispatch_uid="consultation-approval-guard")
def guard_approval(
    sender: Any, instance: DocumentVersion, raw: bool = False, **kwargs: Any
) -> None:
    if raw or not instance.pk or instance.status != Status.APPROVED:
        return
    previous = DocumentVersion.objects.filter(pk=instance.pk).values_list("status", flat=True)
    if previous.first() == Status.APPROVED:
        return
    from ppsp.consultation.models import Consultation, ConsultationState
    from ppsp.consultation.services_pengesahan import pengesahan_problems

    consultation = Consultation.objects.filter(version_id=instance.pk).first()
    if consultation is None or consultation.state == ConsultationState.DISAHKAN:
        return
    consultation.version = instance  # judge the version as it is being approved
    problems = pengesahan_problems(consultation, check_version=False)
    if problems:
        raise ValidationError(problems)
    if _RECORDING.get() != instance.pk:
        raise ValidationError(_(THROUGH_CONSULTATION))
