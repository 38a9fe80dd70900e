"""The 2021 EHRA questionnaire (Kemenkes Panduan 2021), sections ID and A–J, as data.

This is the one definition in the repository: the XLSForm
(:func:`ppsp.compute.questionnaire.to_xlsform`), the household answer columns
(:func:`~ppsp.compute.questionnaire.answer_columns`) and the IRS indicators
(:mod:`ppsp.compute.irs`) are all derived from ``EHRA_2021``.

Source: ehra-risk.md §3.2 ([C2] transcription in github.com/Muh-Ikbal/EHRA-APP; labels
are shortened paraphrases, answer codes as listed there). Where §3.2 gives only a
theme (e.g. C.10–C.15, F.1.7–F.1.17, I.1–I.6) the answer list is a yes/no or short
scale chosen here [I]; verify against the Panduan PDF (ehra-risk.md §12.1).
"""

from __future__ import annotations

from ppsp.compute.questionnaire import (
    All,
    Answered,
    In,
    Not,
    Question,
    Questionnaire,
    Section,
    Selected,
)
from ppsp.compute.questionnaire_2021_choices import CHOICES

__all__ = ["ACCEPTED_OLDER_VERSIONS", "EHRA_2021"]


# Required whenever asked: identification, interview basics and every answer an IRS
# indicator reads (ppsp.compute.ehra.DEFAULT_IRS_2021; a test keeps the two in step).
_REQUIRED = frozenset(
    {"ID.3", "ID.4", "ID.5", "A.1", "A.3", "A.9"}
    | {"C.4", "C.6", "C.8", "C.9", "C.13"}
    | {"D.1", "D.2", "D.3", "D.5", "D.6", "D.7", "D.10", "D.11", "D.12", "D.13", "D.14"}
    | {"E.1.A", "E.1.B", "E.1.C", "E.1.D", "E.3.1", "E.4"}
    | {"F.1.1.A", "F.1.1.B", "F.1.1.C", "F.1.1.D", "F.1.1.E", "F.1.2", "F.1.6"}
    | {"F.2.3", "F.2.5", "G.1", "G.3", "G.5"}
)
_MONEY = (0.0, None)  # rupiah: not negative, no upper bound


def _q(code: str, kind: str, label: str, choices: str | None = None, **kw: object) -> Question:
    full = {"yn": "select_one", "ever": "select_one"}.get(kind, kind)
    if choices is None and kind in ("yn", "ever"):
        choices = kind
    return Question(code, full, label, choices, required=code in _REQUIRED, **kw)  # type: ignore[arg-type]


_ST = In("D.3", (2, 3))  # has a tangki septik
_HAS_LATRINE = Not(In("D.1", (4,)))
# The 2021 form: D.3 = 1 (to IPAL) skips to D.12, D.3 = 7 (to a water body) to D.16.
_LATRINE_CHECKED = In("D.3", (2, 3, 4, 5, 6))
_TODDLER = All((Answered("B.12"), Not(In("B.12", (0,)))))
_SERVED = Selected("C.4", ("C", "D"))  # collected by a collector or taken to a TPS

SECTIONS = (
    Section(
        "ID",
        "Identitas wilayah",
        (
            _q("ID.1", "calculate", "Kode provinsi", calculation="substr(${ID_4}, 0, 2)"),
            _q("ID.2", "calculate", "Kode kabupaten/kota", calculation="substr(${ID_4}, 0, 5)"),
            _q("ID.3", "select_one_from_file", "Kecamatan", "kecamatan.csv"),
            _q(
                "ID.4",
                "select_one_from_file",
                "Desa/kelurahan",
                "desa.csv",
                choice_filter="kecamatan=${ID_3}",
            ),
            _q("ID.5", "integer", "Nomor RT", bounds=(1, 999)),
        ),
    ),
    Section(
        "A",
        "Informasi umum",
        (
            _q("A.1", "date", "Tanggal wawancara"),
            _q("A.2", "time", "Jam mulai wawancara"),
            _q("A.3", "text", "Nama enumerator"),
            _q("A.4", "text", "Nama supervisor"),
            _q("A.5", "text", "Koordinator kecamatan"),
            _q("A.6", "text", "Nama kepala RT"),
            _q("A.7", "integer", "Jumlah KK dalam rumah", bounds=(1, 20)),
            _q("A.8.L", "integer", "Jumlah jiwa laki-laki", bounds=(0, 50)),
            _q("A.8.P", "integer", "Jumlah jiwa perempuan", bounds=(0, 50)),
            _q("A.9", "text", "Nama responden"),
            _q("A.10", "select_one", "Hubungan responden dengan kepala keluarga", "rel"),
            _q("A.11", "text", "Alamat"),
        ),
    ),
    Section(
        "B",
        "Informasi responden",
        (
            _q("B.1", "integer", "Usia responden (tahun)", bounds=(15, 110)),
            _q("B.2", "select_one", "Status rumah yang ditempati", "house"),
            _q("B.3", "decimal", "Luas lahan rumah (m²)", bounds=(1, 100_000)),
            _q("B.4", "select_one", "Jenis bangunan rumah", "build"),
            _q("B.5", "select_one", "Pendidikan terakhir", "edu"),
            _q("B.6", "yn", "Memiliki SKTM"),
            _q("B.7", "decimal", "Pengeluaran rumah tangga per bulan (Rp)", bounds=_MONEY),
            _q("B.8", "select_one", "Penghasilan rumah tangga per bulan", "income"),
            _q("B.9", "yn", "Memiliki BPJS/KIS"),
            _q("B.10", "yn", "Pernah menerima bantuan AMS"),
            _q("B.11", "integer", "Lama tinggal di rumah ini (tahun)", bounds=(0, 110)),
            _q("B.12", "integer", "Jumlah anak usia 0–5 tahun", bounds=(0, 20)),
            _q("B.13", "integer", "Jumlah anak laki-laki usia 6–18 tahun", bounds=(0, 20)),
            _q("B.14", "integer", "Jumlah anak perempuan usia 6–18 tahun", bounds=(0, 20)),
        ),
    ),
    Section(
        "C",
        "Pengelolaan sampah rumah tangga",
        (
            _q("C.1", "decimal", "Timbulan sampah per hari (kg)", bounds=(0, 100)),
            _q("C.2", "yn", "Halaman rumah bersih dari sampah", observe=True),
            _q("C.3", "select_multiple", "Kondisi sampah di lingkungan RT/RW", "c3"),
            _q("C.4", "select_multiple", "Bagaimana sampah rumah tangga dikelola", "c4"),
            _q("C.5", "select_one", "Wadah sampah di dalam rumah", "c5"),
            _q("C.6", "yn", "Melakukan pemilahan sampah"),
            _q(
                "C.7",
                "select_multiple",
                "Jenis sampah yang dipilah",
                "c7",
                relevant=In("C.6", (1,)),
            ),
            _q("C.8", "select_one", "Frekuensi pengangkutan sampah", "c8", relevant=_SERVED),
            _q("C.9", "select_one", "Ketepatan waktu pengangkutan", "c9", relevant=Answered("C.8")),
            _q("C.10", "yn", "Membayar layanan pengangkutan sampah", relevant=Answered("C.8")),
            _q("C.11", "select_one", "Pembayaran kepada siapa", "c11", relevant=In("C.10", (1,))),
            _q(
                "C.12",
                "decimal",
                "Biaya layanan sampah per bulan (Rp)",
                relevant=In("C.10", (1,)),
                bounds=_MONEY,
            ),
            _q("C.13", "yn", "Mengolah sampah menjadi kompos"),
            _q("C.14", "yn", "Kompos digunakan sendiri", relevant=In("C.13", (1,))),
            _q("C.15", "yn", "Kompos dijual", relevant=In("C.13", (1,))),
            _q("C.16", "yn", "Ada benda penampung genangan (ban, kaleng …)", observe=True),
            _q("C.17", "yn", "Saluran air hujan/limbah terlihat", observe=True),
            _q("C.18", "yn", "Air di saluran mengalir", relevant=In("C.17", (1,))),
            _q("C.19", "yn", "Saluran bersih dari sampah", relevant=In("C.17", (1,))),
            _q("C.20", "yn", "Menghasilkan sampah perawatan/medis"),
            _q("C.21", "yn", "Sampah medis dipisahkan", relevant=In("C.20", (1,))),
        ),
    ),
    Section(
        "D",
        "Pembuangan tinja manusia dan lumpur tinja",
        (
            _q("D.1", "select_one", "Tempat buang air besar anggota keluarga dewasa", "d1"),
            _q("D.2", "select_multiple", "Anggota keluarga yang masih BAB sembarangan", "d2"),
            _q(
                "D.3",
                "select_one",
                "Jenis kloset dan penampungan tinja",
                "d3",
                relevant=_HAS_LATRINE,
            ),
            _q(
                "D.4",
                "yn",
                "Jarak resapan/cubluk ke sumber air ≥ 10 m",
                relevant=_LATRINE_CHECKED,
                observe=True,
            ),
            _q(
                "D.5",
                "yn",
                "Lantai dan dinding jamban bersih, tidak berbau",
                relevant=_LATRINE_CHECKED,
                observe=True,
            ),
            _q(
                "D.6", "yn", "Jamban bebas kecoa dan lalat", relevant=_LATRINE_CHECKED, observe=True
            ),
            _q(
                "D.7",
                "yn",
                "Ada air untuk menyiram dan cebok",
                relevant=_LATRINE_CHECKED,
                observe=True,
            ),
            _q("D.8", "yn", "Tangki septik memiliki ventilasi", relevant=_ST, observe=True),
            _q("D.9", "yn", "Tangki septik memiliki lubang penyedotan", relevant=_ST, observe=True),
            _q("D.10", "select_one", "Pembuangan akhir tangki septik", "d10", relevant=_ST),
            _q("D.11", "select_one", "Umur tangki septik", "d11", relevant=_ST),
            _q("D.12", "select_one", "Terakhir dikosongkan", "d12", relevant=In("D.3", (1, 2, 3))),
            _q(
                "D.13",
                "select_one",
                "Siapa yang mengosongkan",
                "d13",
                relevant=In("D.12", (1, 2, 3, 4)),
            ),
            _q("D.14", "select_one", "Lumpur tinja dibuang ke", "d14", relevant=Answered("D.13")),
            _q(
                "D.15",
                "decimal",
                "Biaya pengosongan terakhir (Rp)",
                relevant=Answered("D.13"),
                bounds=_MONEY,
            ),
            _q("D.16", "select_one", "Balita memakai popok", "d16", relevant=_TODDLER),
            _q("D.17", "yn", "Popok/tinja balita dibuang ke jamban", relevant=Answered("D.16")),
            _q("D.18", "yn", "Balita BAB sembarangan", relevant=Answered("D.16")),
            _q("D.19", "yn", "Bersedia ikut layanan sedot terjadwal (LLTT)", relevant=_ST),
            _q("D.20", "yn", "Bersedia membayar retribusi LLTT", relevant=In("D.19", (1,))),
            _q(
                "D.21",
                "decimal",
                "Besar retribusi yang bersedia dibayar (Rp/bulan)",
                relevant=In("D.20", (1,)),
                bounds=_MONEY,
            ),
        ),
    ),
    Section(
        "E",
        "Drainase lingkungan/selokan sekitar rumah dan banjir",
        (
            _q("E.1.A", "select_one", "Tujuan air limbah dapur", "greywater"),
            _q("E.1.B", "select_one", "Tujuan air limbah kamar mandi", "greywater"),
            _q("E.1.C", "select_one", "Tujuan air limbah cuci pakaian", "greywater"),
            _q("E.1.D", "select_one", "Tujuan air limbah wastafel", "greywater"),
            _q("E.2", "yn", "Saluran air limbah mengalir lancar"),
            _q("E.3.1", "yn", "Ada genangan air di halaman/depan rumah", observe=True),
            _q("E.3.2", "select_multiple", "Lokasi genangan", "e32", relevant=In("E.3.1", (1,))),
            _q("E.3.3", "select_multiple", "Asal genangan", "e33", relevant=In("E.3.1", (1,))),
            _q("E.4", "select_one", "Pernah mengalami banjir", "e4"),
            _q("E.5", "yn", "Banjir terjadi rutin", relevant=In("E.4", (2, 3, 4))),
            _q("E.6", "yn", "Air banjir masuk ke dalam rumah", relevant=In("E.4", (2, 3, 4))),
            _q("E.7", "select_one", "Ketinggian air banjir", "e7", relevant=In("E.4", (2, 3, 4))),
            _q("E.8", "yn", "Jamban terendam saat banjir", relevant=In("E.4", (2, 3, 4))),
            _q("E.9", "select_one", "Lama air banjir surut", "e9", relevant=In("E.4", (2, 3, 4))),
        ),
    ),
    Section(
        "F",
        "Pengelolaan air minum, masak dan keperluan higiene",
        (
            _q("F.1.1.A", "select_multiple", "Sumber air untuk minum", "water"),
            _q("F.1.1.B", "select_multiple", "Sumber air untuk memasak", "water"),
            _q("F.1.1.C", "select_multiple", "Sumber air untuk mencuci alat makan", "water"),
            _q("F.1.1.D", "select_multiple", "Sumber air untuk mandi", "water"),
            _q("F.1.1.E", "select_multiple", "Sumber air untuk gosok gigi", "water"),
            _q("F.1.2", "select_one", "Wadah air baku di dapur", "f112", observe=True),
            _q("F.1.3", "yn", "Tangan menyentuh air saat mengambil", observe=True),
            _q("F.1.4", "yn", "Pemakaian air < 60 liter/orang/hari"),
            _q("F.1.5", "yn", "Air minum hanya 0–1 liter/orang/hari"),
            _q("F.1.6", "ever", "Kekurangan air ≥ 1 bulan dalam setahun"),
            _q("F.1.7", "yn", "Sumber air berada di luar pagar rumah"),
            _q("F.1.8", "yn", "Jarak ke sumber air ≥ 1 km", relevant=In("F.1.7", (1,))),
            _q("F.1.9", "yn", "Waktu mengambil air > 30 menit", relevant=In("F.1.7", (1,))),
            _q("F.1.10", "yn", "Puas dengan kualitas air"),
            _q("F.1.11", "ever", "Sumber air mengalami kekeringan"),
            _q("F.1.12", "decimal", "Kedalaman muka air sumur (m)", bounds=(0, 300)),
            _q("F.1.13", "select_one", "Jarak sumur ke penampungan tinja", "f113"),
            _q("F.1.14", "ever", "Gangguan aliran ledeng"),
            _q("F.1.15", "select_multiple", "Kondisi fisik air", "f115", observe=True),
            _q("F.1.16", "yn", "Wadah penyimpanan air tertutup", observe=True),
            _q("F.1.17", "decimal", "Biaya air per bulan (Rp)", bounds=_MONEY),
            _q("F.2.1", "yn", "Mengolah air sebelum diminum"),
            _q("F.2.2", "select_multiple", "Cara mengolah air", "f22", relevant=In("F.2.1", (1,))),
            _q("F.2.3", "yn", "Air minum disimpan dalam wadah tertutup", observe=True),
            _q("F.2.4", "yn", "Wadah air minum dibersihkan rutin"),
            _q("F.2.5", "select_one", "Cara mengambil air minum dari wadah", "f25", observe=True),
        ),
    ),
    Section(
        "G",
        "Perilaku cuci tangan pakai sabun (CTPS)",
        (
            _q("G.1", "yn", "Memakai sabun hari ini atau kemarin"),
            _q("G.2", "select_one", "Tempat cuci tangan", "g2", relevant=In("G.1", (1,))),
            _q(
                "G.3",
                "select_multiple",
                "Waktu mencuci tangan pakai sabun",
                "g3",
                relevant=In("G.1", (1,)),
            ),
            _q(
                "G.4",
                "yn",
                "CTPS dipraktikkan dengan benar",
                relevant=In("G.1", (1,)),
                observe=True,
            ),
            _q(
                "G.5",
                "yn",
                "Ada sabun di jamban/tempat cuci tangan",
                relevant=In("G.1", (1,)),
                observe=True,
            ),
            _q(
                "G.6",
                "select_one",
                "Air di ruang jamban",
                "g6",
                relevant=In("G.1", (1,)),
                observe=True,
            ),
        ),
    ),
    Section(
        "H",
        "Kejadian penyakit infeksi (diare)",
        (
            _q("H.1", "select_one", "Terakhir anggota keluarga terkena diare", "h1"),
            _q(
                "H.2",
                "select_multiple",
                "Siapa yang terkena diare",
                "h2",
                relevant=In("H.1", (1, 2, 3, 4, 5)),
            ),
        ),
    ),
    Section(
        "I",
        "Rumah sehat (observasi)",
        (
            _q("I.1", "yn", "Ventilasi ≥ 10% luas lantai", observe=True),
            _q("I.2", "yn", "Rumah bebas vektor", observe=True),
            _q("I.3", "yn", "Pencahayaan cukup", observe=True),
            _q("I.4", "yn", "Kualitas udara baik", observe=True),
            _q("I.5", "yn", "Ruang tidur ≥ 8 m² untuk ≤ 2 orang", observe=True),
            _q("I.6", "yn", "Dinding kuat, lantai bukan tanah, atap tidak bocor", observe=True),
        ),
    ),
    Section(
        "J",
        "Tempat mencuci dan menyimpan pangan (observasi)",
        (
            _q("J.1", "yn", "Air untuk mencuci pangan memenuhi syarat", observe=True),
            _q("J.2", "yn", "Makanan disimpan tertutup", observe=True),
        ),
    ),
)

EHRA_2021 = Questionnaire(
    form_id="ehra_2021",
    title="Studi EHRA 2021 — Kuesioner Rumah Tangga",
    version="2021.1",
    sections=SECTIONS,
    choices=CHOICES,
)

ACCEPTED_OLDER_VERSIONS: frozenset[str] = frozenset()
"""Older ``form_version`` strings whose exports are read as ``EHRA_2021`` (explicit mapping).

Empty: the form before issue 17 ("2021.1") had other lists (E.3.2) and no desa list, so its
exports are refused with both versions named. Add a version here only when its columns
and answer codes are a subset of the current form's.
"""
