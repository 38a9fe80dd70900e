"""House style of every XLSX export: the look of the Excel templates a Pokja already uses.

One function, `finish_table`, is called by every export after its rows are written, so each
file opens in Excel or LibreOffice ready to send on: bold header with a fill, frozen header
rows, column widths from the content, number formats (Excel shows them with the reader's
own separators: 25.000 in an Indonesian locale), and print set-up (A4 landscape, fit to one
page wide, header rows repeated on every page, page numbers in the footer).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ppsp.core.safe_cells import safe_row

INTEGER = "#,##0"
DECIMAL = "#,##0.00"
PERCENT_1 = "0.0"  # a share written as 0–100 with one decimal
DATE = "DD-MM-YYYY"
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="808080")
MIN_WIDTH, MAX_WIDTH = 6, 60


def _width_of(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, float | Decimal):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, date | datetime):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def number_format_of(value: Any) -> str | None:
    """The house format for a cell value: integers with grouping, decimals with two places."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return INTEGER
    if isinstance(value, float | Decimal):
        return DECIMAL
    if isinstance(value, date | datetime):
        return DATE
    return None


def finish_table(
    sheet: Worksheet,
    *,
    header_row: int = 1,
    freeze_columns: int = 0,
    widths: Mapping[str, float] | None = None,
    formats: Mapping[str, str] | None = None,
    wrap_columns: frozenset[str] = frozenset(),
    landscape: bool = True,
    autofilter: bool = True,
) -> None:
    """Style a table whose header is `header_row` and whose data follow it to the end.

    `formats` maps a column letter to a number format (else chosen from each value:
    `number_format_of`); `widths` overrides the measured width of a column; cells of
    `wrap_columns` wrap (long text). Cells that already have a format keep it.
    """
    last_column = sheet.max_column
    last_row = sheet.max_row
    measured: dict[str, int] = {}
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.border = Border(bottom=THIN, top=THIN, left=THIN, right=THIN)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in sheet.iter_rows(min_row=header_row, max_row=last_row, max_col=last_column):
        for cell in row:
            letter = get_column_letter(cell.column)
            measured[letter] = max(measured.get(letter, 0), _width_of(cell.value))
            if cell.row == header_row:
                continue
            wanted = (formats or {}).get(letter) or number_format_of(cell.value)
            if wanted and cell.number_format == "General":
                cell.number_format = wanted
            if letter in wrap_columns:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index in range(1, last_column + 1):
        letter = get_column_letter(index)
        width = (widths or {}).get(letter)
        if width is None:
            width = min(MAX_WIDTH, max(MIN_WIDTH, measured.get(letter, 0) + 2))
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"{get_column_letter(freeze_columns + 1)}{header_row + 1}"
    if autofilter and last_row > header_row:
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(last_column)}{last_row}"
    print_setup(sheet, repeat_rows=f"{header_row}:{header_row}", landscape=landscape)


def print_setup(sheet: Any, *, repeat_rows: str | None, landscape: bool = True) -> None:
    """A4, landscape, one page wide (as long as needed), repeated header, page numbers."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if repeat_rows:
        sheet.print_title_rows = repeat_rows
    sheet.oddFooter.center.text = "Halaman &P dari &N"
    sheet.oddFooter.left.text = "&A"


@dataclass(frozen=True)
class ChartSpec:
    """A native bar chart beside a table: labels from one column, a series per column
    (1-based column numbers), as the page that the table comes from draws it."""

    title: str
    categories: int
    values: tuple[int, ...]
    horizontal: bool = False


def add_bar_chart(sheet: Worksheet, spec: ChartSpec) -> None:
    """Place `spec`'s chart to the right of the table (header in row 1)."""
    last = sheet.max_row
    if last < 2:
        return
    chart = BarChart()
    chart.type = "bar" if spec.horizontal else "col"
    chart.title = spec.title
    chart.y_axis.numFmt = INTEGER
    for column in spec.values:
        chart.add_data(
            Reference(sheet, min_col=column, min_row=1, max_row=last), titles_from_data=True
        )
    chart.set_categories(Reference(sheet, min_col=spec.categories, min_row=2, max_row=last))
    chart.width, chart.height = 18, 9
    sheet.add_chart(chart, f"{get_column_letter(sheet.max_column + 2)}2")


def table_workbook(
    sheets: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Any]]]],
    *,
    title: str = "",
    charts: Mapping[str, ChartSpec] | None = None,
) -> bytes:
    """A workbook of plain tables (a sheet per entry: header, rows), each finished, with
    the native charts of `charts` (by sheet name)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(name[:31])
        sheet.append(list(header))
        for row in rows:
            sheet.append(safe_row(list(row)))  # user text never becomes a formula
        finish_table(sheet, freeze_columns=1)
        if charts and name in charts:
            add_bar_chart(sheet, charts[name])
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def start_streamed_table(
    sheet: Any, header: Sequence[str], *, widths: Sequence[float] | None = None
) -> None:
    """The header and layout of a write-only sheet (national tables are streamed, so the
    widths are given, not measured): styled header, frozen, filter, print set-up."""
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cells.append(cell)
    for index, text in enumerate(header, start=1):
        width = widths[index - 1] if widths else min(MAX_WIDTH, max(12, len(text) + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}1"
    print_setup(sheet, repeat_rows="1:1")
    sheet.append(cells)


def streamed_row(sheet: Any, values: Sequence[Any]) -> list[Any]:
    """A row for a write-only sheet: numbers and dates carry the house number format."""
    row: list[Any] = []
    for value in values:
        wanted = number_format_of(value)
        if wanted is None:
            row.append(value)
            continue
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = wanted
        row.append(cell)
    return row
