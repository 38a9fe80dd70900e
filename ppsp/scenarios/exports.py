"""Tabel 5.1 as XLSX in the published layout (domain-ppsp.md §10.6): x Rp juta."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ppsp.core.safe_cells import safe_row
from ppsp.scenarios.models import Scenario
from ppsp.scenarios.selectors import Table51

TITLE = "Rekapitulasi Indikasi Kebutuhan Biaya Pengembangan Sanitasi untuk 5 tahun"


def table51_workbook(scenario: Scenario, table: Table51) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tabel 5.1"
    sheet.append([f"Tabel 5.1 {TITLE}"])
    sheet.append(
        safe_row([f"{scenario.region.display_name} · skenario {scenario.name} (x Rp juta)"])
    )
    sheet.append([])
    sheet.append(["No", "Sektor/Subsektor", *table.years, "Total"])
    header_row = sheet.max_row
    gaps, totals = table.gaps, table.gaps.totals

    def put(
        number: str, label: str, values: list[float], total: float, *, bold: bool = False
    ) -> None:
        sheet.append(safe_row([number, label, *[v / 1e6 for v in values], total / 1e6]))
        if bold:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)

    for k, (label, values, total) in enumerate(table.rows, start=1):
        put(str(k), label, values, total)
    put("", "Jumlah (a)", gaps.need_total, totals["need_total"], bold=True)
    put("", "Perkiraan APBD murni untuk sanitasi (b)", gaps.apbd_murni, totals["apbd_murni"])
    put("", "Perkiraan komitmen pendanaan sanitasi (c)", gaps.komitmen, totals["komitmen"])
    put("", "Gap 1 (a − b)", gaps.gap1, totals["gap1"], bold=True)
    put("", "Gap 2 (a − c)", gaps.gap2, totals["gap2"], bold=True)
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=3):
        for cell in row:
            cell.number_format = "#,##0"
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    sheet.append([])
    sheet.append(["Sumber: Analisa Pokja Sanitasi"])
    sheet.append(
        [
            "(b) dan (c) dari Tabel Perkiraan Besaran Pendanaan Sanitasi ke Depan; "
            "dihitung dalam rupiah penuh, ditampilkan dalam Rp juta."
        ]
    )
    sheet.column_dimensions["B"].width = 44
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
