"""The belanja sanitasi workbook: one row per OPD, one column per realised year (PT-03).

`belanja_workbook` writes the current entries (or an empty template); `parse_belanja`
reads an uploaded file into rows and a list of problems, never stopping at the first bad
row (anchors-code.md §11 rule 9). Amounts are whole rupiah.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook

from ppsp.core.safe_cells import safe_row
from ppsp.core.tabular import read_sheets
from ppsp.core.xlsx import finish_table
from ppsp.finance.models import FiscalCapacity

SHEET = "Belanja Sanitasi"
_DIGITS = re.compile(r"^-?[0-9.,\s]+$")
# Rp 100 trillion per OPD and year: far above any kab/kota APBD (a few trillion), far below
# what the BigIntegerField and the pages' number formatting can hold.
MAX_AMOUNT = 100_000_000_000_000
MAX_TEXT = "100.000.000.000.000"


@dataclass
class BelanjaFile:
    rows: dict[str, dict[int, int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def belanja_workbook(capacity: FiscalCapacity) -> bytes:
    years = capacity.history_years
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(["OPD", *years])
    by_opd: dict[str, dict[int, int]] = {}
    for row in capacity.belanja.all():
        by_opd.setdefault(row.opd, {})[row.year] = row.amount
    for opd, amounts in sorted(by_opd.items()):
        sheet.append(safe_row([opd, *[amounts.get(y, 0) for y in years]]))
    finish_table(sheet, widths={"A": 40}, landscape=False)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _amount(value: Any) -> int | None:
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value or not 0 <= value <= MAX_AMOUNT:
            return None
        return round(value)
    text = str(value).strip()
    if not _DIGITS.match(text):
        return None
    # Indonesian style "1.234.567" or "1.234.567,00": dots group thousands.
    text = text.replace(" ", "").split(",")[0].replace(".", "")
    if not text.isdigit() or len(text) > 16 or int(text) > MAX_AMOUNT:
        return None
    return int(text)


def parse_belanja(data: bytes, years: list[int], filename: str = "berkas") -> BelanjaFile:
    result = BelanjaFile()
    try:
        sheets = read_sheets(filename, data, names={SHEET}, first_if_absent=True)
    except ValueError as error:
        result.problems.append(f"{filename}: {error}")
        return result
    rows = next(iter(sheets.values()), [])
    if not rows:
        result.problems.append(f"{filename}: lembar kerja kosong.")
        return result
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    columns: dict[int, int] = {}
    for index, name in enumerate(header[1:], start=1):
        if name.isdigit() and int(name) in years:
            columns[int(name)] = index
    missing = [str(y) for y in years if y not in columns]
    if missing:
        result.problems.append(
            f"Baris judul harus berisi OPD lalu tahun {', '.join(map(str, years))}; "
            f"tidak ditemukan: {', '.join(missing)}."
        )
        return result
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (len(header) - len(row))
        opd = " ".join(str(cells[0] or "").split())
        if not opd and all(c in (None, "") for c in cells):
            continue
        if not opd:
            result.problems.append(f"{filename} baris {number}, kolom A: nama OPD kosong.")
            continue
        if opd in result.rows:
            result.problems.append(
                f"{filename} baris {number}, kolom A: OPD {opd} muncul dua kali."
            )
            continue
        amounts = {}
        for year, index in columns.items():
            value = _amount(cells[index])
            if value is None:
                result.problems.append(
                    f"{filename} baris {number} ({opd}), tahun {year}: {cells[index]!r} "
                    f"bukan nilai rupiah antara 0 dan {MAX_TEXT}."
                )
            else:
                amounts[year] = value
        if len(amounts) == len(columns):
            result.rows[opd] = amounts
    if not result.rows and not result.problems:
        result.problems.append(f"{filename}: tidak ada baris OPD.")
    return result
