"""Reads of the document generator, scoped through the documents app's access helpers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.shortcuts import get_object_or_404

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
    text: str
    written: bool  # the Pokja wrote text (not only the default hint)


def completeness(version: DocumentVersion) -> list[SectionState]:
    texts = dict(SectionText.objects.filter(version=version).values_list("section", "text"))
    out = []
    for section in outline_of(version):
        text = texts.get(section.number, "")
        out.append(SectionState(section, text or section.hint, bool(text.strip())))
    return out


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
