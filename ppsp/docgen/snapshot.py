"""The bound document model as canonical JSON, and back (pure: no Django, no ORM).

At approval the `DocContext` built from the stored data is serialised with `to_json`;
`canonical` gives the bytes whose SHA-256 is stored beside it; `from_json` rebuilds an
equal `DocContext` so that the approved DOCX/PDF are always rendered from the snapshot,
never from today's data. Figures keep their data, not their PNG (drawn when rendering).
"""

from __future__ import annotations

from typing import Any

from ppsp.core.canonical import canonical as canonical  # one hash for every snapshot
from ppsp.core.canonical import digest as digest
from ppsp.core.canonical import normalised as _normalised
from ppsp.docgen.analysis.text import from_dict, to_dict
from ppsp.docgen.doc import Block, DocContext, Figure, Missing, SectionContext, Table

# Bump when the serialised shape changes; `from_json` reads older formats.
FORMAT = 2  # 2: source of tables and figures, printed section labels, drafted paragraphs


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Table):
        return {
            "type": "table",
            "title": block.title,
            "header": list(block.header),
            "rows": [list(r) for r in block.rows],
            "number": block.number,
            "note": block.note,
            "numeric": sorted(block.numeric),
            "bold_rows": sorted(block.bold_rows),
            "source": block.source,
        }
    if isinstance(block, Figure):
        return {
            "type": "figure",
            "title": block.title,
            "kind": block.kind,
            "data": block.data,
            "number": block.number,
            "source": block.source,
        }
    return {"type": "missing", "what": block.what}


def to_json(context: DocContext) -> dict[str, Any]:
    """A JSON-ready dict of the whole document model (round trip: `from_json`)."""
    return {
        "format": FORMAT,
        "title": context.title,
        "doc_type": context.doc_type,
        "kabkota": context.kabkota,
        "province": context.province,
        "period": context.period,
        "method": context.method,
        "version": context.version,
        "status": context.status,
        "generated_on": context.generated_on,
        "sections": [
            {
                "number": s.number,
                "heading": s.heading,
                "level": s.level,
                "binding": s.binding,
                "text": s.text,
                "blocks": [_block(b) for b in s.blocks],
                "label": s.label,
                **({"paragraphs": [to_dict(p) for p in s.paragraphs]} if s.paragraphs else {}),
            }
            for s in context.sections
        ],
    }


def _from_block(data: dict[str, Any]) -> Block:
    if data["type"] == "table":
        note, source = data.get("note", ""), data.get("source", "")
        if "source" not in data and note.startswith("Sumber:"):  # format 1: source in the note
            note, source = "", note.removeprefix("Sumber:").strip()
        return Table(
            title=data["title"],
            header=list(data["header"]),
            rows=[list(r) for r in data["rows"]],
            number=data.get("number", ""),
            note=note,
            numeric=set(data.get("numeric", ())),
            bold_rows=set(data.get("bold_rows", ())),
            source=source,
        )
    if data["type"] == "figure":
        return Figure(
            title=data["title"],
            kind=data["kind"],
            data=data["data"],
            number=data.get("number", ""),
            source=data.get("source", ""),
        )
    return Missing(data["what"])


def from_json(data: dict[str, Any]) -> DocContext:
    return DocContext(
        title=data["title"],
        doc_type=data["doc_type"],
        kabkota=data["kabkota"],
        province=data["province"],
        period=data["period"],
        method=data["method"],
        version=data["version"],
        status=data["status"],
        generated_on=data.get("generated_on", ""),
        sections=[
            SectionContext(
                number=s["number"],
                heading=s["heading"],
                level=s["level"],
                binding=s["binding"],
                text=s["text"],
                blocks=[_from_block(b) for b in s["blocks"]],
                label=s.get("label", ""),
                paragraphs=[from_dict(p) for p in s.get("paragraphs", ())],
            )
            for s in data["sections"]
        ],
    )


def normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The dict as it reads back from a JSON column (tuples → lists, int keys → str)."""
    result: dict[str, Any] = _normalised(data)
    return result
