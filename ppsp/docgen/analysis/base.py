"""What every analysis function receives: the section's bound blocks and the document's
own facts (both in the approval snapshot, so an approved version drafts from it)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ppsp.docgen.analysis.text import Paragraph, Value
from ppsp.docgen.doc import Block, Figure, Table

DOC = "dokumen"  # provenance of the document's own facts (kab/kota, period)


@dataclass(frozen=True)
class DocFacts:
    doc_type: str  # BPS, SSK, MPS
    title: str
    kabkota: str
    province: str
    period: str  # "2027–2031"

    @property
    def years(self) -> tuple[str, str]:
        parts = re.split(r"[–-]", self.period)
        return parts[0].strip(), parts[-1].strip()

    def v_period(self) -> Value:
        return Value(self.period, f"{DOC}#periode")

    def v_start(self) -> Value:
        return Value(self.years[0], f"{DOC}#tahun_awal")


@dataclass(frozen=True)
class SectionInput:
    number: str
    title: str  # heading without its number
    level: int
    binding: str
    blocks: Sequence[Block]
    children: tuple[str, ...] = ()  # titles of its subsections (chapter headings)


Analysis = Callable[[SectionInput, DocFacts], list[Paragraph]]


def table_of(section: SectionInput, prefix: str = "") -> Table | None:
    for block in section.blocks:
        if isinstance(block, Table) and block.title.startswith(prefix):
            return block
    return None


def figure_of(section: SectionInput, kind: str) -> Figure | None:
    for block in section.blocks:
        if isinstance(block, Figure) and block.kind == kind:
            return block
    return None


def year_in(title: str) -> str:
    """The last four-digit year in a table title ("… tahun 2025" → "2025"), or ""."""
    found = re.findall(r"\b(?:19|20)\d\d\b", title)
    return found[-1] if found else ""


def body_rows(
    table: Table, label_col: int = 0, totals: tuple[str, ...] = ("Jumlah",)
) -> list[list[str]]:
    """The table's rows without its total rows."""
    return [r for r in table.rows if r and r[label_col] not in totals]


def sentence_case(text: str) -> str:
    """ "Latar Belakang" → "latar belakang"; acronyms ("SSK", "PHBS") and "(Tabel" stay."""
    words = text.split(" ")
    return " ".join(
        w if w.isupper() or w.lstrip("(").startswith("Tabel") else w.lower() for w in words
    )


def lower_first(text: str) -> str:
    """ "Air limbah domestik" → "air limbah domestik" (keeps acronyms such as "PHBS")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
