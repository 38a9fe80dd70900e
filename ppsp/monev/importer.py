"""XLSX/CSV import of a realisation report: all lines valid, or nothing is saved.

Layout (first sheet, header row first; column names are case-insensitive):
``jenis`` (baris | indikator), ``id`` (nomor baris program / simpul sasaran as shown on the
grid), ``realisasi_rp``, ``output``, ``status``, ``bukti``, ``nilai``, ``sumber``,
``kode_tidak_tersedia``, ``alasan``. Errors name the file, the row and the column.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ppsp.core.tabular import cell_text, read_table
from ppsp.monev.forms import IndicatorValueForm, RowValueForm
from ppsp.monev.models import Report
from ppsp.monev.services import SaveResult, realisation_record, realisation_save
from ppsp.regions.models import Region

COLUMNS = {
    "realisasi_rp": "budget",
    "output": "output",
    "status": "work_status",
    "bukti": "evidence",
    "nilai": "value",
    "sumber": "source",
    "kode_tidak_tersedia": "na_code",
    "alasan": "na_reason",
}
COLUMN_OF = {field: column for column, field in COLUMNS.items()}
HEADER = ["jenis", "id", *COLUMNS]


def _errors(form: Any, name: str, line: int) -> list[str]:
    out = []
    for field, messages in form.errors.items():
        column = COLUMN_OF.get(field, "—") if field != "__all__" else "—"
        for message in messages:
            out.append(f"{name}, baris {line}, kolom {column}: {message}")
    return out


def realisation_import(
    *,
    filename: str,
    content: bytes,
    row_ids: set[int],
    node_ids: set[int],
    by: Any,
    report: Report | None = None,
    region: Region | None = None,
    year: int | None = None,
) -> SaveResult:
    """Validate every line, then save them in one transaction; ValidationError lists all.

    Give the `report`, or `region` and `year`: the report is then opened only together
    with valid values (a rejected file leaves no empty draft).
    """
    errors: list[str] = []
    rows: dict[int, dict[str, Any]] = {}
    indicators: dict[int, dict[str, Any]] = {}
    try:
        table = list(read_table(filename, content))
    except ValueError as error:
        raise ValidationError(f"{filename}: {error}") from error
    if not table:
        raise ValidationError(f"{filename}: berkas kosong.")
    header = [cell_text(c).lower() for c in table[0]]
    absent = [c for c in ("jenis", "id") if c not in header]
    if absent:
        raise ValidationError(f"{filename}, baris 1: kolom wajib tidak ada: {', '.join(absent)}.")
    for number, cells in enumerate(table[1:], start=2):
        values = {header[i]: cell_text(c) for i, c in enumerate(cells) if i < len(header)}
        if not any(values.values()):
            continue
        kind, ident = values.get("jenis", "").lower(), values.get("id", "")
        if kind not in ("baris", "indikator"):
            errors.append(f"{filename}, baris {number}, kolom jenis: isi 'baris' atau 'indikator'.")
            continue
        known = row_ids if kind == "baris" else node_ids
        if not ident.isdigit() or int(ident) not in known:
            errors.append(f"{filename}, baris {number}, kolom id: '{ident}' tidak dikenal.")
            continue
        data = {COLUMNS[c]: v for c, v in values.items() if c in COLUMNS}
        form_class = RowValueForm if kind == "baris" else IndicatorValueForm
        if kind == "baris":
            data.setdefault("work_status", "belum_mulai")
            data["work_status"] = data["work_status"] or "belum_mulai"
        form = form_class(data={k: v for k, v in data.items() if k in form_class.base_fields})
        if not form.is_valid():
            errors.extend(_errors(form, filename, number))
            continue
        (rows if kind == "baris" else indicators)[int(ident)] = form.cleaned_data
    if errors:
        raise ValidationError(errors)
    if report is not None:
        return realisation_save(
            report=report, rows=rows, indicators=indicators, by=by, action_label="impor"
        )
    assert region is not None and year is not None
    return realisation_record(
        region=region, year=year, rows=rows, indicators=indicators, by=by, action_label="impor"
    )
