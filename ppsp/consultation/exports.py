"""The tanggapan matrix as XLSX (openpyxl): one row per accepted comment with its answer.

Only public facts: no contact, no fingerprint; anonymous commenters stay anonymous.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ppsp.consultation.models import Comment, Consultation
from ppsp.consultation.selectors import SectionChanges
from ppsp.core.safe_cells import safe_row
from ppsp.core.xlsx import finish_table

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADER = (
    "No",
    "Paragraf",
    "Bab/bagian",
    "Sumber",
    "Dari",
    "Tanggal",
    "Masukan",
    "Keputusan",
    "Tanggapan Pokja",
    "Bagian yang diubah",
    "Bab/bagian dirujuk",
    "Halaman",
    "Diakomodasi",
    "Bab/bagian diubah",
)
# Columns 0..9 keep their places: docgen's tanggapan table reads them by position.
WIDTHS = (5, 9, 24, 16, 28, 12, 60, 16, 60, 24, 28, 9, 12, 28)
BY_SECTION_HEADER = ("Bab/bagian", "Judul", "No komentar", "Masukan", "Dari", "Tanggapan Pokja")
BY_SECTION_WIDTHS = (10, 36, 12, 60, 28, 60)


def matrix_rows(comments: Iterable[Comment]) -> list[list[Any]]:
    rows = []
    for i, c in enumerate(comments, start=1):
        response = getattr(c, "response", None)
        rows.append(
            [
                i,
                c.paragraph.number if c.paragraph else "umum",
                c.paragraph.heading if c.paragraph else "",
                c.meeting.title if c.meeting else c.get_source_display(),
                c.author,
                c.created_at.date().isoformat(),
                c.body,
                response.get_decision_display() if response else "belum ditanggapi",
                response.reason if response else "",
                response.section_changed if response else "",
                c.section_title or c.section,
                c.page if c.page else "",
                ("ya" if response.accommodated else "tidak") if response else "",
                response.changed_section_title if response and response.accommodated else "",
            ]
        )
    return rows


def _by_section_sheet(
    book: Workbook, by_section: Sequence[SectionChanges], numbers: dict[int, int]
) -> None:
    """Second sheet: per section changed, the accommodated comments (the final's list)."""
    sheet = book.create_sheet("Perubahan per bagian")
    sheet.append(["Masukan yang diakomodasi, per bab/bagian dokumen final"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(list(BY_SECTION_HEADER))
    for group in by_section:
        for c in group.comments:
            sheet.append(
                safe_row(
                    [
                        group.number,
                        group.heading,
                        numbers.get(c.pk, ""),
                        c.body,
                        c.author,
                        c.response.reason,
                    ]
                )
            )
    finish_table(
        sheet,
        header_row=3,
        widths={get_column_letter(i): w for i, w in enumerate(BY_SECTION_WIDTHS, start=1)},
        wrap_columns=frozenset({"B", "D", "E", "F"}),
    )


def matrix_xlsx(
    consultation: Consultation,
    comments: Iterable[Comment],
    by_section: Sequence[SectionChanges] = (),
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Matriks tanggapan"
    version = consultation.version
    sheet.append(safe_row([f"Matriks tanggapan konsultasi publik: {consultation.title}"]))
    sheet.append(
        [
            f"{version.document} versi {version.number}; masa konsultasi "
            f"{consultation.opens_on:%d-%m-%Y} s.d. {consultation.closes_on:%d-%m-%Y}"
        ]
    )
    sheet.append([])
    sheet.append(list(HEADER))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    comments = list(comments)
    numbers = {c.pk: i for i, c in enumerate(comments, start=1)}
    for row in matrix_rows(comments):
        sheet.append(safe_row(row))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    finish_table(
        sheet,
        header_row=4,
        widths={get_column_letter(i): w for i, w in enumerate(WIDTHS, start=1)},
        wrap_columns=frozenset({"C", "E", "G", "I", "J", "K", "N"}),
    )
    _by_section_sheet(book, by_section, numbers)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
