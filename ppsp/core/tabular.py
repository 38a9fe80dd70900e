"""Read an uploaded CSV or XLSX into rows of cell values, the way Excel users save them.

Shared by every import (Form 2, participants, sector data, monev, EHRA submissions,
sampling frames, the budget PT-03 and Lampiran 4 workbooks): the upload is first checked
by `ppsp.core.uploads.check_upload` (size cap, kind read from the content, a ZIP's declared
uncompressed size, no XML DTD/entities), then read: CSV in UTF-8 (with or without BOM) or
Windows-1252, comma or semicolon separated (Indonesian Excel writes semicolons); XLSX from
its first sheet (`read_table`) or the sheets asked for (`read_sheets`).

Formula cells follow one rule in every import: the value the spreadsheet program last
computed (stored with the file) is read; a formula without a stored value (a file written
by a program that does not compute, e.g. a script) or whose value is an error (#DIV/0!,
#REF!, ...) is rejected with its row and column. Errors are raised as ValueError with a
message in Bahasa Indonesia, for the caller's report.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Collection, Iterator
from typing import Any

from ppsp.core.uploads import CSV, TABULAR, XLSX, UploadRejected, check_upload

ERROR_VALUES = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}
)
Table = list[list[Any]]


def read_table(
    filename: str, content: bytes, *, kinds: Collection[str] = TABULAR
) -> Iterator[list[Any]]:
    """Rows of the CSV, or of the XLSX's first sheet (Kobo: the main sheet comes first)."""
    kind = _checked(filename, content, kinds)
    if kind == CSV:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        try:
            yield from csv.reader(io.StringIO(text), delimiter=delimiter)
        except csv.Error as error:
            raise ValueError(f"berkas CSV tidak dapat dibaca ({error}).") from None
        return
    sheets = read_sheets(filename, content, first_only=True)
    yield from next(iter(sheets.values()), [])


def _checked(filename: str, content: bytes, kinds: Collection[str]) -> str:
    """check_upload, its message without the file name (callers add it)."""
    try:
        return check_upload(filename, content, kinds=kinds)
    except UploadRejected as error:
        raise UploadRejected(error.detail) from None


def read_sheets(
    filename: str,
    content: bytes,
    *,
    names: Collection[str] | None = None,
    first_only: bool = False,
    first_if_absent: bool = False,
) -> dict[str, Table]:
    """Sheet title -> rows of values of an XLSX (all sheets, the `names` given, or the
    first; `first_if_absent`: the first when none of `names` exists), after the upload
    check; formula cells by the rule in the module docstring."""
    _checked(filename, content, (XLSX,))
    from openpyxl import load_workbook

    tables: dict[str, Table] = {}
    formulas: dict[tuple[str, int, int], str] = {}
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        present = names is not None and any(n in book.sheetnames for n in names)
        only_first = first_only or (first_if_absent and not present)

        def wanted(index: int, title: str) -> bool:
            return (index == 0) if only_first else (names is None or title in names)

        try:
            for index, sheet in enumerate(book.worksheets):
                if not wanted(index, sheet.title):
                    continue
                if _has_formulas(content, getattr(sheet, "_worksheet_path", "")):
                    rows: Table = []
                    for r, cells in enumerate(sheet.iter_rows(), start=1):
                        values = []
                        for c, cell in enumerate(cells, start=1):
                            value = getattr(cell, "value", None)
                            if getattr(cell, "data_type", "") == "f":
                                formulas[(sheet.title, r, c)] = str(value)
                            values.append(value)
                        rows.append(values)
                else:  # the common case, several times faster: plain values
                    rows = [list(values) for values in sheet.iter_rows(values_only=True)]
                tables[sheet.title] = rows
        finally:
            book.close()
        if formulas:
            _cached_values(filename, content, tables, formulas)
    except UploadRejected:
        raise
    except Exception:  # openpyxl raises many kinds (KeyError, TypeError, XML errors ...)
        raise ValueError(
            "berkas XLSX tidak dapat dibaca (rusak atau bukan XLSX); buka dan simpan ulang "
            "dari Excel/LibreOffice."
        ) from None
    return tables


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(content: bytes, member: str) -> bool:
    """Whether a sheet's XML holds a formula element (streamed; the size is already capped).

    Unknown member (another reader layout): assume it may."""
    if not member:
        return True
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(member) as handle:
            tail = b""
            while chunk := handle.read(1024 * 1024):
                if _FORMULA.search(tail + chunk):
                    return True
                tail = chunk[-16:]
    except KeyError:
        return True
    return False


def _cached_values(
    filename: str,
    content: bytes,
    tables: dict[str, Table],
    formulas: dict[tuple[str, int, int], str],
) -> None:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        for title, rows in tables.items():
            cached = book[title].iter_rows(values_only=True)
            for r, values in enumerate(cached, start=1):
                for c, value in enumerate(values, start=1):
                    formula = formulas.get((title, r, c))
                    if formula is None:
                        continue
                    where = f"lembar '{title}', baris {r}, kolom {get_column_letter(c)}"
                    shown = formula if len(formula) <= 60 else formula[:57] + "..."
                    if value is None:
                        raise UploadRejected(
                            f"{where}: sel berisi rumus '{shown}' tanpa nilai tersimpan; "
                            "ketik nilainya, atau buka dan simpan ulang berkas di "
                            "Excel/LibreOffice agar rumus dihitung."
                        )
                    if isinstance(value, str) and value.strip().upper() in ERROR_VALUES:
                        raise UploadRejected(
                            f"{where}: rumus '{shown}' menghasilkan galat {value}; "
                            "perbaiki rumus atau ketik nilainya."
                        )
                    rows[r - 1][c - 1] = value
    finally:
        book.close()


def cell_text(value: Any) -> str:
    """A cell as trimmed text; whole floats from Excel (2013.0) lose their '.0'."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
