"""XLSX files of the profile app: Form 2 grid (column order of the instrument) and kemajuan."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Font

from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import finish_table
from ppsp.profiles.columns import COLUMNS
from ppsp.profiles.kemajuan import STATUS_LABELS, KemajuanRow
from ppsp.profiles.selectors import Profile


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def form2_xlsx(profiles: Iterable[Profile], title: str) -> bytes:
    """Row 1: Form 2 headers; then one row per desa. Derived columns are values, not formulas."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Form 2"
    sheet.append([c.header for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for profile in profiles:
        row = []
        for column in COLUMNS:
            value = profile.value(column.key)
            if column.kind == "flag":
                value = 1 if value else 0
            row.append(value)
        sheet.append(safe_row(row))
    finish_table(sheet, freeze_columns=3, widths={"B": 24})
    workbook.properties.title = title
    return _save(workbook)


def kemajuan_xlsx(rows: list[KemajuanRow], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Kemajuan"
    sheet.append(
        [
            "Dokumen",
            "Indikator",
            "Satuan",
            "Makin kecil makin baik",
            "Tahun baseline",
            "Baseline",
            "Tahun target",
            "Target",
            "Nilai saat ini",
            "Sumber nilai saat ini",
            "Capaian (%)",
            "Status",
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        t = r.target
        sheet.append(
            safe_row(
                [
                    str(r.document),
                    t.name,
                    t.unit,
                    "ya" if t.lower_is_better else "tidak",
                    t.baseline_year,
                    t.baseline,
                    t.target_year,
                    t.target,
                    r.current,
                    r.current_origin,
                    r.achievement,
                    str(STATUS_LABELS[r.status]),
                ]
            )
        )
    finish_table(sheet, widths={"B": 44}, wrap_columns=frozenset({"B"}))
    workbook.properties.title = title
    return _save(workbook)
