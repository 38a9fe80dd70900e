"""Reading back the formulas our XLSX exports write (openpyxl keeps no computed values)."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

SUM = re.compile(r"^=SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$")
DIFFERENCE = re.compile(r"^=([A-Z]+\d+)-([A-Z]+\d+)$")


def value_of(sheet: Worksheet, value: Any) -> Any:
    """The value of a cell as a spreadsheet would compute it: =SUM(range) and =A1-B1
    (the only formulas the exports write) are evaluated, recursively; others pass through."""
    if not isinstance(value, str):
        return value
    if match := SUM.match(value):
        low_col, low_row, high_col, high_row = range_boundaries(match.group(1))
        return sum(
            float(value_of(sheet, cell.value) or 0)
            for row in sheet.iter_rows(
                min_row=low_row, max_row=high_row, min_col=low_col, max_col=high_col
            )
            for cell in row
        )
    if match := DIFFERENCE.match(value):
        left, right = (value_of(sheet, sheet[ref].value) for ref in match.groups())
        return float(left or 0) - float(right or 0)
    return value
