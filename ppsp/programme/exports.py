"""Dashboard tables as CSV (UTF-8 with BOM for Excel) or XLSX (house style, `core.xlsx`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.http import HttpResponse

from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import ChartSpec, table_workbook
from ppsp.programme.models import Participation

HEADER = (
    "kode_kabkota",
    "nama_kabkota",
    "provinsi",
    "tahun_kohort",
    "fase",
    "tahapan",
    "nama_tahapan",
    "status",
)
SUMMARY_CHARTS = {
    "tahapan": ChartSpec("Kab/kota per tahapan", categories=2, values=(3, 4), horizontal=True),
    "kohort": ChartSpec("Kab/kota per kohort", categories=1, values=(2,)),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_rows(participations: Iterable[Participation]) -> list[list[Any]]:
    rows = []
    for p in participations:
        stage = p.current_stage
        rows.append(
            [
                p.region.code,
                p.region.display_name,
                p.region.parent.name if p.region.parent else "",
                p.cohort_year,
                p.phase.name if p.phase else "",
                stage.number if stage else "",
                stage.name if stage else "",
                p.get_current_status_display() if p.current_status else "",
            ]
        )
    return rows


def respond(fmt: str, name: str, header: Sequence[str], rows: list[list[Any]]) -> HttpResponse:
    if fmt == "xlsx":
        content = table_workbook({"peserta": (header, rows)}, title=name)
        response = HttpResponse(content, content_type=XLSX_TYPE)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(header)
        writer.writerows(safe_row(row) for row in rows)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def summary_workbook(
    name: str, sheets: Mapping[str, tuple[Sequence[str], list[list[Any]]]]
) -> HttpResponse:
    """Every summary table of a dashboard as one XLSX, a sheet per table, with the
    dashboard's two charts (kab/kota per tahapan, per kohort) as native charts."""
    content = table_workbook(sheets, title=name, charts=SUMMARY_CHARTS)
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}-ringkasan.xlsx"'
    return response
