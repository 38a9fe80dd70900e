"""New Lampiran 4 rows from an imported workbook: a row without an id becomes a new row
once its cells pass the same rules as the form (one source, tupoksi, codes, lokasi)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ppsp.core.tabular import cell_text
from ppsp.mps.codes import SHEET_OF_SOURCE
from ppsp.mps.models import Plan, ProgrammeRow, RowStatus
from ppsp.mps.services import row_problems
from ppsp.mps.workbook import COLUMNS, RowAddition, WorkbookDiff, WorkbookError, convert_cell
from ppsp.regions.models import Region


def new_row(plan: Plan, addition: RowAddition) -> ProgrammeRow:
    values = {k: v for k, v in addition.values.items() if k != "lokasi_code"}
    return ProgrammeRow(plan=plan, **values)


def read_addition(
    diff: WorkbookDiff,
    filename: str,
    sheet: str,
    number: int,
    cells: list[Any],
    index: dict[str, int],
    plan: Plan,
    strategi_ids: set[int],
) -> None:
    """Read a row without an id as a new row; its errors name the sheet, row and column."""
    values: dict[str, Any] = {}
    errors: list[WorkbookError] = []
    for header_name, field in COLUMNS:
        if not field or header_name not in index:
            continue
        raw = cells[index[header_name]] if index[header_name] < len(cells) else None
        if field == "source" and not cell_text(raw):
            raw = next(s for s, n in SHEET_OF_SOURCE.items() if n == sheet)
        if field == "status" and not cell_text(raw):
            raw = RowStatus.PRIORITAS
        try:
            values[field] = convert_cell(field, raw, strategi_ids)
        except ValueError as error:
            errors.append(WorkbookError(filename, sheet, number, header_name, str(error)))
    lokasi_code = (
        cell_text(cells[index["kode_lokasi"]]) if index["kode_lokasi"] < len(cells) else ""
    )
    if lokasi_code:
        lokasi = Region.objects.filter(code=lokasi_code).first()
        if lokasi is None:
            errors.append(
                WorkbookError(
                    filename, sheet, number, "kode_lokasi", f"'{lokasi_code}' bukan kode desa."
                )
            )
        values["lokasi"] = lokasi
    if not errors:
        row = ProgrammeRow(plan=plan, origin=f"impor lembar {sheet} baris {number}", **values)
        names = {field: header for header, field in COLUMNS if field}
        names.update(source="sumber", lokasi="kode_lokasi", strategi="kode_strategi")
        try:
            row.full_clean(exclude=["plan", "lokasi", "strategi"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                column = names.get(field, field)
                for message in messages:
                    errors.append(WorkbookError(filename, sheet, number, column, message))
        for field, message in row_problems(row).items():
            errors.append(WorkbookError(filename, sheet, number, names.get(field, field), message))
        values["origin"] = row.origin
        values["status"] = row.status
    diff.errors.extend(errors)
    if not errors:
        diff.additions.append(RowAddition(sheet, number, values))
