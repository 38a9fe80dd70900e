"""Code lists of Proses 4 as data: funding sources, kategori, SIDLACOM, nomenclature, the
tupoksi matrix and the self-assessment QA checklist.

The nomenclature lives in data/nomenclature.csv: APBD codes of Permendagri 90/2019
(urusan.bidang.program.kegiatan.sub-kegiatan, SIPD, anchors-systems.md §2.6) and APBN
stand-ins for the PPLP/Cipta Karya nomenclature (domain-ppsp.md §11.1 sheets 1–2); every
code not checked against the official list carries status "[R] to verify" (§17).
"""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import models
from django.utils.translation import gettext_lazy as _

from ppsp.core import vocabulary

# The subsector and funding-source lists are the one vocabulary (ppsp.core.vocabulary);
# ``Source`` is the funding source, exactly one per row (§11.2): a kegiatan with several
# sources is duplicated.
Subsector = vocabulary.Subsector
Source = vocabulary.FundingSource

# Sheet names of the Lampiran 4 workbook, one per source (§11.1).
SHEET_OF_SOURCE = {
    Source.APBD_KABKOTA: "APBD K",
    Source.APBD_PROVINSI: "APBD Prov",
    Source.APBN: "APBN",
    Source.DAK: "DAK",
    Source.HIBAH: "Hibah",
    Source.CSR: "CSR",
    Source.MASYARAKAT: "Masyarakat",
}


class Kategori(models.TextChoices):
    PEMICUAN = "pemicuan_sosialisasi", _("Pemicuan/sosialisasi")
    STUDI = "studi_investigasi", _("Studi & investigasi")
    PERENCANAAN = "perencanaan_teknis", _("Perencanaan teknis")
    KONSTRUKSI = "konstruksi", _("Konstruksi")
    OM = "operasi_pemeliharaan", _("Operasi & pemeliharaan")
    KELEMBAGAAN = "kelembagaan_pelatihan", _("Kelembagaan & pelatihan")
    REGULASI = "regulasi", _("Regulasi")
    LAINNYA = "lainnya", _("Lainnya")


class Sidlacom(models.TextChoices):
    S = "S", _("S – Survei")
    I = "I", _("I – Investigasi")  # noqa: E741
    D = "D", _("D – Desain")
    L = "L", _("L – Lahan")
    C = "C", _("C – Konstruksi")
    O = "O", _("O – Operasi")  # noqa: E741
    M = "M", _("M – Pemeliharaan")


# Tupoksi matrix [I, §16.3]: which sources may fund which kategori. APBD kab/kota funds
# any kegiatan (internalisasi); provincial and national money only what is in their tupoksi.
ALL = frozenset(Kategori.values)
TUPOKSI: dict[str, frozenset[str]] = {
    Source.APBD_KABKOTA: ALL,
    Source.APBD_PROVINSI: frozenset(
        {
            Kategori.PEMICUAN,
            Kategori.STUDI,
            Kategori.PERENCANAAN,
            Kategori.KONSTRUKSI,
            Kategori.KELEMBAGAAN,
        }
    ),
    Source.APBN: frozenset(
        {Kategori.STUDI, Kategori.PERENCANAAN, Kategori.KONSTRUKSI, Kategori.KELEMBAGAAN}
    ),
    Source.DAK: frozenset({Kategori.KONSTRUKSI}),
    Source.HIBAH: ALL,
    Source.CSR: frozenset({Kategori.PEMICUAN, Kategori.KONSTRUKSI, Kategori.LAINNYA}),
    Source.MASYARAKAT: frozenset(
        {Kategori.PEMICUAN, Kategori.KONSTRUKSI, Kategori.OM, Kategori.LAINNYA}
    ),
}


def tupoksi_allows(source: str, kategori: str) -> bool:
    return kategori in TUPOKSI.get(source, frozenset())


# Nomenclature code lists as data: ppsp/mps/data/nomenclature.csv (seeded into the
# NomenclatureCode table by migration 0003 and `seed_nomenclature`; PMU extends it in the
# admin). Entries marked "[R] to verify" are not yet checked against SIPD/Cipta Karya.
NOMENCLATURE_FILE = Path(__file__).resolve().parent / "data" / "nomenclature.csv"
CODE_LEVELS = ("program", "kegiatan", "sub_kegiatan")
CODE_SYSTEMS = ("APBD", "APBN")


def load_nomenclature() -> list[dict[str, str]]:
    """The code list file as dicts (code, name, level, system, urusan, subsector, status,
    note); no database."""
    with NOMENCLATURE_FILE.open(encoding="utf-8", newline="") as handle:
        return [dict(row) for row in csv.DictReader(handle)]


NOMENCLATURE_NAMES = {row["code"]: row["name"] for row in load_nomenclature()}
# default program code per subsector when rows are generated from the scenario
DEFAULT_PROGRAM = {
    "air_limbah": "1.03.05",
    "persampahan": "2.11.11",
    "drainase": "1.03.06",
    "phbs": "1.02.02",
}


# Self-assessment QA (§12.2): items with weights; eksternalisasi needs score ≥ PASSING_SCORE.
QA_ITEMS: tuple[tuple[str, str, int], ...] = (
    ("bab1", "Bab 1 Pendahuluan selesai", 20),
    ("bab2", "Bab 2 Profil sanitasi selesai", 20),
    ("kkl", "Kerangka Kerja Logis lengkap (tiap sasaran punya kegiatan)", 20),
    ("program_review", "Daftar program dan kegiatan sudah direviu", 20),
    ("tabel51", "Lampiran 4 sama dengan Tabel 5.1 (±1 Rp juta)", 10),
    ("apbd_komitmen", "Total APBD kab/kota dalam batas komitmen", 10),
)
PASSING_SCORE = 80  # percent; settings.PPSP_QA_PASSING_SCORE overrides it per deployment
# items the system evaluates from the data (the others are ticked by the Pokja or the CF)
QA_COMPUTED = frozenset({"kkl", "tabel51", "apbd_komitmen"})
QA_MANUAL = tuple((c, label) for c, label, _w in QA_ITEMS if c not in QA_COMPUTED)
