"""Reads of the document generator, scoped through the documents app's access helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.shortcuts import get_object_or_404

from ppsp.consultation.models import Consultation
from ppsp.consultation.selectors import SectionChanges, changes_by_section
from ppsp.docgen.analysis.edits import placeholders_in
from ppsp.docgen.analysis.text import Paragraph
from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext
from ppsp.docgen.models import RenderedFile, RenderState, SectionText
from ppsp.docgen.outlines import Section, outline_for
from ppsp.documents.models import DocumentVersion
from ppsp.documents.selectors import get_document_version_for_user


def get_version_for_user(user: Any, pk: int, *, write: bool = False) -> DocumentVersion:
    return get_document_version_for_user(user, pk, write=write)


def get_rendered_for_user(user: Any, pk: int) -> RenderedFile:
    rendered = get_object_or_404(
        RenderedFile.objects.select_related("version__document__region"), pk=pk
    )
    get_document_version_for_user(user, rendered.version_id)
    return rendered


def outline_of(version: DocumentVersion) -> tuple[Section, ...]:
    document = version.document
    return outline_for(document.method_version.code, document.doc_type)


@dataclass(frozen=True)
class SectionState:
    section: Section
    text: str  # the section's narrative as the document prints it
    written: bool  # it has narrative: the Pokja's own text or drafted paragraphs
    own_text: str = ""  # the Pokja's own text (their words before the paragraphs)
    paragraphs: tuple[Paragraph, ...] = ()  # drafted, with the Pokja's edits applied
    placeholders: tuple[str, ...] = ()

    @property
    def stale(self) -> list[Paragraph]:
        """Edited paragraphs whose data changed since the edit."""
        return [p for p in self.paragraphs if p.stale]

    @property
    def complete(self) -> bool:
        return self.written and not self.stale and not self.placeholders


def context_of(version: DocumentVersion) -> DocContext:
    """The document model: an approved version's snapshot, else built from the data."""
    from ppsp.docgen.services.snapshot import snapshot_context, snapshot_of

    snap = snapshot_of(version)
    return snapshot_context(snap) if snap is not None else build_context(version)


def completeness(version: DocumentVersion) -> list[SectionState]:
    """Per outline section: its narrative, drafted paragraphs, stale edits, placeholders."""
    context = context_of(version)
    built = {s.number: s for s in context.sections}
    own = dict(
        SectionText.objects.filter(version=version, paragraph="").values_list("section", "text")
    )
    out = []
    for section in outline_of(version):
        done = built.get(section.number)
        text = done.text if done else ""
        out.append(
            SectionState(
                section,
                text,
                bool(text.strip()),
                own.get(section.number, ""),
                tuple(done.paragraphs) if done else (),
                tuple(placeholders_in(text)),
            )
        )
    return out


def document_complete(states: list[SectionState]) -> bool:
    """Every section has narrative, no stale edit and no placeholder text."""
    return all(s.complete for s in states)


def consultation_changes(version: DocumentVersion) -> list[SectionChanges]:
    """The final's "which comments changed which section": per section of the outline
    (in order), the public comments the Pokja accommodated there, when this version was
    put to konsultasi publik (`consultation.selectors.SectionChanges`); [] otherwise."""
    consultation = Consultation.objects.filter(version=version).first()
    return changes_by_section(consultation) if consultation is not None else []


def rendered_of(version: DocumentVersion) -> list[RenderedFile]:
    return list(RenderedFile.objects.filter(version=version).order_by("-created_at", "-id")[:20])


def latest_done(version: DocumentVersion, fmt: str) -> RenderedFile | None:
    """The file to offer: an approved version's first file rendered from its snapshot (its
    first file at all when it was approved before snapshots existed), else the newest."""
    done = RenderedFile.objects.filter(version=version, fmt=fmt, state=RenderState.DONE)
    if not version.locked:
        return done.order_by("-created_at", "-id").first()
    frozen = done.filter(snapshot__isnull=False).order_by("created_at", "id").first()
    return frozen or done.order_by("created_at", "id").first()
