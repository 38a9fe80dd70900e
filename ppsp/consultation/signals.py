"""Approval guard: a version under konsultasi publik may not be approved (disahkan) through
any path — the documents page included — while its consultation is open or its
self-assessment fails. Raising in pre_save rolls back the documents transition."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models.signals import pre_save
from django.dispatch import receiver

from ppsp.documents.models import DocumentVersion, Status


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
    from ppsp.consultation.services import pengesahan_problems

    consultation = Consultation.objects.filter(version_id=instance.pk).first()
    if consultation is None or consultation.state == ConsultationState.DISAHKAN:
        return
    consultation.version = instance  # judge the version as it is being approved
    problems = pengesahan_problems(consultation, check_version=False)
    if problems:
        raise ValidationError(problems)
