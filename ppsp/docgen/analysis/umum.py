"""Sections without data: chapter openings (what the chapter holds) and the
Pendahuluan sections, written from the document's own facts (type, kab/kota, period)."""

from __future__ import annotations

from ppsp.docgen.analysis.base import DOC, DocFacts, SectionInput, sentence_case
from ppsp.docgen.analysis.text import Paragraph, Sentence, Value, paragraph, say

PURPOSE = {
    "BPS": "memotret kondisi sanitasi saat ini sebagai dasar penyusunan strategi sanitasi",
    "SSK": "menetapkan arah, sasaran, strategi, program dan indikasi pendanaan pembangunan "
    "sanitasi lima tahun",
    "MPS": "menjabarkan strategi sanitasi menjadi kegiatan prioritas tahunan dengan "
    "komitmen pendanaannya",
}


def chapter(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """A chapter heading with subsections: say what the chapter holds."""
    if not section.children:
        return []
    items = [Value(sentence_case(t), f"{DOC}#kerangka") for t in section.children]
    p = paragraph(
        "bab.isi",
        [say("Bab ini menguraikan {items} untuk {kabkota}.", items=items, kabkota=doc.kabkota)],
    )
    return [p] if p else []


def _sentences(title: str, doc: DocFacts) -> list[Sentence]:
    low = title.lower()
    name = f"{doc.title.replace('Kabupaten/Kota', '').strip()} {doc.kabkota}"
    purpose = PURPOSE.get(doc.doc_type, PURPOSE["SSK"])
    if "latar belakang" in low or low == "pendahuluan":
        return [
            say(
                "{name} periode {period} disusun oleh Kelompok Kerja (Pokja) Sanitasi untuk "
                "{purpose}.",
                name=name,
                period=doc.v_period(),
                purpose=purpose,
            ),
            say(
                "Angka dalam dokumen ini diambil langsung dari data yang tersimpan dalam "
                "sistem; sumber dan tahun setiap tabel dicantumkan di bawahnya."
            ),
        ]
    if "maksud" in low:
        return [
            say("Maksud penyusunan {name} adalah {purpose}.", name=name, purpose=purpose),
            say(
                "Tujuannya memberi acuan bersama bagi perangkat daerah, pemerintah provinsi, "
                "pemerintah pusat dan masyarakat dalam periode {period}.",
                period=doc.v_period(),
            ),
        ]
    if "metodologi" in low:
        return [
            say(
                "Dokumen disusun dengan mengolah data sekunder, studi Environmental Health "
                "Risk Assessment (EHRA), persepsi perangkat daerah dan diskusi Pokja, lalu "
                "dikonsultasikan kepada publik sebelum ditetapkan."
            )
        ]
    if "dasar hukum" in low:
        return [
            say(
                "Penyusunan mengacu pada peraturan perundang-undangan bidang sanitasi, "
                "perencanaan pembangunan daerah dan keuangan daerah yang berlaku, serta "
                "pedoman Program Percepatan Pembangunan Sanitasi Permukiman (PPSP)."
            )
        ]
    if low == "program dan kegiatan":
        return [
            say(
                "Program dan kegiatan {name} periode {period} dirinci per subsektor dalam "
                "lampiran Program, Kegiatan dan Indikasi Pendanaan, lengkap dengan lokasi, "
                "sumber pendanaan, biaya lima tahun dan status kesiapannya.",
                name=name,
                period=doc.v_period(),
            ),
            say(
                "Kegiatan prioritas setiap tahun dijabarkan lebih lanjut dalam Memorandum "
                "Program Sanitasi (MPS) beserta komitmen pendanaannya."
            ),
        ]
    if "keterkaitan" in low:
        return [
            say(
                "{name} menjadi masukan bagi RPJMD, Renstra perangkat daerah dan RKPD, dan "
                "sebaliknya mengikuti arah kebijakan dalam dokumen perencanaan tersebut.",
                name=name,
            )
        ]
    return []


def intro(section: SectionInput, doc: DocFacts) -> list[Paragraph]:
    """Pendahuluan sections recognised by their title; other sections get nothing."""
    p = paragraph("pendahuluan.umum", _sentences(section.title, doc))
    return [p] if p else []
