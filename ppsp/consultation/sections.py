"""The document outline as the consultation cites it: chapters and sections of the
consulted version's outline (docgen.outlines, read only), for the comment form's select,
the tanggapan form and the per-section lists of the final."""

from __future__ import annotations

from ppsp.consultation.models import Consultation
from ppsp.docgen.outlines import outline_for


def outline_choices(consultation: Consultation) -> list[tuple[str, str]]:
    """(number, heading) of every chapter and section, in document order."""
    document = consultation.version.document
    outline = outline_for(document.method_version.code, document.doc_type)
    return [(s.number, s.heading[:200]) for s in outline]


def heading_of(consultation: Consultation, number: str) -> str | None:
    """The heading of section `number` of the consulted outline; None when it has none."""
    return dict(outline_choices(consultation)).get(number)


def order_of(consultation: Consultation) -> dict[str, int]:
    """Position of each section number in the outline (sections outside it sort last)."""
    return {number: i for i, (number, _h) in enumerate(outline_choices(consultation))}


def matches(number: str, wanted: str) -> bool:
    """A section filter: "2" matches chapter 2 and every "2.x"; "2.4" only itself."""
    return number == wanted or number.startswith(f"{wanted}.")
