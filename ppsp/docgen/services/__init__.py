"""Writes of the document generator: narrative text, render requests and their runs.

Narrative changes only on draft versions; a finished file of an approved (locked) version
is immutable: it is never re-rendered or replaced.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core import jobs
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.docgen.charts import render_figures
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext
from ppsp.docgen.models import Format, RenderedFile, RenderState, SectionText
from ppsp.docgen.outlines import outline_for
from ppsp.docgen.render_docx import render_docx
from ppsp.docgen.render_pdf import render_pdf
from ppsp.documents.models import DocumentVersion, Status
from ppsp.documents.services import audits_refusals, refuse_if_locked

NOT_DRAFT = "Narasi hanya dapat diubah pada versi berstatus draf."
IMMUTABLE = "Versi ini sudah disahkan dan berkasnya sudah dibuat: berkas tidak dapat diganti."


def _code(version: DocumentVersion) -> str:
    return version.document.region.code


@audits_refusals
@transaction.atomic
def section_text_save(*, version: DocumentVersion, section: str, text: str, by: Any) -> SectionText:
    """The Pokja's narrative of one section of a draft version; a locked version refuses
    (and the refusal is audited)."""
    refuse_if_locked(version, by=by, attempted=f"ubah narasi {section}")
    if by is not None and not has_permission(by, Permission.EDIT_DOCUMENTS, _code(version)):
        raise PermissionDenied("Anda tidak berwenang mengubah narasi dokumen ini.")
    if version.status != Status.DRAFT:
        raise ValidationError(NOT_DRAFT)
    document = version.document
    numbers = {s.number for s in outline_for(document.method_version.code, document.doc_type)}
    if section not in numbers:
        raise ValidationError(f"Bagian {section} tidak ada dalam kerangka dokumen ini.")
    item, _created = SectionText.objects.get_or_create(
        version=version, section=section, paragraph=""
    )
    before = item.text
    item.text = text
    item.updated_by = by if getattr(by, "is_authenticated", False) else None
    item.save()
    audit_record(
        actor=by,
        obj=version,
        action=Action.UPDATE,
        changes=[{"field": f"narasi {section}", "old": before, "new": text}],
        region_code=_code(version),
    )
    return item


@audits_refusals
@transaction.atomic
def paragraph_save(
    *, version: DocumentVersion, section: str, key: str, text: str | None, by: Any
) -> SectionText | None:
    """The Pokja's text for one drafted paragraph, kept across re-renders with the hash of
    the figures under it (a later change of those figures flags the edit). ``None`` or
    the drafted text itself drops the edit (the paragraph follows the data again); an
    empty text leaves the paragraph out."""
    refuse_if_locked(version, by=by, attempted=f"ubah paragraf {section} {key}")
    if by is not None and not has_permission(by, Permission.EDIT_DOCUMENTS, _code(version)):
        raise PermissionDenied("Anda tidak berwenang mengubah narasi dokumen ini.")
    if version.status != Status.DRAFT:
        raise ValidationError(NOT_DRAFT)
    built = next((s for s in build_context(version).sections if s.number == section), None)
    drafted = next((p for p in built.paragraphs if p.key == key), None) if built else None
    existing = SectionText.objects.filter(version=version, section=section, paragraph=key)
    before = existing.first()
    if drafted is None and before is None:
        raise ValidationError(f"Paragraf {key} tidak ada pada bagian {section}.")
    old = before.text if before else (drafted.drafted if drafted else "")
    if text is None or (drafted is not None and text.strip() == drafted.drafted.strip()):
        existing.delete()
        item = None
        new = drafted.drafted if drafted else ""
    else:
        item = before or SectionText(version=version, section=section, paragraph=key)
        item.text = text
        item.data_hash = drafted.data_hash if drafted else ""
        item.updated_by = by if getattr(by, "is_authenticated", False) else None
        item.save()
        new = text
    if old != new:
        audit_record(
            actor=by,
            obj=version,
            action=Action.UPDATE,
            changes=[{"field": f"paragraf {section} {key}", "old": old, "new": new}],
            region_code=_code(version),
        )
    return item


def render_request(*, version: DocumentVersion, fmt: str, by: Any) -> RenderedFile:
    """Queue one render (background task); an approved version keeps its first file."""
    if fmt not in Format.values:
        raise ValidationError("Format tidak dikenal.")
    from ppsp.docgen.services.snapshot import snapshot_of

    with transaction.atomic():
        snap = snapshot_of(version) if version.locked else None
        done = RenderedFile.objects.filter(version=version, fmt=fmt, state=RenderState.DONE)
        if snap is not None:
            done = done.filter(snapshot=snap)
        if version.locked and done.exists():
            raise ValidationError(IMMUTABLE)
        rendered = RenderedFile.objects.create(
            version=version,
            fmt=fmt,
            snapshot=snap,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        audit_record(
            actor=by,
            obj=version,
            action=Action.UPDATE,
            changes=[{"field": "dokumen disusun", "old": "", "new": fmt}],
            region_code=_code(version),
        )
    from ppsp.docgen.tasks import render_document_task

    jobs.job_enqueue(
        task=render_document_task,
        args=[rendered.pk],
        kind="dokumen",
        label=f"{version.document} v{version.number} · {rendered.get_fmt_display()}",
        region_code=_code(version),
        permission=Permission.VIEW_DOCUMENTS,
        cancel_permission=Permission.EDIT_DOCUMENTS,
        by=by,
        target=rendered,
        steps=4,
        on_commit=True,
    )
    return rendered


def _progress(rendered: RenderedFile, percent: int) -> None:
    rendered.progress = percent
    RenderedFile.objects.filter(pk=rendered.pk).update(progress=percent, state=rendered.state)


def _context_of(rendered: RenderedFile) -> DocContext:
    """An approved version's file renders from its snapshot; a draft's from the data."""
    if rendered.snapshot_id is not None:
        from ppsp.docgen.services.snapshot import snapshot_context

        return snapshot_context(rendered.snapshot)  # type: ignore[arg-type]
    return build_context(rendered.version)


def render_bytes(version: DocumentVersion, fmt: str) -> bytes:
    context = build_context(version)
    render_figures(context)
    return render_docx(context) if fmt == Format.DOCX else render_pdf(context)


def render_run(rendered_id: int, tracker: jobs.Tracker | None = None) -> RenderedFile:
    """Build the context, draw figures, render, store the file with its sha256.

    Four steps reported to ``tracker`` (a background job; cancellation stops between them).
    """
    tracker = tracker or jobs.Tracker(None)
    rendered = RenderedFile.objects.select_related(
        "version__document__region", "version__document__method_version", "snapshot"
    ).get(pk=rendered_id)
    if rendered.state == RenderState.DONE:
        return rendered
    started = time.perf_counter()
    rendered.state = RenderState.RUNNING
    _progress(rendered, 5)
    try:
        version = rendered.version
        tracker.step(1, "Mengumpulkan data dan narasi", count=4)
        context = _context_of(rendered)  # from the approved snapshot when there is one
        _progress(rendered, 40)
        tracker.step(2, "Menggambar grafik dan peta", count=4)
        render_figures(context)
        _progress(rendered, 60)
        tracker.step(3, f"Menyusun berkas {rendered.get_fmt_display()}", count=4)
        data = render_docx(context) if rendered.fmt == Format.DOCX else render_pdf(context)
        _progress(rendered, 90)
        tracker.step(4, "Menyimpan berkas", count=4)
    except jobs.JobCancelled:
        rendered.job_stopped(RenderState.FAILED, "Penyusunan dibatalkan.")
        raise
    except Exception as error:
        rendered.state = RenderState.FAILED
        rendered.error = f"{type(error).__name__}: {error}"
        rendered.finished_at = timezone.now()
        rendered.save(update_fields=["state", "error", "finished_at"])
        return rendered
    document = version.document
    name = f"{document.doc_type}-{document.region.code}-{document.period_start}-v{version.number}"
    rendered.file.save(f"{name}.{rendered.fmt}", ContentFile(data), save=False)
    rendered.sha256 = hashlib.sha256(data).hexdigest()
    rendered.size = len(data)
    rendered.tables = [
        {"number": t.number, "title": t.title, "header": t.header, "rows": t.rows}
        for t in context.tables
    ]
    rendered.state = RenderState.DONE
    rendered.progress = 100
    rendered.seconds = round(time.perf_counter() - started, 2)
    rendered.finished_at = timezone.now()
    rendered.save()
    return rendered
