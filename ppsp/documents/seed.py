"""Method versions and the SSK required tables, as data (domain-ppsp.md §1, §4.5).

Used by the data migration and, idempotently, by tests after a database flush.
"""

from __future__ import annotations

from typing import Any

# code, doc_type, name, year, source
METHOD_VERSIONS: tuple[tuple[str, str, str, int, str], ...] = (
    (
        "BPS-2014",
        "BPS",
        "Pedoman Penyusunan Buku Putih Sanitasi 2014/2015",
        2014,
        "domain-ppsp.md §1, §5.2",
    ),
    (
        "SSK-2015",
        "SSK",
        "Pedoman Penyusunan SSK 2015 (Final 280415)",
        2015,
        "domain-ppsp.md §1, §4.2",
    ),
    ("SSK-2016", "SSK", "Buku Pedoman Pemutakhiran SSK 2016", 2016, "domain-ppsp.md §1, §4.3"),
    (
        "SSK-2017",
        "SSK",
        "Buku Pedoman Pemutakhiran SSK 7 Juni 2017",
        2017,
        "domain-ppsp.md §1, §4.4",
    ),
    ("SSK-2018", "SSK", "Pedoman SSK 2018", 2018, "domain-ppsp.md §1"),
    (
        "MPS-2014",
        "MPS",
        "Petunjuk Praktis Penyusunan MPS (2012) / 10 Langkah Praktis (2014)",
        2014,
        "domain-ppsp.md §1, §6",
    ),
)

# key, name, chapter (domain-ppsp.md §4.5 master list)
_SSK_TABLES_2016: tuple[tuple[str, str, str], ...] = (
    ("visi-misi", "Visi dan Misi Sanitasi", "3.1"),
    ("penduduk", "Jumlah dan kepadatan penduduk", "2"),
    ("proyeksi-penduduk", "Proyeksi penduduk per kecamatan", "2"),
    ("kemajuan-ssk", "Kemajuan pelaksanaan SSK per subsektor", "2"),
    ("area-berisiko", "Area berisiko sanitasi", "2"),
    ("tahapan-pengembangan", "Tahapan pengembangan (sistem dan zona)", "3.2"),
    ("tujuan-sasaran", "Tujuan, sasaran dan tahapan pencapaian", "3"),
    ("belanja-opd", "Rekapitulasi realisasi belanja sanitasi OPD", "3"),
    ("pendanaan-komponen", "Rekapitulasi pendanaan sanitasi per komponen", "3"),
    ("pendanaan-ke-depan", "Perkiraan besaran pendanaan sanitasi ke depan", "3"),
    ("strategi", "Strategi per subsektor", "4"),
    ("kkl", "Kerangka Kerja Logis", "5"),
    ("tabel-5-1", "Rekapitulasi indikasi kebutuhan biaya 5 tahun (Tabel 5.1)", "5"),
    ("tabel-5-2", "Rekap per sumber pendanaan (Tabel 5.2)", "5"),
    ("program-kegiatan", "Program dan kegiatan rinci (Lampiran 4)", "Lampiran"),
    ("monev", "Matriks monitoring dan evaluasi", "6"),
)
_SSK_TABLES_2015: tuple[tuple[str, str, str], ...] = (
    ("visi-misi", "Visi dan Misi Sanitasi", "2"),
    ("tujuan-sasaran", "Tujuan, sasaran dan tahapan pencapaian", "3"),
    ("swot", "Analisis SWOT", "Lampiran 1"),
    ("kkl", "Kerangka Kerja Logis", "Lampiran 2"),
    ("program-kegiatan", "Program dan kegiatan rinci", "Lampiran 3"),
)
REQUIRED_TABLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "SSK-2015": _SSK_TABLES_2015,
    "SSK-2016": _SSK_TABLES_2016,
    "SSK-2017": (*_SSK_TABLES_2016, ("swot", "Analisis SWOT", "Lampiran 2")),
    "SSK-2018": (*_SSK_TABLES_2016, ("swot", "Analisis SWOT", "Lampiran 2")),
}


def seed_methods(apps: Any) -> None:
    """Create missing method versions and required tables (never overwrites edits)."""
    method_model = apps.get_model("documents", "MethodVersion")
    table_model = apps.get_model("documents", "RequiredTable")
    for code, doc_type, name, year, source in METHOD_VERSIONS:
        method, _ = method_model.objects.get_or_create(
            code=code, defaults={"doc_type": doc_type, "name": name, "year": year, "source": source}
        )
        for order, (key, table_name, chapter) in enumerate(REQUIRED_TABLES.get(code, ()), 1):
            table_model.objects.get_or_create(
                method_version=method,
                key=key,
                defaults={"name": table_name, "chapter": chapter, "order": order},
            )
