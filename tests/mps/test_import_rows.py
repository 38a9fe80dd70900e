"""Lampiran 4 import: rows without an id become new rows (preview, atomic, row report),
and the readiness columns (DED, lahan, kelembagaan) travel through the workbook."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.mps.models import Plan, ProgrammeRow
from ppsp.mps.workbook import HEADERS, read_workbook
from tests.conftest import Cast
from tests.mps.support import JUTA, plan_in

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _export(client: Client, plan: Plan) -> bytes:
    response = client.get(reverse("mps:export", kwargs={"pk": plan.pk}))
    assert response.status_code == 200
    return response.content


def _edited(
    content: bytes,
    edits: list[tuple[str, int, str, object]],
    new_rows: list[tuple[str, dict[str, object]]] = (),  # type: ignore[assignment]
) -> bytes:
    workbook = load_workbook(io.BytesIO(content))
    for sheet, row_id, column, value in edits:
        ws = workbook[sheet]
        (line,) = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == row_id]
        ws.cell(line, HEADERS.index(column) + 1).value = value
    for sheet, cells in new_rows:
        workbook[sheet].append([cells.get(h, "") for h in HEADERS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


NEW_ROW: dict[str, object] = {
    "subsektor": "air_limbah",
    "kode_program": "1.03.05",
    "program": "Program Pengelolaan dan Pengembangan Sistem Air Limbah",
    "kegiatan": "IPAL komunal Zona 3",
    "kategori": "konstruksi",
    "sidlacom": "C",
    "zona": "Zona 3",
    "volume": 1,
    "satuan": "unit",
    "tahun_2": 100 * JUTA,
    "opd": "Dinas PUPR",
    "prioritas": 4,
    "ded": "ya",
}


def test_it_adds_a_row_without_an_id_after_the_preview(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    # 100 juta of year 2 moves from Zona 1 to a new Zona 3 row: Tabel 5.1 still holds
    edited = _edited(
        _export(client, plan),
        [("APBD K", ipal.pk, "tahun_2", 300 * JUTA)],
        [("APBD K", NEW_ROW)],
    )
    count = plan.rows.count()
    preview = client.post(
        reverse("mps:import", kwargs={"pk": plan.pk}),
        {"file": SimpleUploadedFile("l4.xlsx", edited)},
        follow=True,  # the file is read by a background job, then the preview shown
    )
    assert preview.status_code == 200
    assert not preview.context["errors"]
    (addition,) = preview.context["additions"]
    assert (addition.sheet, addition.label, addition.total) == (
        "APBD K",
        "IPAL komunal Zona 3",
        100 * JUTA,
    )
    assert 'data-testid="import-additions"' in preview.content.decode()
    assert plan.rows.count() == count  # the preview saves nothing
    response = client.post(reverse("mps:import_commit", kwargs={"pk": plan.pk}), follow=True)
    assert "1 baris ditambahkan" in response.content.decode()
    new = plan.rows.get(kegiatan="IPAL komunal Zona 3")
    assert (new.source, new.status, new.amount_2, new.ready_ded) == (
        "apbd_kabkota",
        "prioritas",
        100 * JUTA,
        True,
    )
    created = AuditEvent.objects.get(object_type="mps.programmerow", object_id=str(new.pk))
    assert created.action == "create" and created.reason == "impor l4.xlsx"


def test_it_reports_a_bad_new_row_by_sheet_row_and_column_and_saves_nothing(
    cast: Cast,
) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    ipal = plan.rows.get(kegiatan="IPAL komunal Zona 1")
    bad = {**NEW_ROW, "kategori": "pemicuan_sosialisasi", "sidlacom": "Q"}
    edited = _edited(
        _export(client, plan),
        [("APBD K", ipal.pk, "opd", "Dinas Perkim")],
        [("DAK", bad)],
    )
    diff = read_workbook("l4.xlsx", edited, plan, list(plan.rows.all()))
    assert diff.additions == []
    messages = [str(e) for e in diff.errors]
    assert messages == [
        "l4.xlsx, lembar 'DAK', baris 2, kolom 'sidlacom': 'Q' bukan pilihan yang sah "
        "(C, D, I, L, M, O, S)."
    ]
    client.post(
        reverse("mps:import", kwargs={"pk": plan.pk}),
        {"file": SimpleUploadedFile("l4.xlsx", edited)},
    )
    response = client.post(reverse("mps:import_commit", kwargs={"pk": plan.pk}), follow=True)
    assert "Tidak ada data yang disimpan" in response.content.decode()
    assert ProgrammeRow.objects.get(pk=ipal.pk).opd == ""
    assert not plan.rows.filter(kegiatan="IPAL komunal Zona 3").exists()
    # with a valid SIDLACOM stage the tupoksi matrix refuses DAK for pemicuan
    bad["sidlacom"] = "S"
    diff = read_workbook(
        "l4.xlsx", _edited(_export(client, plan), [], [("DAK", bad)]), plan, list(plan.rows.all())
    )
    (error,) = diff.errors
    assert "lembar 'DAK', baris 2, kolom 'sumber'" in str(error) and "tupoksi" in str(error)


def test_it_exports_and_imports_the_readiness_columns(cast: Cast) -> None:
    plan = plan_in("15.07")
    client = _client(cast.pokja_kabkota)
    tps = plan.rows.get(kegiatan="TPS3R Zona 2")
    content = _export(client, plan)
    sheet = load_workbook(io.BytesIO(content))["APBN"]
    header = [c.value for c in sheet[1]]
    assert header[-3:] == ["ded", "lahan", "kelembagaan"]
    assert [c.value for c in sheet[2]][-3:] == ["tidak", "tidak", "tidak"]
    edited = _edited(content, [("APBN", tps.pk, "lahan", "ya"), ("APBN", tps.pk, "ded", "mungkin")])
    diff = read_workbook("l4.xlsx", edited, plan, list(plan.rows.all()))
    (error,) = diff.errors
    assert "kolom 'ded'" in str(error) and "'ya' atau 'tidak'" in str(error)
    edited = _edited(content, [("APBN", tps.pk, "lahan", "ya")])
    diff = read_workbook("l4.xlsx", edited, plan, list(plan.rows.all()))
    assert [(c.column, c.old, c.new) for c in diff.changes] == [("lahan", False, True)]
