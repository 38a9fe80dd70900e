"""Demo SWOT (PT-02) of Kabupaten Tanjung Jabung Timur (15.07) per subsector: weighted
internal (S, W) and external (O, T) factors; per subsector the internal weights sum to 1
and so do the external ones. Skor 1–5. Illustrative ("contoh"). Idempotent per subsector.
"""

from __future__ import annotations

from ppsp.mps.models import Plan
from ppsp.mps.services import swot_factor_add

Factor = tuple[str, str, str, str]  # kind, text, bobot, skor

FACTORS: dict[str, tuple[Factor, ...]] = {
    "air_limbah": (
        ("S", "Pokja aktif dan SK diperbarui", "0.200", "3.5"),
        ("S", "Komitmen Bupati terhadap STBM dan desa ODF tertuang dalam RPJMD", "0.150", "3.0"),
        ("S", "Kader STBM dan fasilitator desa tersedia di setiap kecamatan", "0.150", "3.0"),
        ("W", "Belum ada operator IPLT dan layanan lumpur tinja terjadwal", "0.200", "2.5"),
        ("W", "Tangki septik kedap sulit dibangun di lahan gambut pasang surut", "0.200", "2.0"),
        ("W", "Anggaran APBD air limbah kecil dibanding kebutuhan", "0.100", "2.0"),
        ("O", "DAK sanitasi dan program SANIMAS tersedia", "0.350", "3.0"),
        ("O", "Dana desa dapat dipakai untuk jamban sehat dan pemicuan STBM", "0.300", "3.5"),
        ("T", "Wilayah pasang surut rawan banjir rob", "0.200", "2.0"),
        ("T", "Kebiasaan BAB di sungai dan jamban cemplung kuat di desa pesisir", "0.150", "2.5"),
    ),
    "persampahan": (
        ("S", "Truk dan gerobak motor pengangkut tersedia di Muara Sabak", "0.250", "3.0"),
        ("S", "Perda pengelolaan sampah telah ditetapkan", "0.200", "3.0"),
        ("W", "TPA masih dioperasikan secara open dumping", "0.300", "2.0"),
        ("W", "Retribusi sampah rendah dan belum menutup biaya operasi", "0.250", "2.0"),
        ("O", "TPS 3R dan bank sampah dapat dibiayai DAK dan CSR perkebunan", "0.300", "3.0"),
        ("O", "Minat warga mengolah sampah organik menjadi kompos", "0.200", "2.5"),
        ("T", "Permukiman tepian sungai terbiasa membuang sampah ke sungai", "0.300", "2.5"),
        ("T", "Ibu kota kecamatan berjauhan, sebagian hanya terjangkau jalur air", "0.200", "2.0"),
    ),
    "drainase": (
        ("S", "Rencana induk drainase Muara Sabak tersedia", "0.300", "3.0"),
        ("S", "Dinas PUPR memiliki alat berat untuk normalisasi saluran", "0.200", "3.0"),
        ("W", "Saluran tersier belum terhubung ke saluran utama dan pintu air", "0.300", "2.5"),
        ("W", "Pemeliharaan saluran belum terjadwal", "0.200", "2.0"),
        ("O", "Program kota tanpa kumuh dan DAK drainase tersedia", "0.350", "3.0"),
        ("O", "Gotong royong warga membersihkan saluran masih kuat", "0.200", "3.0"),
        ("T", "Pasang tinggi dan kenaikan muka air laut menghambat aliran keluar", "0.300", "3.0"),
        ("T", "Penurunan muka tanah gambut di kawasan permukiman", "0.150", "2.5"),
    ),
}


def add_demo_swot(plan: Plan) -> int:
    """Add the factors of every subsector that has none yet; returns how many were added."""
    have = set(plan.swot_factors.values_list("subsector", flat=True))
    made = 0
    for subsector, factors in FACTORS.items():
        if subsector in have:
            continue
        for kind, text, weight, score in factors:
            swot_factor_add(
                plan=plan,
                subsector=subsector,
                kind=kind,
                text=text,
                weight=weight,
                score=score,
                by=None,
            )
            made += 1
    return made
