"""Proses 4 workbooks for download: the Lampiran 4 workbook (a sheet per funding source,
read back by `ppsp.mps.workbook`, and a Rekapitulasi) and the MPS of one year.

Labels, not codes; totals as formulas; the house style of `ppsp.core.xlsx`.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook

from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import INTEGER, finish_table
from ppsp.mps.codes import SHEET_OF_SOURCE
from ppsp.mps.labels import LABELLED, label_of
from ppsp.mps.models import Plan, ProgrammeRow
from ppsp.mps.workbook import COLUMNS, HEADERS, READY_FIELDS


def _cells(row: ProgrammeRow) -> list[Any]:
    values: list[Any] = []
    for header, field in COLUMNS:
        if header == "id":
            values.append(row.pk)
        elif header == "kode_lokasi":
            values.append(row.lokasi.code if row.lokasi else "")
        elif header == "total":
            values.append(row.total)
        elif field == "volume":
            values.append(float(row.volume))
        elif field == "strategi_id":
            values.append(row.strategi_id or "")
        elif field in READY_FIELDS:
            values.append("ya" if getattr(row, field) else "tidak")
        elif field in LABELLED:
            values.append(label_of(field, getattr(row, field)))
        else:
            values.append(getattr(row, field))
    return values


def export_workbook(plan: Plan, rows: Sequence[ProgrammeRow]) -> bytes:
    """A sheet per funding source (the import reads these back) and a Rekapitulasi whose
    totals are formulas; labels rather than codes, house style of `ppsp.core.xlsx`."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for source, sheet_name in SHEET_OF_SOURCE.items():
        sheet = workbook.create_sheet(sheet_name)
        sheet.append(list(HEADERS))
        for row in rows:
            if row.source == source:
                sheet.append(safe_row(_cells(row)))
        finish_table(sheet, freeze_columns=2, widths={"D": 40, "F": 40})
    recap = workbook.create_sheet("Rekapitulasi")
    recap.append(["Subsektor", "Sumber pendanaan", *(str(y) for y in plan.years), "Total (Rp)",
                  "Total (Rp juta)"])  # fmt: skip
    sums: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 5)
    for row in rows:
        for i, amount in enumerate(row.amounts):
            sums[(row.subsector, row.source)][i] += amount
    for (subsector, source_code), amounts in sorted(sums.items()):
        line = recap.max_row + 1
        recap.append([label_of("subsector", subsector), label_of("source", source_code),
                      *amounts, f"=SUM(C{line}:G{line})", f"=H{line}/1000000"])  # fmt: skip
    last = recap.max_row
    if last > 1:
        recap.append(["Jumlah", "", *[f"=SUM({c}2:{c}{last})" for c in "CDEFGHI"]])
    finish_table(recap, formats={c: INTEGER for c in "CDEFGH"} | {"I": "#,##0.00"})
    workbook.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def mps_table_workbook(
    plan: Plan, year: int, lines: Sequence[Any], per_source: Mapping[str, int]
) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = f"MPS {year}"
    sheet.append(
        [
            "No.",
            "Subsektor",
            "Program",
            "Kegiatan",
            "Lokasi/zona",
            "Sumber pendanaan",
            "OPD",
            f"Biaya {year} (Rp)",
            "Komitmen tercatat (Rp)",
            "DED",
            "Lahan",
            "Kelembagaan",
        ]
    )
    for number, line in enumerate(lines, start=1):
        row = line.row
        sheet.append(
            safe_row(
                [
                    number,
                    label_of("subsector", row.subsector),
                    row.program,
                    row.kegiatan,
                    row.lokasi.name if row.lokasi else row.zone,
                    label_of("source", row.source),
                    row.opd,
                    line.amount,
                    line.committed,
                    "ya" if row.ready_ded else "tidak",
                    "ya" if row.ready_lahan else "tidak",
                    "ya" if row.ready_kelembagaan else "tidak",
                ]
            )
        )
    last = sheet.max_row
    if last > 1:
        sheet.append(["", "Jumlah", "", "", "", "", "", f"=SUM(H2:H{last})", f"=SUM(I2:I{last})"])
    finish_table(
        sheet,
        freeze_columns=2,
        widths={"C": 36, "D": 44},
        formats={"H": INTEGER, "I": INTEGER},
        wrap_columns=frozenset({"C", "D"}),
    )
    recap = workbook.create_sheet("Per sumber")
    recap.append(["Sumber pendanaan", f"Biaya {year} (Rp)"])
    for source, amount in sorted(per_source.items()):
        recap.append([label_of("source", source), amount])
    if recap.max_row > 1:
        recap.append(["Jumlah", f"=SUM(B2:B{recap.max_row})"])
    finish_table(recap, formats={"B": INTEGER}, landscape=False)
    workbook.properties.title = f"MPS {plan.region.display_name} {year}"
    workbook.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
