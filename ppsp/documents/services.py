"""Writes for documents and their versions: every change audited, approved versions locked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.refusals import Refusal, Refused
from ppsp.audit.refusals import audits_refusals as audits_refusals  # docgen uses it from here
from ppsp.audit.services import audit_record, audited_update
from ppsp.core.access import require_permission
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.core.uploads import DOCUMENTS, UploadRejected, check_upload
from ppsp.core.workflow import Context
from ppsp.documents.models import (
    Document,
    DocumentFile,
    DocumentVersion,
    LegalKind,
    MethodVersion,
    RequiredTable,
    Status,
)
from ppsp.documents.workflow import WORKFLOW, DocAction
from ppsp.regions.models import Level, Region

LOCKED_MESSAGE = (
    "Versi ini sudah disahkan sehingga terkunci dan tidak dapat diubah. "
    "Buat versi baru untuk melakukan perubahan."
)
NOT_DRAFT_MESSAGE = (
    "Versi ini sedang dalam peninjauan/pengesahan; hanya versi berstatus draf yang dapat diubah."
)


# Called inside the approval transaction with (version, by): the docgen app stores the
# snapshot of what the version binds (issue 16). Called with (new, previous, by) when a
# revision (perubahan) is started from an approved version: the narrative is copied.
APPROVAL_HOOKS: list[Callable[..., Any]] = []
REVISION_HOOKS: list[Callable[..., Any]] = []


def _code(version: DocumentVersion) -> str:
    return version.document.region.code


_require = require_permission


class VersionLocked(Refused):
    """An edit of an approved (locked) version, refused; `audits_refusals` records it."""

    def __init__(self, *, version: DocumentVersion, by: Any, attempted: str) -> None:
        super().__init__(
            Refusal(
                obj=version,
                by=by,
                attempted=attempted,
                message=LOCKED_MESSAGE,
                region_code=_code(version),
            )
        )
        self.version, self.by, self.attempted = version, by, attempted


def refuse_if_locked(version: DocumentVersion, *, by: Any, attempted: str) -> None:
    if version.locked:
        raise VersionLocked(version=version, by=by, attempted=attempted)


def ensure_editable(version: DocumentVersion, *, by: Any = None, attempted: str = "") -> None:
    refuse_if_locked(version, by=by, attempted=attempted or "ubah versi")
    if version.status != Status.DRAFT:
        raise ValidationError(NOT_DRAFT_MESSAGE)


@transaction.atomic
def document_create(
    *,
    region: Region,
    doc_type: str,
    method_version: MethodVersion,
    period_start: int,
    period_end: int,
    by: Any,
) -> Document:
    """A new BPS/SSK/MPS of a kab/kota, with version 1 as a draft."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Dokumen dicatat per kabupaten/kota."})
    if method_version.doc_type != doc_type:
        raise ValidationError(
            {"method_version": "Versi pedoman tidak sesuai dengan jenis dokumen."}
        )
    if period_end < period_start:
        raise ValidationError({"period_end": "Tahun akhir tidak boleh sebelum tahun awal."})
    _require(by, Permission.EDIT_DOCUMENTS, region.code)
    document = Document(
        region=region,
        doc_type=doc_type,
        method_version=method_version,
        period_start=period_start,
        period_end=period_end,
    )
    fields = ("doc_type", "method_version", "period_start", "period_end")
    with audited_update(document, fields, actor=by, created=True, region_code=region.code):
        document.full_clean()
        document.save()
    version = DocumentVersion(document=document, number=1, created_by=_user(by))
    version.full_clean()
    version.save()
    audit_record(actor=by, obj=version, action=Action.CREATE, region_code=region.code)
    return document


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


_VERSION_FIELDS = ("summary",)


@audits_refusals
@transaction.atomic
def document_version_update(
    *,
    version: DocumentVersion,
    summary: str,
    filled_tables: Iterable[RequiredTable],
    by: Any,
    reason: str = "",
) -> DocumentVersion:
    """Change a draft's summary and its checklist of filled required tables."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(version, by=by, attempted="ubah ringkasan/tabel versi")
    _require(by, Permission.EDIT_DOCUMENTS, _code(version))
    tables = list(filled_tables)
    if any(t.method_version_id != version.document.method_version_id for t in tables):
        raise ValidationError("Tabel wajib tidak sesuai dengan versi pedoman dokumen.")
    with audited_update(
        version,
        _VERSION_FIELDS,
        actor=by,
        also={"filled_tables": lambda: _filled_keys(version)},
        reason=reason,
        region_code=_code(version),
    ):
        version.summary = summary
        version.full_clean()
        version.save()
        version.filled_tables.set(tables)
    return version


def _filled_keys(version: DocumentVersion) -> str:
    """The keys of the version's filled required tables, sorted ("a, b"), for the audit."""
    return ", ".join(sorted(version.filled_tables.values_list("key", flat=True)))


@audits_refusals
@transaction.atomic
def document_file_add(
    *, version: DocumentVersion, file: UploadedFile, label: str, by: Any
) -> DocumentFile:
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    ensure_editable(version, by=by, attempted="unggah berkas")
    _require(by, Permission.EDIT_DOCUMENTS, _code(version))
    file.seek(0)
    try:
        kind = check_upload(
            file.name or "berkas", file.read(), kinds=DOCUMENTS, limits_of="document"
        )
    except UploadRejected as error:
        raise ValidationError({"file": str(error)}) from None
    file.seek(0)
    name = PurePosixPath(file.name or "berkas").stem[:120] or "berkas"
    stored = DocumentFile(version=version, label=label, uploaded_by=_user(by))
    # the stored name's extension follows the content, never the name the user gave
    stored.file.save(f"{name}.{kind}", file, save=False)
    stored.full_clean()
    stored.save()
    audit_record(
        actor=by,
        obj=stored,
        action=Action.CREATE,
        changes=[{"field": "file", "old": None, "new": stored.file.name}],
        region_code=_code(version),
    )
    return stored


_LEGAL_FIELDS = ("legal_kind", "legal_number", "legal_date")


@audits_refusals
@transaction.atomic
def document_version_set_legal_basis(
    *, version: DocumentVersion, kind: str, number: str, date: dt.date, by: Any
) -> DocumentVersion:
    """Record the Perbup/Perwal/SK that legalises the version (before it is approved)."""
    version = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    refuse_if_locked(version, by=by, attempted="ubah dasar hukum")
    code = _code(version)
    if by is not None and not (
        has_permission(by, Permission.APPROVE_DOCUMENTS, code)
        or has_permission(by, Permission.EDIT_DOCUMENTS, code)
    ):
        raise PermissionDenied("Anda tidak berwenang mencatat dasar hukum dokumen ini.")
    if kind not in LegalKind.values or not kind:
        raise ValidationError({"legal_kind": "Pilih jenis dasar hukum (Perbup, Perwal atau SK)."})
    if not number.strip():
        raise ValidationError({"legal_number": "Nomor dasar hukum wajib diisi."})
    with audited_update(version, _LEGAL_FIELDS, actor=by, region_code=code):
        version.legal_kind, version.legal_number, version.legal_date = kind, number.strip(), date
        version.full_clean()
        version.save()
    return version


@audits_refusals
@transaction.atomic
def document_version_transition(
    *, obj: DocumentVersion, action: str, by: Any, reason: str = "", **kw: Any
) -> DocumentVersion:
    """Move a version through the transition table (`workflow.WORKFLOW`); audited;
    approval supersedes the old one and runs the approval hooks.

    A refused action (not allowed from the current status, no permission, a failing guard
    such as no legal basis before approval) is audited too. `kw` reaches the guards."""

    def apply(ctx: Context) -> None:
        version = ctx.obj
        if action == DocAction.RETURN:
            version.return_comment = reason.strip()
        if action == DocAction.APPROVE:
            version.approved_at = timezone.now()
            for previous in DocumentVersion.objects.select_for_update().filter(
                document=version.document, status=Status.APPROVED
            ):
                document_version_transition(
                    obj=previous,
                    action=DocAction.SUPERSEDE,
                    by=by,
                    reason=f"Digantikan oleh versi {version.number}.",
                )

    def after(ctx: Context) -> None:
        if action == DocAction.APPROVE:
            for hook in APPROVAL_HOOKS:
                hook(version=ctx.obj, by=by)

    version: DocumentVersion = WORKFLOW.transition(
        obj, action, by, reason=reason, apply=apply, after=after, **kw
    )
    return version


@transaction.atomic
def document_version_create_next(*, document: Document, by: Any) -> DocumentVersion:
    """A new draft copied from the latest version (summary, filled tables, files).

    The legal basis is not copied: a new version is legalised by its own Perbup/Perwal/SK.
    """
    document = Document.objects.select_for_update().select_related("region").get(pk=document.pk)
    _require(by, Permission.EDIT_DOCUMENTS, document.region.code)
    latest = document.versions.order_by("-number").first()
    if latest is not None and not latest.locked:
        raise ValidationError(
            f"Versi {latest.number} masih berjalan ({Status(latest.status).label}); "
            "selesaikan atau sahkan dulu sebelum membuat versi baru."
        )
    version = DocumentVersion(
        document=document, number=(latest.number + 1) if latest else 1, created_by=_user(by)
    )
    if latest is not None:
        version.summary = latest.summary
    version.full_clean()
    version.save()
    if latest is not None:
        version.filled_tables.set(latest.filled_tables.all())
        DocumentFile.objects.bulk_create(
            DocumentFile(
                version=version, label=f.label, file=f.file.name, uploaded_by=f.uploaded_by
            )
            for f in latest.files.all()
        )
    reason = f"Disalin dari versi {latest.number}." if latest else ""
    if latest is not None and latest.status == Status.APPROVED:
        for hook in REVISION_HOOKS:
            hook(version=version, previous=latest, by=by)
        reason = (
            f"Perubahan (revisi) dari versi {latest.number} yang disahkan; data yang terikat "
            "dibuka kembali untuk versi ini sampai disahkan."
        )
    audit_record(
        actor=by,
        obj=version,
        action=Action.CREATE,
        reason=reason,
        region_code=document.region.code,
    )
    return version
