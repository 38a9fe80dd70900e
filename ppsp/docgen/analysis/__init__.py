"""Analysis written from the data (issue 20): Indonesian paragraphs per document section.

Each function takes one section's bound blocks (the same tables and figures the document
prints, so an approved version drafts from its snapshot) and the document's facts, and
returns `Paragraph`s of `Sentence`s whose numbers carry their provenance (a key of
`ppsp.core.figures.FIGURES` or the bound-data key, see `text.py`). Deterministic, no Django.

`ANALYSES` maps a section's data binding to its analysis; sections without data get a
chapter opening or a Pendahuluan text (`umum`). `draft_document` drafts a whole
`DocContext`.
"""

from __future__ import annotations

import logging

from ppsp.docgen.analysis import kemajuan as _kemajuan
from ppsp.docgen.analysis import keuangan, kkl, kondisi, profil, program, risiko, swot, umum, zona
from ppsp.docgen.analysis import monev as _monev
from ppsp.docgen.analysis.base import Analysis, DocFacts, SectionInput
from ppsp.docgen.analysis.text import Paragraph
from ppsp.docgen.doc import DocContext, SectionContext

log = logging.getLogger(__name__)
ANALYSES: dict[str, Analysis] = {
    # profil wilayah
    "penduduk": profil.penduduk,
    "tahapan_ppsp": profil.tahapan_ppsp,
    # EHRA results and kondisi per subsektor
    "irs": kondisi.irs,
    # area berisiko
    "area_berisiko": risiko.area_berisiko,
    # kemajuan
    "kemajuan": _kemajuan.kemajuan,
    # fiscal capacity and Tabel 5.1
    "pendanaan": keuangan.pendanaan,
    "tabel_5_1": keuangan.tabel_5_1,
    "skenario": keuangan.skenario,
    # zones and systems
    "tahapan_pengembangan": zona.tahapan_pengembangan,
    "visi_misi": zona.visi_misi,
    # SWOT
    "swot": swot.swot,
    # KKL
    "kkl_matrix": kkl.kkl_matrix,
    "tujuan_sasaran": kkl.tujuan_sasaran,
    "strategi": kkl.strategi,
    # programme and funding (MPS)
    "tabel_5_2": program.tabel_5_2,
    "program_kegiatan": program.program_kegiatan,  # ":<subsektor>" too (MPS Bab 3.x)
    "mps_tahunan": program.mps_tahunan,
    # monev
    "monev": _monev.monev,
    "tanggapan": _monev.tanggapan,
}

__all__ = ["ANALYSES", "DocFacts", "Paragraph", "SectionInput", "draft_document", "draft_section"]


def analyses_for(binding: str) -> list[Analysis]:
    """The analyses of a binding, in order: one per part of "a+b" (outlines docstring),
    "program_kegiatan:air_limbah" by its key before the colon."""
    found = (ANALYSES.get(part.split(":", 1)[0]) for part in binding.split("+") if part)
    return [fn for fn in found if fn is not None]


def analysis_for(binding: str) -> Analysis | None:
    """The first analysis of a binding (None when its data has none)."""
    found = analyses_for(binding) if binding else []
    return found[0] if found else None


def draft_section(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """The drafted paragraphs of one section: its data analysis (each part of a combined
    binding reads its own tables among the section's blocks), else its chapter opening
    or Pendahuluan text; [] when there is nothing to say (the section stays unwritten)."""
    drafted: list[Paragraph] = []
    for fn in analyses_for(section.binding):
        try:
            drafted += fn(section, doc)
        except (ArithmeticError, IndexError, KeyError, ValueError):
            # a table laid out differently than its analysis expects: the document still
            # renders (its tables are right); that part then says nothing
            log.warning(
                "analisis bagian %s (%s) gagal", section.number, section.binding, exc_info=True
            )
    if not drafted and section.children:
        drafted = umum.chapter(section, doc)
    if not drafted and not section.binding:
        drafted = umum.intro(section, doc)
    return drafted


def title_of(section: SectionContext) -> str:
    """The section title without "Bab II", "2.1" or "Lampiran 1"."""
    heading = section.heading
    if heading.startswith("Lampiran "):
        return heading.split(" ", 2)[-1]
    if heading.startswith("Bab "):
        return heading.split(" ", 2)[-1]
    return heading.split(" ", 1)[-1] if heading.split(" ", 1)[0] == section.number else heading


def facts_of(context: DocContext) -> DocFacts:
    return DocFacts(
        doc_type=context.doc_type,
        title=context.title,
        kabkota=context.kabkota,
        province=context.province,
        period=context.period,
    )


def inputs_of(context: DocContext) -> list[SectionInput]:
    out = []
    for section in context.sections:
        prefix = section.number + "."
        children = tuple(
            title_of(s) for s in context.sections if s.number.startswith(prefix) and s.level > 1
        )
        out.append(
            SectionInput(
                number=section.number,
                title=title_of(section),
                level=section.level,
                binding=section.binding,
                blocks=section.blocks,
                children=children if section.level == 1 else (),
            )
        )
    return out


def draft_document(context: DocContext) -> dict[str, list[Paragraph]]:
    """Drafted paragraphs per section number of a bound document (data or snapshot)."""
    doc = facts_of(context)
    return {s.number: draft_section(s, doc) for s in inputs_of(context)}
