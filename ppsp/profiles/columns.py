"""The Form 2 columns in their order, and how one cell is read (grid and XLSX alike).

Order follows the Instrumen Profil Sanitasi sheet "Form 2" (domain-ppsp.md §8.2, items
a–j, then the secondary indicators of air limbah, persampahan and drainase). Derived
columns (density, % KK miskin) are written on export and ignored on import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from ppsp.core.tabular import cell_text

THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # "label", "code", "float", "int", "pct", "urban", "flag", "derived"
    short: str = ""

    @property
    def editable(self) -> bool:
        return self.kind not in {"label", "code", "derived"}


COLUMNS: tuple[Column, ...] = (
    Column("kecamatan", "Nama kecamatan", "label"),
    Column("desa", "Nama desa/kelurahan", "label"),
    Column("code", "Kode desa", "code"),
    Column("luas_administratif", "Luas administratif (ha)", "float", str(_("Luas adm."))),
    Column("luas_terbangun", "Luas terbangun (ha)", "float", str(_("Luas terbangun"))),
    Column("growth_pct", "Pertumbuhan penduduk (%/tahun)", "float", str(_("Tumbuh %"))),
    Column("penduduk", "Jumlah penduduk (jiwa)", "int", str(_("Penduduk"))),
    Column("kk", "Jumlah KK", "int", "KK"),
    Column("urban_bps", "Urban/rural BPS (1=urban, 2=rural)", "urban", "BPS 1/2"),
    Column("urban_rtrw", "Urban/rural RTRW (1=urban, 2=rural)", "urban", "RTRW 1/2"),
    Column("cbd", "Kawasan bisnis/CBD (1=ya)", "flag", "CBD"),
    Column("kk_miskin", "Jumlah KK miskin", "int", str(_("KK miskin"))),
    Column("jamban_pribadi", "Air limbah: KK dengan jamban pribadi", "int", str(_("Jamban"))),
    Column("tangki_septik", "Air limbah: KK dengan tangki septik", "int", str(_("Tangki septik"))),
    Column("sampah_terangkut", "Persampahan: sampah terangkut (%)", "pct", str(_("Terangkut %"))),
    Column("tps", "Persampahan: jumlah TPS/TPS 3R", "int", "TPS"),
    Column("luas_genangan", "Drainase: luas genangan (ha)", "float", str(_("Genangan ha"))),
    Column("kepadatan_bruto", "Kepadatan bruto (jiwa/ha)", "derived"),
    Column("kepadatan_netto", "Kepadatan netto (jiwa/ha)", "derived"),
    Column("kk_miskin_pct", "KK miskin (%)", "derived"),
)
EDITABLE: tuple[Column, ...] = tuple(c for c in COLUMNS if c.editable)
# Plausible upper bounds per column (a desa, not a country): areas in ha (the largest desa
# in Papua cover some 10^5-10^6 ha), people and households, facilities. A value beyond is a
# typing or unit error (e.g. m² for ha), never stored.
MAXIMUM: dict[str, float] = {
    "luas_administratif": 10_000_000,
    "luas_terbangun": 10_000_000,
    "luas_genangan": 10_000_000,
    "growth_pct": 100,
    "penduduk": 10_000_000,
    "kk": 5_000_000,
    "kk_miskin": 5_000_000,
    "jamban_pribadi": 5_000_000,
    "tangki_septik": 5_000_000,
    "tps": 100_000,
}
BY_KEY = {c.key: c for c in COLUMNS}


def parse_cell(column: Column, value: Any) -> Any:
    """One cell as a Python value (None when empty); ValueError with an Indonesian message."""
    if isinstance(value, bool):
        value = int(value)
    text = cell_text(value)
    if text == "":
        return False if column.kind == "flag" else None
    if column.kind == "flag":
        lowered = text.lower()
        if lowered in {"1", "ya", "y", "true"}:
            return True
        if lowered in {"0", "2", "tidak", "t", "false"}:
            return False
        raise ValueError("isi 1 (ya) atau 0 (tidak)")
    number = _number(value, text, whole=column.kind in {"int", "urban"})
    if column.kind in {"int", "urban"}:
        if not number.is_integer():
            raise ValueError("harus bilangan bulat")
        result: float | int = int(number)
        if column.kind == "urban" and result not in (1, 2):
            raise ValueError("isi 1 (urban) atau 2 (rural)")
    else:
        result = number
    if column.key != "growth_pct" and result < 0:
        raise ValueError("tidak boleh negatif")
    if column.key == "growth_pct" and result < -100:
        raise ValueError("pertumbuhan tidak boleh di bawah -100%")
    maximum = MAXIMUM.get(column.key)
    if maximum is not None and result > maximum:
        shown = f"{maximum:,.0f}".replace(",", ".")
        raise ValueError(f"'{text}' terlalu besar (maksimum {shown})")
    if column.kind == "pct" and result > 100:
        raise ValueError("persen harus antara 0 dan 100")
    return result


def _number(value: Any, text: str, *, whole: bool = False) -> float:
    if isinstance(value, int | float):
        return float(value)
    cleaned = text.replace(" ", "")
    if whole and THOUSANDS.fullmatch(cleaned):  # counts typed as 4.000 (Indonesian grouping)
        cleaned = cleaned.replace(".", "")
    if "," in cleaned:  # Indonesian: 1.234,5
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"'{text}' bukan angka") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"'{text}' bukan angka")
    return number
