"""The drafted analysis (ppsp.docgen.analysis) on hand-made tables: worked examples pinned
sentence by sentence, and properties (percentages within 0–100, class counts summing to
the desa total, every number traced to a value with its source). No database."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.docgen.analysis import draft_section
from ppsp.docgen.analysis.base import DocFacts, SectionInput
from ppsp.docgen.analysis.edits import Edit, apply_edits, placeholders_in, section_text
from ppsp.docgen.analysis.text import Paragraph, from_dict, numbers_in, to_dict, untraced
from ppsp.docgen.doc import Table
from ppsp.docgen.fmt import parse_id_number

DOC = DocFacts("SSK", "Strategi Sanitasi Kabupaten/Kota", "Kabupaten Contoh", "Jambi", "2027–2031")
AREA_HEADER = ["Kecamatan", "Desa/kelurahan", "Air limbah", "Persampahan", "Drainase", "Kelas"]


def _area(rows: list[list[str]]) -> SectionInput:
    table = Table("Area berisiko sanitasi per desa/kelurahan, EHRA 2026", AREA_HEADER, rows)
    return SectionInput("2.4", "Area Berisiko Sanitasi", 2, "area_berisiko", [table])


def _texts(paragraphs: list[Paragraph]) -> dict[str, str]:
    return {p.key: p.text for p in paragraphs}


def test_it_writes_the_area_berisiko_worked_example() -> None:
    rows = [
        ["Kota", "A", "4", "2", "1", "x"],
        ["Kota", "B", "4", "1", "1", "x"],
        ["Kota", "C", "3", "1", "1", "x"],
        ["Pesisir", "D", "4", "3", "2", "x"],
        ["Pesisir", "E", "1", "1", "1", "x"],
        ["Pesisir", "F", "2", "2", "2", "x"],
        ["Hulu", "G", "1", "1", "1", "x"],
        ["Hulu", "H", "1", "2", "1", "x"],
    ]
    texts = _texts(draft_section(_area(rows), DOC))
    assert texts["risiko.ringkasan"] == (
        "Dari 8 desa/kelurahan yang dinilai, 3 (37,5 %) berada pada area berisiko sangat "
        "tinggi dan 1 (12,5 %) pada area berisiko tinggi menurut kelas gabungan (kelas "
        "tertinggi dari ketiga komponen). Selebihnya 2 desa/kelurahan berisiko sedang dan 2 "
        "kurang berisiko."
    )
    assert texts["risiko.air_limbah"] == (
        "Untuk air limbah, sebanyak 3 dari 8 desa/kelurahan (37,5 %) berada pada area berisiko "
        "sangat tinggi, terkonsentrasi di Kecamatan Kota (2 desa). Desa/kelurahan tersebut "
        "adalah A, B dan D. Sebanyak 1 desa/kelurahan (12,5 %) berisiko tinggi untuk air limbah."
    )
    assert texts["risiko.drainase"].startswith(
        "Untuk drainase, tidak ada desa/kelurahan berisiko sangat tinggi."
    )
    assert texts["risiko.kecamatan"] == (
        "Kecamatan dengan desa berisiko tinggi atau sangat tinggi terbanyak adalah Kota: 3 dari "
        "3 desanya (100,0 %); kecamatan ini menjadi prioritas penanganan."
    )


TABEL_51 = Table(
    "Rekapitulasi indikasi kebutuhan biaya pengembangan sanitasi untuk 5 tahun (x Rp juta)",
    ["No", "Sektor/Subsektor", "2027", "2028", "2029", "Total"],
    [
        ["1", "Air limbah domestik", "100,0", "100,0", "100,0", "300,0"],
        ["2", "Persampahan", "10,0", "10,0", "500,0", "520,0"],
        ["", "Jumlah (a)", "110,0", "110,0", "600,0", "820,0"],
        ["", "Perkiraan APBD murni untuk sanitasi (b)", "150,0", "150,0", "150,0", "450,0"],
        ["", "Perkiraan komitmen pendanaan sanitasi (c)", "120,0", "120,0", "120,0", "360,0"],
        ["", "Gap 1 (a − b)", "−40,0", "−40,0", "450,0", "370,0"],
        ["", "Gap 2 (a − c)", "−10,0", "−10,0", "480,0", "460,0"],
    ],
)


def test_it_names_the_largest_funding_gap_its_year_and_its_driver() -> None:
    section = SectionInput("3.5", "Kemampuan Pendanaan", 2, "tabel_5_1", [TABEL_51])
    texts = _texts(draft_section(section, DOC))
    assert texts["pendanaan.kebutuhan"] == (
        "Kebutuhan biaya pengembangan sanitasi Kabupaten Contoh untuk lima tahun 2027–2029 (a) "
        "sebesar Rp 820,0 juta. Kebutuhan terbesar berasal dari subsektor persampahan (Rp 520,0 "
        "juta; 63,4 % dari total), disusul air limbah domestik (Rp 300,0 juta; 36,6 %). "
        "Kebutuhan tahunan tertinggi jatuh pada tahun 2029 (Rp 600,0 juta), terutama untuk "
        "persampahan (Rp 500,0 juta, 83,3 % dari kebutuhan tahun itu)."
    )
    assert texts["pendanaan.gap"] == (
        "Kesenjangan pendanaan terhadap komitmen (Gap 2, a − c) terjadi pada 1 dari 3 tahun dan "
        "berjumlah Rp 480,0 juta pada tahun-tahun tersebut. Gap terbesar terjadi pada tahun "
        "2029 sebesar Rp 480,0 juta, ketika kebutuhan mencapai Rp 600,0 juta; pendorong "
        "utamanya adalah persampahan dengan kebutuhan Rp 500,0 juta pada tahun itu. Terhadap "
        "APBD murni (Gap 1, a − b), kekurangan lima tahun adalah Rp 370,0 juta."
    )


def test_it_traces_every_number_it_writes() -> None:
    section = SectionInput("3.5", "Kemampuan Pendanaan", 2, "tabel_5_1", [TABEL_51])
    for p in draft_section(section, DOC):
        for sentence in p.sentences:
            assert untraced(sentence) == [], sentence
            assert {s.split("#")[0] for s in sentence.sources} <= {
                "need_a",
                "apbd_murni_b",
                "komitmen_c",
                "gaps",
            }


def test_it_keeps_pokja_edits_and_flags_them_when_the_data_changed() -> None:
    rows = [["Kota", "A", "4", "1", "1", "x"], ["Kota", "B", "1", "1", "1", "x"]]
    drafted = draft_section(_area(rows), DOC)
    key = drafted[0].key
    edit = Edit("Teks Pokja.", drafted[0].data_hash)
    again = apply_edits(draft_section(_area(rows), DOC), {key: edit})
    assert again[0].text == "Teks Pokja." and not again[0].stale
    changed = [["Kota", "A", "4", "1", "1", "x"], ["Kota", "B", "4", "1", "1", "x"]]
    later = apply_edits(draft_section(_area(changed), DOC), {key: edit})
    assert later[0].text == "Teks Pokja." and later[0].stale
    gone = apply_edits([], {key: edit})
    assert gone[0].text == "Teks Pokja." and gone[0].stale
    assert section_text("Awal.", later[:1]) == "Awal.\n\nTeks Pokja."


def test_it_finds_placeholder_text() -> None:
    assert placeholders_in("Jumlah {penduduk_total} jiwa.") == ["{penduduk_total}"]
    assert placeholders_in("[Narasi bagian ini belum ditulis.]")
    assert placeholders_in("Gap 2 (a − c) 12,9 %.") == []


def test_it_round_trips_paragraphs_through_the_snapshot_shape() -> None:
    drafted = draft_section(_area([["Kota", "A", "4", "1", "1", "x"]]), DOC)
    back = [from_dict(to_dict(p)) for p in drafted]
    assert [(p.key, p.text, p.data_hash) for p in back] == [
        (p.key, p.text, p.data_hash) for p in drafted
    ]


CLASSES = st.sampled_from(["1", "2", "3", "4"])
ROW = st.tuples(st.sampled_from(["Kota", "Pesisir", "Hulu"]), CLASSES, CLASSES, CLASSES)
PCT = re.compile(r"(\d+(?:\.\d{3})*,\d) %")


@settings(max_examples=60, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=40))
def test_it_keeps_percentages_in_range_and_counts_summing_to_the_total(
    cells: list[tuple[str, str, str, str]],
) -> None:
    rows = [[k, f"Desa {n}", a, b, c, "x"] for n, (k, a, b, c) in enumerate(cells)]
    paragraphs = draft_section(_area(rows), DOC)
    for p in paragraphs:
        for value in PCT.findall(p.text):
            assert 0.0 <= parse_id_number(value) <= 100.0
        for sentence in p.sentences:
            assert untraced(sentence) == []
    summary = next(p for p in paragraphs if p.key == "risiko.ringkasan")
    numbers = [int(n) for n in numbers_in(summary.text) if "," not in n]
    total, n4, n3, n2, n1 = numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]
    assert total == len(rows) == n4 + n3 + n2 + n1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=90_000), min_size=1, max_size=12))
def test_it_states_a_population_share_that_matches_the_table(people: list[int]) -> None:
    from ppsp.docgen.fmt import id_number

    rows = [
        [f"Kec {chr(65 + k)}", "3", id_number(n), id_number(max(1, n // 4))]
        for k, n in enumerate(people)
    ]
    total = sum(people)
    rows.append(["Jumlah", "0", id_number(total), "0"])
    table = Table("Jumlah penduduk per kecamatan tahun 2025", ["Kecamatan", "a", "b", "c"], rows)
    section = SectionInput("2.1", "Gambaran Wilayah", 2, "penduduk", [table])
    drafted = draft_section(section, DOC)
    first = drafted[0].text
    assert f"berjumlah {id_number(total)} jiwa" in first
    for p in drafted:
        for value in PCT.findall(p.text):
            assert 0.0 <= parse_id_number(value) <= 100.0
        assert all(untraced(s) == [] for s in p.sentences)


def test_it_leaves_a_section_unwritten_instead_of_failing_on_an_odd_table() -> None:
    odd = Table("Area berisiko sanitasi (lain)", AREA_HEADER, [["Kota"]])  # a short row
    section = SectionInput("2.4", "Area Berisiko", 2, "area_berisiko", [odd])
    assert draft_section(section, DOC) == []
