"""The source line under every table and figure (issue 20: "Sumber: …, tahun").

A binding names its source on the block (`Table.source`/`Figure.source`) when it knows it
(EHRA round and year, the Population records' own source, the Tabel 5.1 scenario and
fiscal year). Older bindings wrote it into the note ("Sumber: …"): that text moves to the
source. The rest are records the Pokja keeps in this system for the document's period; their
line names that record and the period. A figure drawn from a table's data shares its source.
Nothing is guessed: a block with neither gets `doc.UNKNOWN_SOURCE` ("tidak tercatat").
"""

from __future__ import annotations

from ppsp.docgen.doc import Figure, SectionContext, Table
from ppsp.docgen.fmt import fill

PREFIX = "Sumber:"
RECORDS: dict[str, str] = {
    "visi_misi": "Visi dan misi sanitasi Pokja Sanitasi {kabkota} (Proses 3), {periode}",
    "tahapan_pengembangan": "Tahapan pengembangan per zona dan sistem, {kabkota}, {periode}",
    "tujuan_sasaran": "Kerangka Kerja Logis Pokja Sanitasi {kabkota}, {periode}",
    "skenario": "Skenario pembangunan sanitasi terpilih {skenario} (Proses 3), {periode}",
    "strategi": "Kerangka Kerja Logis Pokja Sanitasi {kabkota}, {periode}",
    "kkl_matrix": "Kerangka Kerja Logis Pokja Sanitasi {kabkota}, {periode}",
    "swot": "Analisis SWOT Pokja Sanitasi {kabkota} (Proses 4), {periode}",
    "tabel_5_2": "Lampiran 4 Program, Kegiatan dan Indikasi Pendanaan {kabkota}, {periode}",
    "program_kegiatan": (
        "Lampiran 4 Program, Kegiatan dan Indikasi Pendanaan {kabkota}, {periode}"
    ),
    "mps_tahunan": "Lampiran 4 dan MPS tahunan {kabkota}, {periode}",
    "monev": "Matriks monitoring dan evaluasi Pokja Sanitasi {kabkota}, {periode}",
    "tanggapan": "Konsultasi publik rancangan dokumen {kabkota}, {periode}",
    "tahapan_ppsp": "Catatan tahapan PPSP {kabkota}",
}


def _record(binding: str, facts: dict[str, str]) -> str:
    template = RECORDS.get(binding.split(":", 1)[0], "")
    text = fill(template, facts)
    return "" if "{" in text else text  # a fact the bindings did not find: not recorded


def attach_sources(sections: list[SectionContext], facts: dict[str, str]) -> None:
    """Give every table and figure its source (see the module docstring), in place."""
    for section in sections:
        bindings = section.binding.split("+")
        table_source = ""
        tables = 0
        for block in section.blocks:
            if isinstance(block, Table):
                if not block.source and block.note.startswith(PREFIX):
                    block.source, block.note = block.note[len(PREFIX) :].strip(), ""
                if not block.source:
                    binding = bindings[min(tables, len(bindings) - 1)]
                    block.source = _record(binding, facts)
                table_source = block.source
                tables += 1
            elif isinstance(block, Figure) and not block.source:
                block.source = table_source
