"""Every XLSX export in the house style of `ppsp.core.xlsx` (issue 19, exports).

Every URL of the permission matrix whose name says it exports is fetched as the PMU for the
own kab/kota (the matrix builders make the data); each XLSX answer is opened with openpyxl
and each sheet checked: styled, frozen header; print set-up (A4, one page wide, repeated
header); numbers formatted; and code-list values written as labels, not codes.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.mps.codes import Kategori, Source, Subsector
from tests.conftest import Cast
from tests.matrix_support import TARGETS
from tests.test_permission_matrix import EXPECTATIONS

ARTIFACTS = Path("test-artifacts/xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CODES = {*Subsector.values, *Source.values, *Kategori.values} - {"apbn", "dak", "csr"}
# every URL that answers with an XLSX file, with the `fmt` it needs (None: none)
EXPORTS = {
    ("consultation:public_matrix", None),
    ("consultation:tanggapan_xlsx", None),
    ("ehra:sampling_xlsx", None),
    ("exchange:download", "xlsx"),
    ("finance:belanja_xlsx", None),
    ("mps:export", None),
    ("mps:table_export", None),
    ("profiles:export", None),
    ("profiles:kemajuan_export", None),
    ("programme:national_export", "xlsx"),
    ("programme:national_export", "ringkasan.xlsx"),
    ("programme:province_export", "xlsx"),
    ("programme:province_export", "ringkasan.xlsx"),
    ("scenarios:table_xlsx", None),
}
# a form page; CSV; map images (PNG/PDF)
NOT_XLSX = {"exchange:export", "regions:export_children", "maps:national_export",
            "maps:province_export"}  # fmt: skip


def test_it_draws_the_dashboard_charts_in_the_summary_workbook(cast: Cast) -> None:
    from tests.programme.support import participation_in

    participation_in("15.07")
    book = load_workbook(io.BytesIO(_xlsx_of(cast, "programme:national_export", "ringkasan.xlsx")))
    assert len(book["tahapan"]._charts) == 1 and len(book["kohort"]._charts) == 1
    assert len(book["pemicu"]._charts) == 0


def test_it_knows_every_export_url() -> None:
    named = {n for n in EXPECTATIONS if any(w in n for w in ("xlsx", "export", "matrix"))}
    named |= {"exchange:download"}
    assert named == {name for name, _fmt in EXPORTS} | NOT_XLSX


def _xlsx_of(cast: Cast, name: str, fmt: str | None) -> bytes:
    make_kwargs, _expect = EXPECTATIONS[name]
    client = Client()
    client.force_login(cast.pmu)
    kwargs = make_kwargs(TARGETS["own"])
    if fmt:
        kwargs["fmt"] = fmt
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, name
    assert response["Content-Type"].startswith(XLSX), name
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("name,fmt", sorted(EXPORTS, key=str))
def test_it_writes_every_xlsx_export_in_the_house_style(
    cast: Cast, name: str, fmt: str | None
) -> None:
    content = _xlsx_of(cast, name, fmt)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)  # to open in Excel/LibreOffice by hand
    (ARTIFACTS / f"{name.replace(':', '-')}-{fmt or 'xlsx'}.xlsx").write_bytes(content)
    book = load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        where = f"{name} / {sheet.title}"
        assert sheet.freeze_panes, where
        assert sheet.print_title_rows, where
        assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4, where
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        header_row = int(sheet.print_title_rows.split(":")[0].strip("$"))
        header = [c for c in sheet[header_row] if c.value not in (None, "")]
        assert header and all(c.font.b for c in header), where
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                if isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    assert cell.number_format != "General", f"{where} {cell.coordinate}"
                if isinstance(cell.value, str):
                    assert cell.value not in CODES, f"{where} {cell.coordinate}: {cell.value}"
