"""The plain document context both renderers read: no Django, no ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]
    number: str = ""  # "Tabel 2.1", set by `number_blocks`
    note: str = ""
    numeric: set[int] = field(default_factory=set)  # right-aligned column indexes
    bold_rows: set[int] = field(default_factory=set)

    @property
    def caption(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass
class Figure:
    title: str
    kind: str  # chart key: gaps, irs, timeline, map
    data: dict[str, object]
    number: str = ""  # "Gambar 2.1"
    png: bytes = b""

    @property
    def caption(self) -> str:
        return f"{self.number} {self.title}".strip()


@dataclass
class Missing:
    what: str  # which data is missing and where to enter it


Block = Table | Figure | Missing


@dataclass
class SectionContext:
    number: str
    heading: str
    level: int
    binding: str
    text: str  # narrative, placeholders filled
    blocks: list[Block] = field(default_factory=list)
    # drafted analysis (ppsp.docgen.analysis.text.Paragraph), Pokja edits applied; their
    # texts are part of `text`, this keeps each sentence's provenance
    paragraphs: list[Any] = field(default_factory=list)

    @property
    def empty_text(self) -> bool:
        return not self.text.strip()

    @property
    def missing(self) -> list[Missing]:
        return [b for b in self.blocks if isinstance(b, Missing)]


@dataclass
class DocContext:
    title: str
    doc_type: str
    kabkota: str
    province: str
    period: str
    method: str
    version: str
    status: str
    sections: list[SectionContext]
    generated_on: str = ""

    @property
    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    @property
    def figures(self) -> list[Figure]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Figure)]

    @property
    def missing(self) -> list[tuple[str, Missing]]:
        return [(s.heading, m) for s in self.sections for m in s.missing]


def number_blocks(sections: list[SectionContext]) -> None:
    """Number tables and figures per chapter: Tabel 2.1, Gambar 2.1, Tabel L3.1."""
    counters: dict[tuple[str, str], int] = {}
    for section in sections:
        chapter = section.number.split(".")[0]
        for block in section.blocks:
            if isinstance(block, Table | Figure):
                kind = "Tabel" if isinstance(block, Table) else "Gambar"
                n = counters.get((kind, chapter), 0) + 1
                counters[(kind, chapter)] = n
                block.number = f"{kind} {chapter}.{n}"
