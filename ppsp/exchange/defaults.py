"""Default field mappings of the sector-system adapters (seeded by migration 0002).

Each entry: (system, target, header as the system exports it, aliases, required). The
headers follow the systems' download layouts: SIPSN "Capaian Kinerja Pengelolaan Sampah"
(per kab/kota and year, tonnes), STBM per-desa access and ODF verification (LB-1/LB-2),
SIPD realisation of APBD per SKPD and sub-kegiatan (Permendagri 90/2019 codes).
"""

from __future__ import annotations

DEFAULT_MAPPINGS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    # SIPSN (KLHK), one row per kab/kota and year
    ("sipsn", "tahun", "Tahun", ("Periode Tahun", "tahun_data"), True),
    ("sipsn", "kode_wilayah", "Kode Kab/Kota", ("Kode Wilayah", "kode_kabkota", "Kode"), False),
    ("sipsn", "nama_wilayah", "Kabupaten/Kota", ("Kab/Kota", "Nama Kabupaten/Kota"), False),
    ("sipsn", "timbulan_harian", "Timbulan Sampah Harian (ton)", ("Timbulan Harian",), False),
    (
        "sipsn",
        "timbulan_tahunan",
        "Timbulan Sampah Tahunan (ton)",
        ("Timbulan Sampah Tahunan(ton)", "Timbulan Tahunan (ton)", "timbulan_ton_tahun"),
        True,
    ),
    ("sipsn", "pengurangan_tahunan", "Pengurangan Sampah Tahunan (ton)", (), False),
    ("sipsn", "penanganan_tahunan", "Penanganan Sampah Tahunan (ton)", (), False),
    (
        "sipsn",
        "terkelola_tahunan",
        "Sampah Terkelola Tahunan (ton)",
        ("Sampah Terkelola Tahunan(ton)", "Sampah Terkelola (ton)", "terkelola_ton_tahun"),
        True,
    ),
    # STBM (Kemenkes), one row per desa/kelurahan and year
    ("stbm", "tahun", "Tahun", ("Tahun Laporan",), True),
    (
        "stbm",
        "kode_desa",
        "Kode Desa",
        ("Kode Desa/Kelurahan", "kode_kelurahan", "Kode Kemendagri"),
        True,
    ),
    ("stbm", "jumlah_kk", "Jumlah KK", ("Jml KK", "Total KK"), True),
    (
        "stbm",
        "kk_jsp",
        "KK Akses Jamban Sehat Permanen",
        ("JSP", "Jamban Sehat Permanen (KK)"),
        False,
    ),
    (
        "stbm",
        "kk_jssp",
        "KK Akses Jamban Sehat Semi Permanen",
        ("JSSP", "Jamban Sehat Semi Permanen (KK)"),
        False,
    ),
    ("stbm", "kk_sharing", "KK Numpang", ("Sharing", "Numpang (KK)"), False),
    ("stbm", "kk_babs", "KK BABS", ("BABS", "BAB Sembarangan (KK)"), False),
    ("stbm", "status_odf", "Status ODF", ("ODF", "Status SBS", "Verifikasi ODF"), True),
    # SIPD realisasi APBD, one row per SKPD, sub-kegiatan and year
    ("sipd", "tahun", "Tahun Anggaran", ("Tahun",), True),
    ("sipd", "kode_skpd", "Kode SKPD", ("Kode Perangkat Daerah", "Kode OPD"), False),
    ("sipd", "nama_skpd", "Nama SKPD", ("Perangkat Daerah", "OPD", "Nama OPD"), True),
    (
        "sipd",
        "kode_sub_kegiatan",
        "Kode Sub Kegiatan",
        ("Kode Sub-Kegiatan", "kode_subkegiatan"),
        True,
    ),
    (
        "sipd",
        "nama_sub_kegiatan",
        "Nama Sub Kegiatan",
        ("Sub Kegiatan", "Uraian Sub Kegiatan"),
        False,
    ),
    ("sipd", "pagu", "Pagu", ("Anggaran", "Pagu Anggaran"), False),
    ("sipd", "realisasi", "Realisasi", ("Realisasi Belanja", "Realisasi (Rp)"), True),
)

# Sector figures → monev realisation (seeded by migration 0004, editable in the admin):
# (code, label, system, target, subsector, match phrases, kind, numerator, denominator).
DEFAULT_DERIVATIONS: tuple[
    tuple[str, str, str, str, str, tuple[str, ...], str, str, str], ...
] = (
    (
        "stbm_akses_jamban",
        "STBM: % KK akses jamban sehat (JSP + JSSP) / jumlah KK",
        "stbm", "indicator", "air_limbah",
        ("akses jamban", "jamban sehat", "sanitasi layak", "akses sanitasi"),
        "ratio", "stbm_kk_jsp,stbm_kk_jssp", "stbm_jumlah_kk",
    ),
    (
        "stbm_babs",
        "STBM: % KK masih BABS",
        "stbm", "indicator", "air_limbah", ("babs", "buang air besar sembarangan"),
        "ratio", "stbm_kk_babs", "stbm_jumlah_kk",
    ),
    (
        "sipsn_terkelola",
        "SIPSN: % sampah terkelola / timbulan",
        "sipsn", "indicator", "persampahan", ("sampah terkelola", "terkelola"),
        "ratio", "sipsn_terkelola_tahunan_ton", "sipsn_timbulan_tahunan_ton",
    ),
    (
        "sipsn_pengurangan",
        "SIPSN: % pengurangan sampah / timbulan",
        "sipsn", "indicator", "persampahan", ("pengurangan sampah",),
        "ratio", "sipsn_pengurangan_tahunan_ton", "sipsn_timbulan_tahunan_ton",
    ),
    (
        "sipsn_penanganan",
        "SIPSN: % penanganan sampah / timbulan",
        "sipsn", "indicator", "persampahan", ("penanganan sampah",),
        "ratio", "sipsn_penanganan_tahunan_ton", "sipsn_timbulan_tahunan_ton",
    ),
    (
        "sipd_realisasi",
        "SIPD: realisasi APBD (Rp) per kode sub-kegiatan",
        "sipd", "row_budget", "", (),
        "direct", "apbd_realisasi", "",
    ),
)  # fmt: skip
