"""Tabel 5.1 as XLSX in the published layout (domain-ppsp.md §10.6): x Rp juta.

Values are in Rp juta, shown with two decimals; Jumlah (a), the Total column and both gaps
are formulas, as in the Pokja's own spreadsheet, so a changed cell updates them. A native
chart (needs as stacked bars, (b) and (c) as lines drawn over the bars) sits under the table.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import DECIMAL, finish_table
from ppsp.scenarios.models import Scenario
from ppsp.scenarios.selectors import Table51

TITLE = "Rekapitulasi Indikasi Kebutuhan Biaya Pengembangan Sanitasi untuk 5 tahun"
HEADER_ROW = 4
CHART_ROWS = 21  # a 10 cm high chart spans about 20 rows of the default height


def _juta(value: float) -> float:
    """Rp juta, unrounded: the cells show two decimals by their format, and the formulas
    add the exact values, so the totals equal the figures of every other page."""
    return value / 1e6


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
    sheet.append(["No.", "Sektor/Subsektor", *table.years, "Total"])
    sheet["A1"].font = Font(bold=True, size=13)
    years = len(table.years)
    first_col, last_col = 3, 2 + years
    total_col = get_column_letter(last_col + 1)

    def row_total(row: int) -> str:
        return f"=SUM({get_column_letter(first_col)}{row}:{get_column_letter(last_col)}{row})"

    first_need = sheet.max_row + 1
    for k, (label, values, _total) in enumerate(table.rows, start=1):
        row = sheet.max_row + 1
        sheet.append([k, label, *[_juta(v) for v in values], row_total(row)])
    last_need = sheet.max_row
    a_row, b_row, c_row = last_need + 1, last_need + 2, last_need + 3
    columns = [get_column_letter(c) for c in range(first_col, last_col + 1)]
    sheet.append(
        ["", "Jumlah (a)", *[f"=SUM({c}{first_need}:{c}{last_need})" for c in columns],
         row_total(a_row)]
    )  # fmt: skip
    gaps = table.gaps
    sheet.append(["", "Perkiraan APBD murni untuk sanitasi (b)",
                  *[_juta(v) for v in gaps.apbd_murni], row_total(b_row)])  # fmt: skip
    sheet.append(["", "Perkiraan komitmen pendanaan sanitasi (c)",
                  *[_juta(v) for v in gaps.komitmen], row_total(c_row)])  # fmt: skip
    sheet.append(["", "Gap 1 (a − b)", *[f"={c}{a_row}-{c}{b_row}" for c in columns],
                  row_total(sheet.max_row + 1)])  # fmt: skip
    sheet.append(["", "Gap 2 (a − c)", *[f"={c}{a_row}-{c}{c_row}" for c in columns],
                  row_total(sheet.max_row + 1)])  # fmt: skip
    last_row = sheet.max_row
    for row in (a_row, last_row - 1, last_row):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=first_need, max_row=last_row, min_col=first_col):
        for cell in row:
            cell.number_format = DECIMAL
    finish_table(
        sheet,
        header_row=HEADER_ROW,
        freeze_columns=2,
        widths={"A": 5, "B": 44, **{c: 14 for c in [*columns, total_col]}},
        autofilter=False,
    )
    sheet.append([])
    sheet.append(["Sumber: Analisa Pokja Sanitasi"])
    sheet.append(
        [
            "(b) dan (c) dari Tabel Perkiraan Besaran Pendanaan Sanitasi ke Depan; "
            "dihitung dalam rupiah penuh, ditampilkan dalam Rp juta."
        ]
    )
    chart_row = sheet.max_row + 2
    _chart(sheet, first_need, last_need, b_row, c_row, last_col, anchor=f"B{chart_row}")
    sheet.print_area = f"A1:{total_col}{chart_row + CHART_ROWS}"  # the table and its chart
    book.calculation.fullCalcOnLoad = True  # Excel computes the formulas on opening
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _chart(
    sheet: object, first_need: int, last_need: int, b_row: int, c_row: int, last_col: int,
    *, anchor: str,
) -> None:  # fmt: skip
    """Needs per subsector as stacked bars; (b) and (c) as lines on the same axes."""
    categories = Reference(sheet, min_col=3, max_col=last_col, min_row=HEADER_ROW)
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "stacked"
    bars.overlap = 100
    bars.title = "Kebutuhan (a), APBD murni (b), komitmen (c)"
    bars.y_axis.title = "Rp juta"
    bars.y_axis.numFmt = "#,##0"
    bars.y_axis.majorGridlines = None
    for row in range(first_need, last_need + 1):
        data = Reference(sheet, min_col=2, max_col=last_col, min_row=row)
        bars.add_data(data, from_rows=True, titles_from_data=True)
    bars.set_categories(categories)
    lines = LineChart()
    for row in (b_row, c_row):
        lines.add_data(
            Reference(sheet, min_col=2, max_col=last_col, min_row=row),
            from_rows=True,
            titles_from_data=True,
        )
    for series in lines.series:
        series.smooth = False
        series.graphicalProperties.line.width = 28575  # 2.25 pt, visible over the bars
    bars += lines
    bars.width, bars.height = 22, 10
    sheet.add_chart(bars, anchor)  # type: ignore[attr-defined]
