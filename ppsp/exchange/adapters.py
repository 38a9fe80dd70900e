"""File adapters of the sector systems: read a SIPSN, STBM or SIPD export into figures.

The column headers come from `FieldMapping` (data, editable in the admin), matched without
regard to case and spacing. Every row is checked and every problem is reported with the
file name, the row number (as seen in a spreadsheet, header = row 1) and the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ppsp.core.tabular import cell_text, read_table
from ppsp.exchange.models import FieldMapping, SourceSystem
from ppsp.regions.models import Level, Region

# target -> indicator code of the figure it feeds (the other targets identify the row)
INDICATORS: dict[str, dict[str, str]] = {
    SourceSystem.SIPSN: {
        "timbulan_harian": "sipsn_timbulan_harian_ton",
        "timbulan_tahunan": "sipsn_timbulan_tahunan_ton",
        "pengurangan_tahunan": "sipsn_pengurangan_tahunan_ton",
        "penanganan_tahunan": "sipsn_penanganan_tahunan_ton",
        "terkelola_tahunan": "sipsn_terkelola_tahunan_ton",
    },
    SourceSystem.STBM: {
        "jumlah_kk": "stbm_jumlah_kk",
        "kk_jsp": "stbm_kk_jsp",
        "kk_jssp": "stbm_kk_jssp",
        "kk_sharing": "stbm_kk_sharing",
        "kk_babs": "stbm_kk_babs",
        "status_odf": "stbm_odf",
    },
    SourceSystem.SIPD: {"pagu": "apbd_pagu", "realisasi": "apbd_realisasi"},
}
_ODF_YES = {"ya", "odf", "sudah", "sudahodf", "terverifikasi", "terverifikasiodf", "sbs", "1"}
_ODF_NO = {"tidak", "belum", "belumodf", "tidakodf", "0", ""}
_KIND_WORDS = re.compile(r"^(kabupaten|kab\.?|kota)")


@dataclass(frozen=True)
class Figure:
    region_id: int
    year: int
    indicator: str
    key: str
    value: Decimal


@dataclass
class Parsed:
    figures: list[Figure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: int = 0


def _norm(text: str) -> str:
    """Lower case without any spaces: 'Timbulan Sampah Harian(ton)' matches '... (ton)'."""
    return "".join(text.lower().split())


MAX_VALUE = Decimal(10) ** 16


def parse_number(text: str) -> Decimal | None:
    """'1.234,5' (Indonesian), '1234.5', '1,234.5' or a spreadsheet number; None if not."""
    text = text.replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    elif text.count(".") > 1:
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    # SectorFigure.value is DecimalField(max_digits=20, decimal_places=4): below 10**16
    return value if value.is_finite() and 0 <= value < MAX_VALUE else None


def _place_name(name: str) -> str:
    return _KIND_WORDS.sub("", _norm(name))


def parse_file(system: str, kabkota: Region, filename: str, content: bytes) -> Parsed:
    result = Parsed()
    mappings = list(FieldMapping.objects.filter(system=system))
    try:
        table = list(read_table(filename, content))
    except ValueError as error:
        result.errors.append(f"{filename}: {error}")
        return result
    if not table:
        result.errors.append(f"{filename}: berkas kosong.")
        return result
    by_header = {_norm(h): m for m in mappings for h in m.headers()}
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for index, raw in enumerate(table[0]):
        mapping = by_header.get(_norm(cell_text(raw)))
        if mapping and mapping.target not in columns:
            columns[mapping.target] = index
            labels[mapping.target] = cell_text(raw)
    for m in mappings:
        if m.required and m.target not in columns:
            result.errors.append(
                f"{filename}, baris 1, kolom '{m.header}': kolom wajib tidak ditemukan."
            )
    if system == SourceSystem.SIPSN and not {"kode_wilayah", "nama_wilayah"} & columns.keys():
        result.errors.append(
            f"{filename}, baris 1, kolom 'Kode Kab/Kota': kolom kode atau nama kab/kota "
            "tidak ditemukan."
        )
    if result.errors:
        return result
    desa = {}
    if system == SourceSystem.STBM:
        desa = dict(
            Region.objects.filter(kabkota_code=kabkota.code, level=Level.DESA).values_list(
                "code", "pk"
            )
        )
    for number, raw_row in enumerate(table[1:], start=2):
        values = {t: cell_text(raw_row[i]) if i < len(raw_row) else "" for t, i in columns.items()}
        if not any(values.values()):
            continue
        result.rows += 1

        def fail(target: str, message: str, number: int = number) -> None:
            result.errors.append(
                f"{filename}, baris {number}, kolom '{labels.get(target, target)}': {message}"
            )

        before = len(result.errors)
        year = _year(values.get("tahun", ""))
        if year is None:
            fail("tahun", f"tahun '{values.get('tahun', '')}' tidak sah (contoh: 2024).")
        region_id = _region(system, kabkota, values, desa, fail)
        found: list[tuple[str, str, Decimal]] = []
        key = ""
        if system == SourceSystem.SIPD:
            key = f"{values.get('kode_sub_kegiatan', '')}|{values.get('nama_skpd', '')}"[:200]
            for target in ("kode_sub_kegiatan", "nama_skpd"):
                if not values.get(target):
                    fail(target, "wajib diisi.")
        for target, indicator in INDICATORS[system].items():
            if target not in columns:
                continue
            text = values.get(target, "")
            if target == "status_odf":
                flag = _norm(text)
                if flag in _ODF_YES or flag in _ODF_NO:
                    found.append((indicator, key, Decimal(1 if flag in _ODF_YES else 0)))
                else:
                    fail(target, f"'{text}' bukan status ODF (Ya/Tidak).")
                continue
            if not text:
                if any(m.required and m.target == target for m in mappings):
                    fail(target, "wajib diisi.")
                continue
            value = parse_number(text)
            if value is None:
                fail(target, f"'{text}' bukan angka antara 0 dan 10.000.000.000.000.000.")
            else:
                found.append((indicator, key, value))
        if len(result.errors) == before and year is not None and region_id is not None:
            result.figures += [Figure(region_id, year, i, k, v) for i, k, v in found]
    if not result.rows and not result.errors:
        result.errors.append(f"{filename}: tidak ada baris data.")
    return result


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() and 2000 <= int(text) <= 2100 else None


def _region(
    system: str, kabkota: Region, values: dict[str, str], desa: dict[str, int], fail: Any
) -> int | None:
    if system == SourceSystem.STBM:
        code = values.get("kode_desa", "")
        if code in desa:
            return desa[code]
        fail("kode_desa", f"desa '{code}' tidak ada di {kabkota.name} ({kabkota.code}).")
        return None
    if system == SourceSystem.SIPSN:
        code = values.get("kode_wilayah", "")
        name = values.get("nama_wilayah", "")
        if code and code.replace(".", "") != kabkota.code.replace(".", ""):
            fail("kode_wilayah", f"kode '{code}' bukan {kabkota.name} ({kabkota.code}).")
            return None
        if not code and _place_name(name) != _place_name(kabkota.name):
            fail("nama_wilayah", f"'{name}' bukan {kabkota.name}.")
            return None
    return kabkota.pk
