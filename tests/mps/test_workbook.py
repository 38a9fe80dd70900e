"""Lampiran 4 XLSX round trip: export, edit three cells with openpyxl, preview, commit."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.mps.codes import SHEET_OF_SOURCE
from ppsp.mps.models import Plan, ProgrammeRow
from ppsp.mps.workbook import HEADERS, diff_workbook
from tests.conftest import Cast
from tests.mps.support import JUTA, plan_in

pytestmark = pytest.mark.django_db


def _export(client: Client, plan: Plan) -> bytes:
    response = client.get(reverse("mps:export", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    return response.content


def _edit(content: bytes, edits: list[tuple[str, int, str, object]]) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    for sheet, row_id, column, value in edits:
        ws = workbook[sheet]
        col = HEADERS.index(column) + 1
        (line,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == row_id]
        ws.cell(line, col).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_exports_a_sheet_per_source_and_a_rekapitulasi(cast: Cast) -> None:
    plan = plan_in("15.07")
    workbook = load_workbook(io.BytesIO(_export(_client(cast.pf), plan)))
    assert workbook.sheetnames == [*SHEET_OF_SOURCE.values(), "Rekapitulasi"]
    assert workbook["APBN"].max_row == 2  # header + the TPS3R row
    recap = {
        (r[0], r[1]): r for r in workbook["Rekapitulasi"].iter_rows(min_row=2, values_only=True)
    }
    line = recap[("Air limbah domestik", "APBD Kabupaten/Kota")]
    assert sum(line[2:7]) == 950 * JUTA
    assert str(line[7]).startswith("=SUM(C") and recap[("Jumlah", None)][2].startswith("=SUM(")
    texts = {
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(min_row=2, values_only=True)
        for value in row
        if isinstance(value, str)
    }
    assert not texts & {"air_limbah", "apbd_kabkota", "prioritas", "konstruksi"}  # labels


def test_it_round_trips_three_changed_cells_into_preview_and_audit(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    edited = _edit(
        _export(client, plan),
        [
            ("APBD K", ipal.pk, "tahun_1", 200 * JUTA),  # 100 juta moved from year 1 ...
            ("APBD K", ipal.pk, "tahun_3", 100 * JUTA),  # ... to year 3: subsector sum unchanged
            ("APBD K", ipal.pk, "opd", "Dinas Perkim"),
        ],
    )
    upload = SimpleUploadedFile("lampiran4.xlsx", edited)
    preview = client.post(
        reverse("mps:import", kwargs={"pk": plan.pk}), {"file": upload}, follow=True
    )
    assert preview.status_code == 200
    changes = preview.context["changes"]
    assert not preview.context["errors"]
    assert [(c.column, c.old, c.new) for c in changes] == [
        ("tahun_1", 300 * JUTA, 200 * JUTA),
        ("tahun_3", 0, 100 * JUTA),
        ("opd", "", "Dinas Perkim"),
    ]
    ipal.refresh_from_db()
    assert ipal.amount_1 == 300 * JUTA  # nothing saved by the preview
    response = client.post(reverse("mps:import_commit", kwargs={"pk": plan.pk}))
    assert response.status_code == 302
    ipal.refresh_from_db()
    assert (ipal.amount_1, ipal.amount_3, ipal.opd) == (200 * JUTA, 100 * JUTA, "Dinas Perkim")
    events = AuditEvent.objects.filter(object_type="mps.programmerow")
    assert [(c["field"], c["new"]) for e in events for c in e.changes] == [
        ("amount_1", 200 * JUTA),
        ("amount_3", 100 * JUTA),
        ("opd", "Dinas Perkim"),
    ]
    assert events.get().reason == "impor lampiran4.xlsx"


def _as_a_spreadsheet_program_saves_it(content: bytes) -> bytes:
    """Re-save as LibreOffice/Excel do: every number a double, empty text cells dropped."""
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, int) and not isinstance(cell.value, bool):
                    cell.value = float(cell.value)
                elif cell.value == "":
                    cell.value = None
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_it_sees_exactly_three_changes_in_a_file_a_spreadsheet_program_saved(
    cast: Cast,
) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    tps = plan.rows.get(kegiatan="TPS3R Zona 2")
    edited = _as_a_spreadsheet_program_saves_it(
        _edit(
            _export(client, plan),
            [
                ("APBN", tps.pk, "opd", "Satker PPW Jambi"),
                ("APBN", tps.pk, "volume", 2.5),
                ("APBN", tps.pk, "prioritas", 7.0),
            ],
        )
    )
    upload = SimpleUploadedFile("lampiran4-libreoffice.xlsx", edited)
    preview = client.post(
        reverse("mps:import", kwargs={"pk": plan.pk}), {"file": upload}, follow=True
    )
    assert not preview.context["errors"]
    assert [(c.column, c.new) for c in preview.context["changes"]] == [
        ("volume", Decimal("2.50")),
        ("opd", "Satker PPW Jambi"),
        ("prioritas", 7),
    ]
    client.post(reverse("mps:import_commit", kwargs={"pk": plan.pk}))
    (event,) = AuditEvent.objects.filter(object_type="mps.programmerow")
    assert [c["field"] for c in event.changes] == ["volume", "opd", "priority"]


def test_it_reports_two_sources_and_a_broken_tabel51_in_indonesian(cast: Cast) -> None:
    plan = plan_in("15.07")
    rows = list(plan.rows.all())
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    content = _export(_client(cast.pmu), plan)
    _changes, errors = diff_workbook(
        "l4.xlsx",
        _edit(content, [("APBD K", ipal.pk, "sumber", "apbd_kabkota, apbn")]),
        plan,
        rows,
    )
    (error,) = errors
    assert str(error).startswith("l4.xlsx, lembar 'APBD K', baris ")
    assert "kolom 'sumber'" in str(error) and "tepat satu sumber" in str(error)
    _changes, errors = diff_workbook(
        "l4.xlsx", _edit(content, [("APBD K", ipal.pk, "tahun_5", 5 * JUTA)]), plan, rows
    )
    (error,) = errors
    assert "Rekapitulasi" in str(error) and "Tabel 5.1" in str(error)
    assert "selisih +5 juta" in str(error)


def test_it_keeps_the_database_unchanged_when_the_file_has_errors(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    edited = _edit(
        _export(client, plan),
        [
            ("APBD K", ipal.pk, "opd", "Dinas PUPR"),
            ("APBD K", ipal.pk, "kategori", "bukan-kategori"),
        ],
    )
    client.post(
        reverse("mps:import", kwargs={"pk": plan.pk}),
        {"file": SimpleUploadedFile("x.xlsx", edited)},
    )
    response = client.post(reverse("mps:import_commit", kwargs={"pk": plan.pk}), follow=True)
    assert "Tidak ada data yang disimpan" in response.content.decode()
    assert ProgrammeRow.objects.get(pk=ipal.pk).opd == ""
