"""Pokja edits over drafted paragraphs (pure): the edited text replaces the drafted one
on every re-render; when the figures under the paragraph changed since the edit (its
stored data hash differs from the drafted paragraph's hash now) the paragraph is flagged
stale ("Data berubah sejak paragraf ini disunting")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ppsp.docgen.analysis.text import Paragraph

STALE = "Data berubah sejak paragraf ini disunting"


@dataclass(frozen=True)
class Edit:
    text: str
    data_hash: str  # Paragraph.data_hash of the drafted paragraph when it was edited


def apply_edits(drafted: list[Paragraph], edits: Mapping[str, Edit]) -> list[Paragraph]:
    """Drafted paragraphs with the Pokja's edits applied, in drafted order; an edit whose
    paragraph is no longer drafted (its data is gone) is kept at the end, flagged stale."""
    out = []
    for p in drafted:
        edit = edits.get(p.key)
        if edit is not None:
            p.edited_text = edit.text
            p.stale = edit.data_hash != p.data_hash
        out.append(p)
    keys = {p.key for p in drafted}
    for key, edit in edits.items():
        if key not in keys:
            out.append(Paragraph(key, [], edited_text=edit.text, stale=True))
    return out


def section_text(intro: str, paragraphs: list[Paragraph]) -> str:
    """The section's narrative: the Pokja's own text, then the paragraphs (blank-line
    separated, as the renderers split them)."""
    parts = [intro.strip(), *(p.text.strip() for p in paragraphs)]
    return "\n\n".join(x for x in parts if x)


PLACEHOLDER = re.compile(r"\[Narasi bagian ini belum ditulis\.\]|\{[a-z_]+\}")


def placeholders_in(text: str) -> list[str]:
    """Placeholder text left in a narrative: the "not written" marker or an unfilled
    {placeholder}; a document marked complete has none."""
    return PLACEHOLDER.findall(text)
