"""The MPS of one year as XLSX: kegiatan with cost and recorded commitment, and per source.

Labels, not codes; totals as formulas; the house style of `ppsp.core.xlsx`.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from openpyxl import Workbook

from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import INTEGER, finish_table
from ppsp.mps.models import Plan
from ppsp.mps.workbook import label_of


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
