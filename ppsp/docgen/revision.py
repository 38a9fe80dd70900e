"""What a version says, for comparing a revision (perubahan) with the approved version.

An approved version is read from its snapshot (what was approved, byte-stable); a draft
from its data now (what would be approved); an old approved version without snapshot from
its first rendered file. `narrative_changes` lists the sections whose text changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ppsp.docgen.context import build_context
from ppsp.docgen.doc import DocContext
from ppsp.docgen.models import RenderedFile, RenderState
from ppsp.docgen.services.snapshot import snapshot_context, snapshot_of
from ppsp.documents.models import DocumentVersion


@dataclass(frozen=True)
class Side:
    version: DocumentVersion
    origin: str  # "snapshot", "data", "berkas"
    tables: list[dict[str, Any]]
    texts: dict[str, tuple[str, str]]  # section number -> (heading, text)


def _tables(context: DocContext) -> list[dict[str, Any]]:
    return [
        {"number": t.number, "title": t.title, "header": t.header, "rows": t.rows}
        for t in context.tables
    ]


def _texts(context: DocContext) -> dict[str, tuple[str, str]]:
    return {s.number: (s.heading, s.text) for s in context.sections}


def side_of(version: DocumentVersion) -> Side | None:
    snap = snapshot_of(version)
    if snap is not None:
        context = snapshot_context(snap)
        return Side(version, "snapshot", _tables(context), _texts(context))
    if not version.locked:
        context = build_context(version)
        return Side(version, "data", _tables(context), _texts(context))
    first = (
        RenderedFile.objects.filter(version=version, state=RenderState.DONE)
        .exclude(tables=[])
        .order_by("created_at", "id")
        .first()
    )
    return Side(version, "berkas", first.tables, {}) if first is not None else None


@dataclass(frozen=True)
class TextChange:
    number: str
    heading: str
    old: str
    new: str


def narrative_changes(a: Side, b: Side) -> list[TextChange]:
    if not a.texts or not b.texts:
        return []
    out = []
    for number, (heading, new) in b.texts.items():
        old = a.texts.get(number, ("", ""))[1]
        if old != new:
            out.append(TextChange(number, heading, old, new))
    return out


def base_of(version: DocumentVersion) -> DocumentVersion | None:
    """The version a revision is compared with: the latest approved/superseded before it."""
    return (
        version.document.versions.filter(number__lt=version.number, approved_at__isnull=False)
        .order_by("-number")
        .first()
    )
