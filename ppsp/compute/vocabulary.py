"""The domain's code lists, defined once: subsector, EHRA component, funding source, kegiatan
type, risk class.

Codes are what the database stores (never change them); labels are the Indonesian words of
the official documents. ``ppsp.core.vocabulary`` builds the Django ``TextChoices`` from these
constants (English through the i18n catalogue); pure code (``compute``) uses the tuples.

Label choices where the apps used to differ:

- subsector ``phbs`` is "PHBS", as the SSK chapter headings ("3.4 PHBS", domain-ppsp.md §6)
  and the Lampiran 4 workbook name it (not "PHBS / higiene");
- funding source ``apbd_kabkota`` is "APBD Kabupaten/Kota", as SSK Bab V lists the sources
  ("APBD Kabupaten/Kota, APBD Provinsi, APBN, hibah, swasta/CSR dan masyarakat",
  domain-ppsp.md §12.1) and the Lampiran 4 workbook writes it.

Source: domain-ppsp.md §6 (subsectors), §9.1 (kegiatan types), §11–§12 (sources),
ehra-risk.md §7.3 (risk classes).
"""

from __future__ import annotations

# --- subsector (domain-ppsp.md §6) ---------------------------------------------------------
AIR_LIMBAH = "air_limbah"
PERSAMPAHAN = "persampahan"
DRAINASE = "drainase"
PHBS = "phbs"
AIR_MINUM = "air_minum"

SUBSECTOR_LABELS: dict[str, str] = {
    AIR_LIMBAH: "Air limbah domestik",
    PERSAMPAHAN: "Persampahan",
    DRAINASE: "Drainase lingkungan",
    PHBS: "PHBS",
    AIR_MINUM: "Air minum",
}
SUBSECTORS: tuple[str, ...] = tuple(SUBSECTOR_LABELS)
# The three subsectors with their own Instrumen SSK sheets, zones, systems and area
# berisiko map (domain-ppsp.md §6 note, §8.1; ehra-risk.md §7.1).
SSK_SUBSECTORS: tuple[str, ...] = (AIR_LIMBAH, PERSAMPAHAN, DRAINASE)

# --- EHRA component (ehra-risk.md §7.1, §7.3) ----------------------------------------------
# The five IRS components, in the order of the stored scores (DesaResult columns), and the
# components of the area berisiko map (the three SSK subsectors; drainase takes the IRS
# component "genangan air", area_risk.IRS_FOR_SSK).
SUMBER_AIR = "sumber_air"
GENANGAN = "genangan"
EHRA_COMPONENTS: tuple[str, ...] = (SUMBER_AIR, AIR_LIMBAH, PERSAMPAHAN, GENANGAN, PHBS)

# The label of a component on pages, maps, exports and the API (English via i18n,
# ``ppsp.core.vocabulary.EHRA_COMPONENT_LABELS``).
EHRA_COMPONENT_LABELS: dict[str, str] = {
    SUMBER_AIR: "Sumber air",
    AIR_LIMBAH: "Air limbah domestik",
    PERSAMPAHAN: "Persampahan",
    GENANGAN: "Genangan air",
    PHBS: "Perilaku higiene (PHBS)",
    DRAINASE: "Drainase",
}
# The shorter headers of the generated documents' IRS and area berisiko tables. The drafted
# analysis names its paragraphs and sentences after them ("risiko.air_limbah", "Untuk air
# limbah, ..."), and Pokja edits are stored under those names: never change them.
EHRA_COMPONENT_DOC_LABELS: dict[str, str] = {
    **EHRA_COMPONENT_LABELS,
    AIR_LIMBAH: "Air limbah",
    PHBS: "PHBS",
}

# --- funding source (domain-ppsp.md §11.2, §12.1): exactly one per programme row ----------
APBD_KABKOTA = "apbd_kabkota"
APBD_PROVINSI = "apbd_provinsi"
APBN = "apbn"
DAK = "dak"
HIBAH = "hibah"
CSR = "csr"
MASYARAKAT = "masyarakat"

FUNDING_SOURCE_LABELS: dict[str, str] = {
    APBD_KABKOTA: "APBD Kabupaten/Kota",
    APBD_PROVINSI: "APBD Provinsi",
    APBN: "APBN",
    DAK: "DAK",
    HIBAH: "Hibah/donor",
    CSR: "CSR/swasta",
    MASYARAKAT: "Masyarakat",
}
FUNDING_SOURCES: tuple[str, ...] = tuple(FUNDING_SOURCE_LABELS)

# --- kegiatan type of a cost line (domain-ppsp.md §9.1) -----------------------------------
STUDI_DESAIN = "studi_desain"
ADVOKASI = "advokasi"
PENYIAPAN_LAHAN = "penyiapan_lahan"
KONSTRUKSI = "konstruksi"
OM = "om"

KEGIATAN_TYPE_LABELS: dict[str, str] = {
    STUDI_DESAIN: "Studi & desain",
    ADVOKASI: "Advokasi, kampanye & sosialisasi",
    PENYIAPAN_LAHAN: "Penyiapan lahan",
    KONSTRUKSI: "Konstruksi & supervisi",
    OM: "Operasi & pemeliharaan",
}
KEGIATAN_TYPES: tuple[str, ...] = tuple(KEGIATAN_TYPE_LABELS)

# --- area berisiko class (ehra-risk.md §7.3) ----------------------------------------------
# numeric class → (label, colour); 0 = not classed (missing input). These are the defaults
# (version 1 of RiskMethodConfig); a method version may rename and recolour classes 1..n,
# read through ppsp.ehra.labels.risk_classes_for_round.
RISK_CLASSES: dict[int, tuple[str, str]] = {
    0: ("Tidak dinilai", "#bdbdbd"),
    1: ("Kurang berisiko", "#2b83ba"),  # biru
    2: ("Risiko sedang", "#1a9641"),  # hijau
    3: ("Risiko tinggi", "#ffd700"),  # kuning
    4: ("Risiko sangat tinggi", "#d7191c"),  # merah
}
