"""Swa-penilaian (self-assessment) and the Kepala Daerah's pengesahan of the consulted
version; atomic and audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ppsp.audit.services import audited_update
from ppsp.consultation import qa
from ppsp.consultation.models import (
    Consultation,
    ConsultationState,
    Pengesahan,
    QaCheck,
    QaItem,
    QaRule,
)
from ppsp.consultation.services import record_cycle_close
from ppsp.consultation.services.guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.consultation.workflow import CONSULTATION, ConsultationAction
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, guard
from ppsp.documents.models import LegalKind, Status
from ppsp.documents.services import (
    document_version_set_legal_basis,
    document_version_transition,
)
from ppsp.documents.workflow import WORKFLOW as DOCUMENT_WORKFLOW
from ppsp.documents.workflow import DocAction

THROUGH_CONSULTATION = gettext_noop(
    "Versi ini melalui konsultasi publik: pengesahan dicatat Kepala Daerah di halaman "
    "konsultasi publik (bentuk hukum, nomor, tanggal dan berkas), bukan di halaman dokumen."
)


@audits_refusals
@transaction.atomic
def qa_check_set(
    *, consultation: Consultation, item: QaItem, passed: bool, by: Any, note: str = ""
) -> QaCheck:
    consultation = locked_consultation(consultation)
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="swa-penilaian")
    if item.rule != QaRule.MANUAL:
        raise ValidationError(_("Butir ini diperiksa otomatis dari data."))
    check, _created = QaCheck.objects.get_or_create(consultation=consultation, item=item)
    with audited_update(
        check,
        ("passed", "note"),
        actor=by,
        audit_obj=consultation,
        field_prefix=f"qa.{item.code}.",
        region_code=consultation.region_code,
    ):
        check.passed, check.note, check.checked_by = passed, note.strip(), acting_user(by)
        check.save()
    return check


def pengesahan_problems(consultation: Consultation, *, check_version: bool = True) -> list[str]:
    """Why pengesahan may not be recorded yet (translated messages); empty when it may."""
    problems: list[str] = []
    if consultation.state == ConsultationState.DISAHKAN:
        return [_("Dokumen ini sudah disahkan.")]
    if consultation.state != ConsultationState.CLOSED:
        problems.append(
            _(
                "Konsultasi publik masih dibuka (atau belum diterbitkan): tutup dulu masa "
                "konsultasinya."
            )
        )
    failed = [r for r in qa.evaluate(consultation) if not r.passed]
    problems += [_("Swa-penilaian belum terpenuhi: %(item)s.") % {"item": r.label} for r in failed]
    version = consultation.version
    if check_version and version.status != Status.REVIEWED:
        problems.append(
            _(
                "Versi dokumen berstatus '%(status)s'; pengesahan hanya untuk versi yang sudah "
                "diajukan dan ditinjau."
            )
            % {"status": Status(version.status).label}
        )
    return problems


@guard("melalui_pengesahan_konsultasi")
def through_pengesahan(ctx: Context) -> list[str] | str | None:
    """Approval guard of the documents workflow (registered in ``ready()``): a version under
    konsultasi publik is approved only by `pengesahan_record` (which passes its consultation
    as ``pengesahan``), never while its consultation is open or its self-assessment fails —
    the documents page included."""
    version = ctx.obj
    consultation = Consultation.objects.filter(version_id=version.pk).first()
    if consultation is None or consultation.state == ConsultationState.DISAHKAN:
        return None
    consultation.version = version  # judge the version as it is being approved
    problems = pengesahan_problems(consultation, check_version=False)
    if problems:
        return problems
    if ctx.kw.get("pengesahan") != consultation.pk:
        return _(THROUGH_CONSULTATION)
    return None


def register_approval_guard() -> None:
    DOCUMENT_WORKFLOW.add_guard(DocAction.APPROVE, through_pengesahan)


@audits_refusals
@transaction.atomic
def pengesahan_record(
    *,
    consultation: Consultation,
    legal_kind: str,
    number: str,
    date: dt.date,
    by: Any,
    signed_file: UploadedFile | None = None,
) -> Pengesahan:
    """The Kepala Daerah approves the consulted version: refused while the consultation is
    open or the self-assessment fails; then the documents app approves (and locks) the
    version, Proses 5 of the cycle gets its dates, and the public page shows the result."""
    consultation = locked_consultation(consultation)
    code = consultation.region_code
    require_permission(by, Permission.APPROVE_DOCUMENTS, code)
    refuse_if_disahkan(consultation, by=by, attempted="pengesahan ulang")
    if legal_kind not in LegalKind.values or not legal_kind:
        raise ValidationError({"legal_kind": _("Pilih bentuk hukum (Perbup, Perwal atau SK).")})
    if not number.strip():
        raise ValidationError({"number": _("Nomor Perbup/Perwal/SK wajib diisi.")})
    closed_on = (
        timezone.localtime(consultation.closed_at).date() if consultation.closed_at else None
    )
    if closed_on and date < closed_on:
        raise ValidationError(
            {"date": _("Tanggal pengesahan tidak boleh sebelum konsultasi ditutup.")}
        )
    problems = pengesahan_problems(consultation)
    if problems:
        raise ValidationError(problems)
    version = consultation.version
    document_version_set_legal_basis(
        version=version, kind=legal_kind, number=number.strip(), date=date, by=by
    )
    document_version_transition(
        obj=version,
        action=DocAction.APPROVE,
        by=by,
        reason="Pengesahan Kepala Daerah",
        pengesahan=consultation.pk,
    )
    record = Pengesahan(
        consultation=consultation,
        legal_kind=legal_kind,
        number=number.strip(),
        date=date,
        recorded_by=acting_user(by),
    )
    if signed_file is not None:
        record.signed_file.save(signed_file.name or "pengesahan.pdf", signed_file, save=False)
    record.full_clean()
    record.save()
    CONSULTATION.transition(
        consultation,
        ConsultationAction.APPROVE,
        by,
        audit_reason="Pengesahan Kepala Daerah",
        extra_changes=[{"field": "pengesahan", "old": None, "new": str(record)}],
        lock=False,  # locked above
    )
    record_cycle_close(
        consultation,
        closed_on or date,
        pengesahan_on=date,
        pengesahan_number=f"{record.get_legal_kind_display()} {record.number}",
    )
    return record
