"""Answer lists (choices) of the 2021 EHRA questionnaire; see :mod:`questionnaire_2021`.

Answer codes as transcribed in ehra-risk.md §3.2 [C2]; lists for items §3.2 names only
by theme are short scales chosen here [I].
"""

from __future__ import annotations

import string

from ppsp.compute.questionnaire import Choice

__all__ = ["CHOICES"]


def _num(labels: str) -> tuple[Choice, ...]:
    """Choices coded 1, 2, … from ``"label; label; …"``."""
    parts = labels.split("; ")
    return tuple(Choice(str(i), label) for i, label in enumerate(parts, start=1))


def _abc(labels: str, exclusive: str = "") -> tuple[Choice, ...]:
    """Choices coded A, B, … from ``"label; label; …"``; ``exclusive`` stands alone."""
    parts = labels.split("; ")
    codes = string.ascii_uppercase
    return tuple(
        Choice(codes[i], label, exclusive=codes[i] == exclusive) for i, label in enumerate(parts)
    )


_WATER = _abc(
    "Air kemasan bermerk; Air isi ulang/depot; "
    "Ledeng PDAM/HIPPAM sambungan sendiri; Ledeng dari tetangga; "
    "Ledeng eceran/membeli; Hidran/kran umum; Terminal air; "
    "Sumur bor dengan pompa; Sumur gali terlindungi milik sendiri; "
    "Sumur gali terlindungi milik tetangga; "
    "Sumur gali tidak terlindungi milik sendiri; "
    "Sumur gali tidak terlindungi milik tetangga; Mata air terlindungi; "
    "Mata air tidak terlindungi; Penampungan air hujan (PAH) terlindungi; Sungai; "
    "Waduk/danau"
)
_GREYWATER = _num(
    "Saluran terbuka ke sungai/kanal/kolam/selokan; Ke jalan/halaman/kebun; "
    "Saluran terbuka ke cubluk/lubang tanah; Saluran tertutup ke riol; "
    "Saluran tertutup ke selokan; Sumur resapan; SPAL/IPAL terpusat; "
    "IPAL komunal (Sanimas)"
)

CHOICES: dict[str, tuple[Choice, ...]] = {
    "yn": _num("Ya; Tidak"),
    "ever": _num("Pernah; Tidak pernah"),
    "rel": _num("Istri; Anak perempuan yang sudah menikah/dewasa; Kepala keluarga"),
    "house": _num(
        "Milik sendiri; Rumah dinas; Sewa; Kontrak; Menumpang; Milik orang tua/anak/saudara"
    ),
    "build": _num("Permanen; Semi permanen; Darurat"),
    "edu": _num("Tidak sekolah; SD; SMP; SMA; Diploma; Sarjana atau lebih"),
    "income": _num("≤ Rp1,8 juta; Rp1,8–3 juta; Rp3–4,8 juta; Rp4,8–7,2 juta; ≥ Rp7,2 juta"),
    "c3": _abc(
        "Sampah berserakan; Banyak lalat; Banyak tikus; Banyak nyamuk; "
        "Banyak kucing/anjing; Bau busuk; Menyumbat saluran drainase; "
        "Anak-anak bermain di sekitarnya"
    ),
    "c4": _abc(
        "Dikumpulkan di tempat sampah tertutup/kuat; Dipilah; "
        "Diambil kolektor informal/dikomposkan; Dibuang ke TPS; Dibakar; "
        "Dibuang ke lubang dan ditutup tanah; Dibuang ke lubang tidak ditutup; "
        "Dibuang ke sungai/kali/laut/danau; Dibiarkan membusuk; "
        "Dibuang ke lahan kosong/kebun/hutan"
    ),
    "c5": _num(
        "Kantong plastik tertutup; Kantong plastik terbuka; Tempat sampah terbuka; "
        "Tempat sampah tertutup; Tidak ada"
    ),
    "c7": _abc("Organik; Plastik; Kertas; Kaca; Logam; B3"),
    "c8": _num(
        "Tiap hari; Beberapa kali seminggu; Sekali seminggu; Beberapa kali sebulan; Sekali sebulan"
    ),
    "c9": _num("Tepat waktu; Sering terlambat"),
    "c11": _num("Pemerintah; Swasta; RT/RW/komunitas; Perorangan"),
    "d1": _num(
        "Jamban pribadi; Jamban tetangga/saudara; MCK/WC umum; "
        "Empang/kolam/sungai/pantai/kebun/selokan/saluran"
    ),
    "d2": _abc(
        "Laki-laki dewasa; Perempuan dewasa; Remaja laki-laki; Remaja perempuan; "
        "Anak laki-laki; Anak perempuan; Orang tua/lansia; Tidak ada",
        exclusive="H",
    ),
    "d3": _num(
        "Kloset leher angsa ke IPAL; Kloset leher angsa + tangki septik fabrikasi (SNI); "
        "Kloset leher angsa + tangki septik konstruksi sendiri; "
        "Kloset leher angsa + cubluk/lubang tanah; Plengsengan + cubluk; "
        "Cemplung + cubluk; Kloset/plengsengan/cemplung ke empang/sungai/drainase"
    ),
    "d10": _num(
        "Sumur resapan; Drainase; Sungai/badan air/kolam/laut; Tidak ada/meresap ke bawah/dinding"
    ),
    "d11": _num("0–12 bulan; 1–5 tahun; 5–10 tahun; > 10 tahun"),
    "d12": _num("0–3 tahun; 3–5 tahun; 5–10 tahun; > 10 tahun; Tidak pernah"),
    "d13": _num("Layanan sedot pemerintah/swasta; Membayar tukang; Sendiri"),
    "d14": _num("IPLT; Sungai/selokan/parit/kolam/drainase; Dikubur"),
    "d16": _num("Popok sekali pakai; Popok kain; Tidak memakai popok"),
    "greywater": _GREYWATER,
    # E.3.2/E.3.3 as in the 2021 form ([C2] EhraQuestionsDrainaseData.php)
    "e32": _abc(
        "Di halaman/pekarangan rumah; Di dekat dapur; Di dekat kamar mandi; "
        "Di dekat bak penampungan air hujan"
    ),
    "e33": _abc(
        "Air hujan; Air limbah dapur; Air limbah kamar mandi; Air limbah dari sumber lain; "
        "Tidak tahu/tidak pasti",
        exclusive="E",
    ),
    "e4": _num(
        "Tidak pernah; Sekali dalam setahun; Beberapa kali dalam setahun; "
        "Sekali atau beberapa kali dalam sebulan"
    ),
    "e7": _num("Setumit; Setengah lutut; Selutut; Sepinggang; Lebih tinggi dari dewasa"),
    "e9": _num("< 1 jam; 1–3 jam; Setengah hari; Satu hari; > 1 hari"),
    "water": _WATER,
    "f112": _num("Tertutup; Tanpa tutup; Tidak ada wadah"),
    "f115": _abc("Keruh; Berwarna; Berasa; Berbusa; Berbau; Tidak ada", exclusive="F"),
    "f113": _num("< 10 m; ≥ 10 m; Tidak tahu"),
    "f22": _abc("Direbus; Filter/penyaring; SODIS; Tidak tahu", exclusive="D"),
    "f25": _num("Dituang/melalui kran; Diciduk"),
    "g2": _num("Kamar mandi; Dekat jamban; Dapur; Sumur; Lainnya"),
    "g3": _abc(
        "Sebelum ke toilet; Setelah menceboki bayi/anak; Setelah buang air besar; "
        "Sebelum makan; Sebelum menyuapi/menyusui anak; Sebelum menyiapkan masakan; "
        "Setelah memegang hewan; Tidak pernah",
        exclusive="H",
    ),
    "g6": _num("Bak/ember; Kran berfungsi; Kran tidak berfungsi; Tidak ada"),
    "h1": _num(
        "1–6 hari lalu; 1 minggu lalu; 1 bulan lalu; 3 bulan lalu; 6 bulan lalu; Tidak pernah"
    ),
    "h2": _abc("Anak balita; Anak non balita; Remaja; Dewasa; Lansia"),
}
