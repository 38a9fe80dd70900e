"""Approval snapshots: freeze the bound document model at approval and render from it.

`snapshot_take` runs inside the approval transaction (hooked into
`documents.services.document_version_transition`): it builds the document model of the
version from the data of its own period, stores it as canonical JSON with its SHA-256 and
the input keys it bound, and queues the DOCX and PDF, which `render_run` renders from the
snapshot (never from live data) and stores with their own SHA-256. Downloads serve those
stored files byte for byte.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext
from ppsp.docgen.models import Format, RenderedFile
from ppsp.docgen.periods import bound_inputs
from ppsp.docgen.snapshot import digest, from_json, normalised, to_json
from ppsp.documents.models import ApprovedSnapshot, DocumentVersion

TAMPERED = "Snapshot versi yang disahkan tidak cocok dengan hash tersimpan: berkas tidak dibuat."


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def snapshot_take(*, version: DocumentVersion, by: Any) -> ApprovedSnapshot:
    """Store the approved version's document model and queue its DOCX and PDF."""
    existing = ApprovedSnapshot.objects.filter(version=version).first()
    if existing is not None:
        return existing
    model = normalised(to_json(build_context(version)))
    code = version.document.region.code
    snap = ApprovedSnapshot.objects.create(
        version=version,
        region_code=code,
        model=model,
        inputs=bound_inputs(version),
        sha256=digest(model),
        created_by=_user(by),
    )
    audit_record(
        actor=by,
        obj=version,
        action=Action.UPDATE,
        changes=[{"field": "snapshot sha256", "old": None, "new": snap.sha256}],
        reason="Snapshot data dan model dokumen disimpan saat pengesahan.",
        region_code=code,
    )
    from ppsp.docgen.tasks import render_document_task

    for fmt in Format.values:
        rendered = RenderedFile.objects.create(
            version=version, fmt=fmt, snapshot=snap, created_by=_user(by)
        )
        transaction.on_commit(partial(render_document_task.enqueue, rendered.pk))
    return snap


def snapshot_intact(snap: ApprovedSnapshot) -> bool:
    """True when the stored model still hashes to the stored SHA-256."""
    return digest(snap.model) == snap.sha256


def snapshot_context(snap: ApprovedSnapshot) -> DocContext:
    """The document model as approved (raises ValueError when the hash does not match)."""
    if not snapshot_intact(snap):
        raise ValueError(TAMPERED)
    return from_json(snap.model)


def snapshot_of(version: DocumentVersion) -> ApprovedSnapshot | None:
    return ApprovedSnapshot.objects.filter(version=version).first()


def revision_copy(*, version: DocumentVersion, previous: DocumentVersion, by: Any) -> int:
    """A revision (perubahan) starts from the approved narrative: copy every section text."""
    from ppsp.docgen.models import SectionText

    texts = list(SectionText.objects.filter(version=previous).order_by("section", "paragraph"))
    SectionText.objects.bulk_create(
        SectionText(
            version=version,
            section=t.section,
            paragraph=t.paragraph,
            text=t.text,
            data_hash=t.data_hash,
            updated_by=_user(by),
        )
        for t in texts
    )
    return len(texts)
