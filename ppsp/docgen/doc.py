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
    source: str = ""  # where the figures come from, with year; "" = not recorded

    @property
    def caption(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def source_line(self) -> str:
        return source_line(self.source)

    @property
    def wide(self) -> bool:
        """Printed on a landscape page: many columns or more text than a portrait line."""
        return len(self.header) >= WIDE_COLUMNS or _content_chars(self) > WIDE_CHARS


@dataclass
class Figure:
    title: str
    kind: str  # chart key: gaps, irs, timeline, map
    data: dict[str, object]
    number: str = ""  # "Gambar 2.1"
    png: bytes = b""
    source: str = ""

    @property
    def caption(self) -> str:
        return f"{self.number} {self.title}".strip()

    @property
    def source_line(self) -> str:
        return source_line(self.source)


@dataclass
class Missing:
    what: str  # which data is missing and where to enter it


Block = Table | Figure | Missing

UNKNOWN_SOURCE = "tidak tercatat (sumber dan tahun data belum diisikan)"
WIDE_COLUMNS = 8  # Tabel 5.1 (No, subsektor, 5 years, total), Lampiran 4
WIDE_CHARS = 150  # preferred characters per row above which a portrait page is too narrow


def source_line(source: str) -> str:
    """The line under a table or figure; an unknown source is said, never guessed."""
    return f"Sumber: {source.strip() or UNKNOWN_SOURCE}"


def _content_chars(table: Table) -> int:
    """Preferred characters of a row: per column the longest value up to 45 characters."""
    widest = [min(len(h), 14) for h in table.header]
    for row in table.rows[:200]:
        for c, value in enumerate(row[: len(widest)]):
            widest[c] = max(widest[c], min(len(value), 45))
    return sum(widest)


@dataclass
class SectionContext:
    number: str  # the stable id (SectionText.section); `label` is what the reader sees
    heading: str
    level: int
    binding: str
    text: str  # narrative, placeholders filled
    blocks: list[Block] = field(default_factory=list)
    label: str = ""  # printed number when it differs from the id ("2" for id "L1")

    @property
    def chapter(self) -> str:
        """The chapter of table/figure numbers: "2" of 2.4, "L2" of Lampiran 2."""
        shown = self.label or self.number
        if self.number.startswith("L") and not shown.startswith("L"):
            shown = "L" + shown
        return shown.split(".")[0]

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
    def full_title(self) -> str:
        """ "Strategi Sanitasi Kabupaten Tanjung Jabung Timur": the kind is not repeated."""
        for kind in ("Kabupaten", "Kota"):
            if self.title.endswith(kind) and self.kabkota.startswith(kind):
                return self.title.removesuffix(kind) + self.kabkota
        return f"{self.title} {self.kabkota}"

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
    """Number tables and figures per chapter: Tabel 2.1, Gambar 2.1, Tabel L3.1.

    A block numbered already (the guide's own numbers, e.g. Tabel 5.1, set from the outline)
    keeps its number and does not count."""
    counters: dict[tuple[str, str], int] = {}
    taken = {b.number for s in sections for b in s.blocks if isinstance(b, Table | Figure)}
    for section in sections:
        chapter = section.chapter
        for block in section.blocks:
            if isinstance(block, Table | Figure) and not block.number:
                kind = "Tabel" if isinstance(block, Table) else "Gambar"
                n = counters.get((kind, chapter), 0) + 1
                while f"{kind} {chapter}.{n}" in taken:  # a pinned number is never repeated
                    n += 1
                counters[(kind, chapter)] = n
                block.number = f"{kind} {chapter}.{n}"
