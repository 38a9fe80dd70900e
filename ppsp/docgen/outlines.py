"""Chapter outlines of BPS, SSK and MPS per method version, as data (domain-ppsp.md §4–§6).

Each section names a data `binding`: the key of the table, chart or map the context builder
(`ppsp.docgen.context`) puts under it; "a+b" binds both in order. An empty binding means
narrative text only. Bindings: penduduk, kemajuan, irs, area_berisiko, visi_misi,
tahapan_pengembangan, tujuan_sasaran, skenario, pendanaan, tabel_5_1, strategi:<subsektor>,
kkl_matrix, tabel_5_2, program_kegiatan, program_kegiatan:<subsektor>, monev, swot,
tahapan_ppsp, tanggapan, mps_tahunan.

`number` is the section's stable id (the key of the Pokja's `SectionText`); `label` is the
number printed when the guide numbers it differently (the SSK 2017 guide's Lampiran 2 is the
SWOT, stored as "L1" since the first outline). `tables` pins the guide's own table numbers
("Tabel 5.1", "Tabel 5.2") on the section's tables in order; the others are numbered per
chapter. Where the chapter differs from the guide that named the table (SSK 2017: Bab V is
the KKL, the program tables are in Bab VI), `known_as` adds the known name to the caption
("Tabel 6.1 Rekapitulasi … (Tabel 5.1 pedoman)") instead of a clashing number.
`tests/docgen/test_outlines.py` holds each outline's chapters against domain-ppsp.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    number: str  # "2", "2.4", "L2" (lampiran)
    title: str
    binding: str = ""
    hint: str = ""  # default narrative with placeholders ({kabkota}, {periode}, ...)
    label: str = ""  # printed number when it differs from the id (see module docstring)
    tables: tuple[str, ...] = ()  # the guide's table numbers, pinned in order
    known_as: tuple[str, ...] = ()  # the guide's table names, added to the captions in order

    @property
    def level(self) -> int:
        return 1 if "." not in self.number else 2

    @property
    def chapter(self) -> str:
        return self.number.split(".")[0]

    @property
    def shown(self) -> str:
        """The printed number: "2" for Lampiran id "L1" labelled "2", else the id."""
        if self.number.startswith("L"):
            return self.label or self.number[1:]
        return self.label or self.number

    @property
    def heading(self) -> str:
        if self.number.startswith("L"):
            return f"Lampiran {self.shown} {self.title}"
        if self.level == 1:
            return f"Bab {_roman(int(self.shown))} {self.title}"
        return f"{self.shown} {self.title}"


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, sign in numerals:
        while n >= value:
            out += sign
            n -= value
    return out


S = Section
T51_T52 = ("Tabel 5.1", "Tabel 5.2")  # numbered as in the guides and as users know them
_INTRO = (
    S("1", "Pendahuluan"),
    S(
        "1.1",
        "Latar Belakang",
        hint="Dokumen ini disusun oleh Pokja Sanitasi {kabkota} untuk periode {periode}.",
    ),
    S("1.2", "Maksud dan Tujuan"),
    S("1.3", "Metodologi"),
    S("1.4", "Dasar Hukum"),
    S("1.5", "Keterkaitan dengan Dokumen Perencanaan Lain"),
)
_PROFIL = (
    S("2", "Profil Sanitasi"),
    S("2.1", "Gambaran Wilayah dan Kependudukan", "penduduk"),
    S("2.2", "Kemajuan Pelaksanaan SSK", "kemajuan"),
)
_STRATEGI = (
    S("4", "Strategi Pengembangan Sanitasi"),
    S("4.1", "Air Limbah Domestik", "strategi:air_limbah"),
    S("4.2", "Persampahan", "strategi:persampahan"),
    S("4.3", "Drainase Perkotaan", "strategi:drainase"),
)
# Buku Pedoman Pemutakhiran SSK 2017, Bagian 2 (domain-ppsp.md §4.4, chapters as in §4.3).
_SSK_2017: tuple[Section, ...] = (
    *_INTRO,
    *_PROFIL,
    S(
        "2.3",
        "Kondisi Sanitasi Saat Ini",
        "irs",
        "Studi EHRA {tahun_ehra} mencakup {jumlah_desa_ehra} desa/kelurahan.",
    ),
    S("2.4", "Area Berisiko Sanitasi", "area_berisiko"),
    S("3", "Kerangka Pengembangan Sanitasi"),
    S("3.1", "Visi dan Misi Sanitasi", "visi_misi"),
    S("3.2", "Tahapan Pengembangan Sanitasi (Sistem dan Zona)", "tahapan_pengembangan"),
    S("3.3", "Tujuan dan Sasaran", "tujuan_sasaran"),
    S("3.4", "Skenario Pencapaian Sasaran", "skenario"),
    S(
        "3.5",
        "Kemampuan Pendanaan Sanitasi Daerah",
        "pendanaan",
        "Kebutuhan biaya lima tahun {periode} sebesar Rp {kebutuhan_total} juta.",
    ),
    *_STRATEGI,
    S("5", "Kerangka Kerja Logis", "kkl_matrix"),
    S("6", "Program, Kegiatan dan Indikasi Pendanaan Sanitasi"),
    S(
        "6.1",
        "Ringkasan Indikasi Kebutuhan Biaya dan Sumber Pendanaan",
        "tabel_5_1+tabel_5_2",
        known_as=T51_T52,
    ),
    S("6.2", "Program dan Kegiatan"),
    S("7", "Monitoring dan Evaluasi Capaian SSK", "monev"),
    S("L2", "Tahapan PPSP dan Proses Pemutakhiran SSK", "tahapan_ppsp", label="1"),
    S("L1", "Analisis SWOT", "swot", label="2"),
    S("L3", "Matriks Tanggapan Konsultasi Publik", "tanggapan"),
    S("L4", "Program, Kegiatan dan Indikasi Pendanaan", "program_kegiatan"),
)
# 2016 guide / 2016 SSKs (domain-ppsp.md §4.3): program in Bab 5, monev in Bab 6.
_SSK_2016: tuple[Section, ...] = (
    *_INTRO,
    *_PROFIL,
    S("2.3", "Area Berisiko Sanitasi", "area_berisiko"),
    S("3", "Kerangka Pengembangan Sanitasi"),
    S("3.1", "Visi dan Misi", "visi_misi"),
    S("3.2", "Tahapan Pengembangan Sanitasi", "tahapan_pengembangan"),
    S("3.3", "Tujuan dan Sasaran", "tujuan_sasaran"),
    S("3.4", "Skenario Pencapaian Sasaran", "skenario"),
    S("3.5", "Kemampuan Pendanaan Sanitasi Daerah", "pendanaan"),
    *_STRATEGI,
    S("5", "Program, Kegiatan dan Indikasi Pendanaan Sanitasi"),
    S("5.1", "Ringkasan", "tabel_5_1+tabel_5_2", tables=T51_T52),
    S("5.2", "Program dan Kegiatan"),
    S("6", "Monitoring dan Evaluasi Capaian SSK", "monev"),
    S("L1", "Kerangka Kerja Logis", "kkl_matrix"),
    S("L2", "Analisis SWOT", "swot"),
    S("L3", "Matriks Tanggapan Konsultasi Publik", "tanggapan"),
    S("L4", "Program, Kegiatan dan Indikasi Pendanaan", "program_kegiatan"),
)
# Pedoman Penyusunan SSK 2015 (domain-ppsp.md §4.2): Lampiran 1 SWOT, 2 KKL, 3 program.
_SSK_2015: tuple[Section, ...] = (
    S("1", "Pendahuluan"),
    S("2", "Kerangka Pengembangan Sanitasi", "visi_misi"),
    S("3", "Tujuan, Sasaran dan Strategi", "tujuan_sasaran"),
    S("L1", "Analisis SWOT", "swot"),
    S("L2", "Kerangka Kerja Logis", "kkl_matrix"),
    S("L3", "Program dan Kegiatan Rinci", "program_kegiatan"),
)
# Pedoman BPS Maret 2014/2015 (domain-ppsp.md §5.2).
_BPS_2014: tuple[Section, ...] = (
    S("1", "Pendahuluan"),
    S("2", "Gambaran Umum Wilayah", "penduduk"),
    S("3", "Profil Sanitasi Saat Ini", "irs"),
    S("4", "Program Pengembangan Sanitasi Saat Ini dan yang Direncanakan", "program_kegiatan"),
    S("5", "Indikasi Permasalahan dan Posisi Pengelolaan Sanitasi"),
    S("5.1", "Area Berisiko Sanitasi", "area_berisiko"),
    S("5.2", "Posisi Pengelolaan Sanitasi Saat Ini", "swot"),
    S("L1", "Tahapan PPSP", "tahapan_ppsp"),
)
# MPS documents (domain-ppsp.md §6.2): Bab 3 per subsector, Bab 4 per year and source.
_MPS_2014: tuple[Section, ...] = (
    S(
        "1",
        "Pendahuluan",
        hint="MPS {kabkota} {periode} adalah komitmen bersama Pemerintah Pusat, Provinsi "
        "dan Kabupaten/Kota.",
    ),
    S("2", "Review SSK dan Prioritas Pembangunan Sanitasi"),
    S("2.1", "Profil Kabupaten/Kota", "penduduk"),
    S("2.2", "Kebutuhan Biaya (Tabel 5.1)", "tabel_5_1", known_as=T51_T52[:1]),
    S("3", "Rencana Kegiatan Pembangunan Sanitasi"),
    S("3.1", "Rencana Kegiatan Air Limbah Domestik", "program_kegiatan:air_limbah"),
    S("3.2", "Rencana Kegiatan Persampahan", "program_kegiatan:persampahan"),
    S("3.3", "Rencana Kegiatan Drainase Lingkungan", "program_kegiatan:drainase"),
    S("3.4", "Rencana Kegiatan PHBS", "program_kegiatan:phbs"),
    S("4", "Rencana Anggaran Pembangunan Sanitasi", "tabel_5_2", known_as=T51_T52[1:]),
    S("4.1", "MPS Tahunan", "mps_tahunan"),
    S("L1", "Kerangka Kerja Logis", "kkl_matrix"),
    S("L2", "Matriks Program dan Kegiatan per Tahun", "program_kegiatan"),
)
OUTLINES: dict[str, tuple[Section, ...]] = {
    "SSK-2015": _SSK_2015,
    "SSK-2016": _SSK_2016,
    "SSK-2017": _SSK_2017,
    "SSK-2018": _SSK_2017,
    "BPS-2014": _BPS_2014,
    "MPS-2014": _MPS_2014,
}
# PPSP 1 generation SSK (domain-ppsp.md §4.1): stub, chapters only.
OUTLINES["SSK-PPSP1"] = (
    *_INTRO[:1],
    S("2", "Kerangka Pengembangan Sanitasi", "visi_misi"),
    S("3", "Strategi Percepatan Pembangunan Sanitasi", "tujuan_sasaran"),
    S("4", "Program dan Kegiatan Percepatan Pembangunan Sanitasi", "program_kegiatan"),
    S("5", "Strategi Monitoring dan Evaluasi", "monev"),
    S("L1", "Kerangka Kerja Logis", "kkl_matrix"),
)


def outline_for(method_code: str, doc_type: str) -> tuple[Section, ...]:
    """The outline of a method version; unknown codes fall back to the latest of the type."""
    if method_code in OUTLINES:
        return OUTLINES[method_code]
    return {"BPS": _BPS_2014, "MPS": _MPS_2014}.get(doc_type, _SSK_2017)
