"""The outlines of BPS, SSK and MPS against the guides as transcribed in domain-ppsp.md
(§4.2 SSK 2015, §4.3 SSK 2016, §4.4 SSK 2017, §5.2 BPS 2014/2015, §6.2 MPS), and the
numbering rules: Tabel 5.1/5.2 as the guides name them, never two tables with one number."""

from __future__ import annotations

from ppsp.docgen.doc import Figure, SectionContext, Table, number_blocks, source_line
from ppsp.docgen.outlines import OUTLINES, Section

# (printed heading) per chapter, in order, as the guides give them.
CHAPTERS = {
    "SSK-2017": [  # §4.4: Bab I–VII; Lampiran 2 SWOT, Lampiran 4 program template
        "Bab I Pendahuluan",
        "Bab II Profil Sanitasi",
        "Bab III Kerangka Pengembangan Sanitasi",
        "Bab IV Strategi Pengembangan Sanitasi",
        "Bab V Kerangka Kerja Logis",
        "Bab VI Program, Kegiatan dan Indikasi Pendanaan Sanitasi",
        "Bab VII Monitoring dan Evaluasi Capaian SSK",
        "Lampiran 1 Tahapan PPSP dan Proses Pemutakhiran SSK",
        "Lampiran 2 Analisis SWOT",
        "Lampiran 3 Matriks Tanggapan Konsultasi Publik",
        "Lampiran 4 Program, Kegiatan dan Indikasi Pendanaan",
    ],
    "SSK-2016": [  # §4.3 table: Bab 1–6, program in Bab 5, monev Bab 6
        "Bab I Pendahuluan",
        "Bab II Profil Sanitasi",
        "Bab III Kerangka Pengembangan Sanitasi",
        "Bab IV Strategi Pengembangan Sanitasi",
        "Bab V Program, Kegiatan dan Indikasi Pendanaan Sanitasi",
        "Bab VI Monitoring dan Evaluasi Capaian SSK",
        "Lampiran 1 Kerangka Kerja Logis",
        "Lampiran 2 Analisis SWOT",
        "Lampiran 3 Matriks Tanggapan Konsultasi Publik",
        "Lampiran 4 Program, Kegiatan dan Indikasi Pendanaan",
    ],
    "SSK-2015": [  # §4.2: Lampiran 1 SWOT, 2 KKL, 3 program & kegiatan rinci
        "Bab I Pendahuluan",
        "Bab II Kerangka Pengembangan Sanitasi",
        "Bab III Tujuan, Sasaran dan Strategi",
        "Lampiran 1 Analisis SWOT",
        "Lampiran 2 Kerangka Kerja Logis",
        "Lampiran 3 Program dan Kegiatan Rinci",
    ],
    "BPS-2014": [  # §5.2: Bab IV program saat ini, Bab V indikasi permasalahan
        "Bab I Pendahuluan",
        "Bab II Gambaran Umum Wilayah",
        "Bab III Profil Sanitasi Saat Ini",
        "Bab IV Program Pengembangan Sanitasi Saat Ini dan yang Direncanakan",
        "Bab V Indikasi Permasalahan dan Posisi Pengelolaan Sanitasi",
        "Lampiran 1 Tahapan PPSP",
    ],
    "MPS-2014": [  # §6.2: Bab 1–4 and the matriks program-kegiatan per tahun
        "Bab I Pendahuluan",
        "Bab II Review SSK dan Prioritas Pembangunan Sanitasi",
        "Bab III Rencana Kegiatan Pembangunan Sanitasi",
        "Bab IV Rencana Anggaran Pembangunan Sanitasi",
        "Lampiran 1 Kerangka Kerja Logis",
        "Lampiran 2 Matriks Program dan Kegiatan per Tahun",
    ],
}
SECTIONS = {
    "SSK-2017": {
        "2": ["2.1", "2.2", "2.3", "2.4"],
        "3": [
            "3.1 Visi dan Misi Sanitasi",
            "3.2 Tahapan Pengembangan Sanitasi (Sistem dan Zona)",
            "3.3 Tujuan dan Sasaran",
            "3.4 Skenario Pencapaian Sasaran",
            "3.5 Kemampuan Pendanaan Sanitasi Daerah",
        ],
        "4": ["4.1 Air Limbah Domestik", "4.2 Persampahan", "4.3 Drainase Perkotaan"],
    },
    "MPS-2014": {
        "2": ["2.1 Profil Kabupaten/Kota", "2.2 Kebutuhan Biaya (Tabel 5.1)"],
        "3": [
            "3.1 Rencana Kegiatan Air Limbah Domestik",
            "3.2 Rencana Kegiatan Persampahan",
            "3.3 Rencana Kegiatan Drainase Lingkungan",
            "3.4 Rencana Kegiatan PHBS",
        ],
    },
    "BPS-2014": {"5": ["5.1 Area Berisiko Sanitasi", "5.2 Posisi Pengelolaan Sanitasi Saat Ini"]},
}


def _chapters(outline: tuple[Section, ...]) -> list[str]:
    return [s.heading for s in outline if s.level == 1]


def test_it_follows_the_chapters_of_each_guide_in_order() -> None:
    for code, chapters in CHAPTERS.items():
        assert _chapters(OUTLINES[code]) == chapters, code


def test_it_follows_the_sections_of_each_guide_in_order() -> None:
    for code, chapters in SECTIONS.items():
        for chapter, expected in chapters.items():
            got = [s.heading for s in OUTLINES[code] if s.level == 2 and s.chapter == chapter]
            if all(" " not in e for e in expected):
                got = [h.split(" ")[0] for h in got]
            assert got == expected, (code, chapter)


def test_it_keeps_section_ids_unique_and_stable() -> None:
    for code, outline in OUTLINES.items():
        ids = [s.number for s in outline]
        assert len(ids) == len(set(ids)), code
        headings = [s.heading for s in outline]
        assert len(headings) == len(set(headings)), code
    # the ids the Pokja's stored texts use in SSK 2017 keep their meaning
    ssk = {s.number: s for s in OUTLINES["SSK-2017"]}
    assert ssk["L1"].binding == "swot" and ssk["L1"].heading == "Lampiran 2 Analisis SWOT"
    assert ssk["L2"].binding == "tahapan_ppsp" and ssk["3.5"].title.startswith("Kemampuan")


def test_it_pins_tabel_5_1_and_5_2_where_the_guide_has_them() -> None:
    def pinned(code: str) -> list[str]:
        return [n for s in OUTLINES[code] for n in s.tables]

    def known(code: str) -> list[str]:
        return [n for s in OUTLINES[code] for n in s.known_as]

    assert pinned("SSK-2016") == ["Tabel 5.1", "Tabel 5.2"]  # Bab 5 Program, as in the guide
    # SSK 2017 (Bab V is the KKL) and MPS (Bab II/IV): the guide's name in the caption
    assert known("SSK-2017") == known("MPS-2014") == ["Tabel 5.1", "Tabel 5.2"]
    assert pinned("SSK-2017") == pinned("MPS-2014") == []


def _table(title: str) -> Table:
    return Table(title, ["A"], [["1"]])


def test_it_never_gives_two_tables_one_number() -> None:
    pinned = _table("Rekapitulasi")
    pinned.number = "Tabel 5.1"
    sections = [
        SectionContext("5", "Bab V", 1, "kkl_matrix", "", [_table("KKL"), _table("KKL 2")]),
        SectionContext("5.1", "5.1", 2, "tabel_5_1", "", [pinned, Figure("Gap", "gaps", {})]),
        SectionContext("L1", "Lampiran 2", 1, "swot", "", [_table("SWOT")], label="2"),
    ]
    number_blocks(sections)
    numbers = [b.number for s in sections for b in s.blocks]
    assert numbers == ["Tabel 5.2", "Tabel 5.3", "Tabel 5.1", "Gambar 5.1", "Tabel L2.1"]


def test_it_says_when_a_source_is_not_recorded() -> None:
    assert source_line("studi EHRA 2026") == "Sumber: studi EHRA 2026"
    assert source_line(" ") == "Sumber: tidak tercatat (sumber dan tahun data belum diisikan)"
