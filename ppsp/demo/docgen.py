"""Demo narrative of the SSK 2027–2031 of Kabupaten Tanjung Jabung Timur (15.07).

Short Pokja texts for the chapters the data cannot write; placeholders are filled when the
document is generated. Idempotent: existing texts are kept.
"""

from __future__ import annotations

from typing import Any

from ppsp.demo.data import DEMO_KABKOTA
from ppsp.docgen.models import SectionText
from ppsp.docgen.services import section_text_save
from ppsp.documents.models import DocType, Document, Status

TEXTS: dict[str, str] = {
    "1.1": (
        "Strategi Sanitasi {kabkota} periode {periode} merupakan pemutakhiran SSK sebelumnya "
        "oleh Pokja Sanitasi sesuai Buku Pedoman Pemutakhiran SSK 2017.\n\n"
        "Pemutakhiran didorong oleh hasil studi EHRA {tahun_ehra} dan perubahan kemampuan "
        "pendanaan daerah."
    ),
    "1.2": (
        "Maksud penyusunan adalah memberi arah pembangunan sanitasi {kabkota} lima tahun ke "
        "depan; tujuannya menetapkan sasaran, strategi, program dan indikasi pendanaan."
    ),
    "1.3": (
        "Penyusunan mengikuti lima proses pemutakhiran SSK: persiapan, penilaian kondisi, "
        "penetapan skenario, penyusunan program dan konsultasi publik."
    ),
    "1.4": "Dasar hukum mengikuti peraturan perundangan bidang sanitasi yang berlaku.",
    "1.5": "SSK menjadi masukan RPJMD, Renstra OPD dan RKPD {kabkota}.",
    "2.1": "Jumlah penduduk tercatat {penduduk_total} jiwa (tahun {tahun_penduduk}).",
    "2.4": (
        "Penetapan area berisiko memadukan IRS hasil EHRA, persepsi OPD dan data sekunder; "
        "{desa_risiko_sangat_tinggi} desa/kelurahan berisiko sangat tinggi."
    ),
    "3.5": (
        "Kebutuhan biaya pengembangan sanitasi lima tahun sebesar Rp {kebutuhan_total} juta "
        "menurut skenario terpilih {skenario}."
    ),
}


def load_docgen_demo(stdout: Any) -> None:
    document = (
        Document.objects.filter(region__code=DEMO_KABKOTA, doc_type=DocType.SSK)
        .order_by("-period_start")
        .first()
    )
    version = document.versions.order_by("-number").first() if document else None
    if version is None or version.status != Status.DRAFT:
        stdout.write("Narasi SSK demo: tidak ada versi draf, dilewati.")
        return
    have = set(SectionText.objects.filter(version=version).values_list("section", flat=True))
    made = 0
    for section, text in TEXTS.items():
        if section not in have:
            section_text_save(version=version, section=section, text=text, by=None)
            made += 1
    stdout.write(f"Narasi SSK demo {DEMO_KABKOTA}: {made} bagian baru.")
