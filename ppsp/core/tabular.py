"""Read an uploaded CSV or XLSX into rows of cell values, the way Excel users save them.

Shared by every import (participants, EHRA submissions, sampling frames): CSV in UTF-8
(with or without BOM) or Windows-1252, comma or semicolon separated (Indonesian Excel
writes semicolons); XLSX from its first sheet. Errors are raised as ValueError with a
message in Bahasa Indonesia, for the caller's report.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from typing import Any


def read_table(filename: str, content: bytes) -> Iterator[list[Any]]:
    name = filename.lower()
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252")
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        yield from csv.reader(io.StringIO(text), delimiter=delimiter)
    elif name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise ValueError("berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX).") from error
        sheet = workbook.worksheets[0]  # Kobo: the main sheet first, repeat groups after
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
        workbook.close()
    else:
        raise ValueError("format berkas tidak dikenal: unggah .csv atau .xlsx.")


def cell_text(value: Any) -> str:
    """A cell as trimmed text; whole floats from Excel (2013.0) lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
