"""Participant list import: pure parsing, preview, atomic commit, idempotent re-import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook

from ppsp.audit.models import AuditEvent
from ppsp.programme.models import Participation, StageRecord, StageStatus
from ppsp.programme.participants_file import parse_participants, stage_lookup
from tests.conftest import Cast

CODES = {"15.07", "15.71", "75.01"}
STAGES = stage_lookup(
    [
        (1, "sosialisasi", "Sosialisasi, Advokasi dan Kampanye"),
        (3, "bps-ssk", "Penyusunan BPS dan SSK"),
        (4, "mps", "Penyusunan MPS"),
    ]
)


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_it_parses_a_good_csv() -> None:
    content = b"kode_kabkota,tahun_kohort,tahapan\n15.07,2013,4\n1571,2012,Penyusunan MPS\n"
    rows, errors = parse_participants("peserta.csv", content, kabkota_codes=CODES, stages=STAGES)
    assert errors == []
    assert [(r.row, r.code, r.cohort_year, r.stage_number) for r in rows] == [
        (2, "15.07", 2013, 4),
        (3, "15.71", 2012, 4),
    ]


def test_it_parses_semicolons_and_a_bom() -> None:
    content = "\ufeffKode_Kabkota;Tahun_Kohort;Tahapan\n15.07;2013;mps\n".encode()
    rows, errors = parse_participants("p.csv", content, kabkota_codes=CODES, stages=STAGES)
    assert not errors and rows[0].stage_number == 4


def test_it_parses_xlsx_with_numbers_as_floats() -> None:
    content = xlsx(
        [["kode_kabkota", "tahun_kohort", "tahapan"], ["15.07", 2013.0, 3], [None, None, None]]
    )
    rows, errors = parse_participants("peserta.xlsx", content, kabkota_codes=CODES, stages=STAGES)
    assert not errors and rows[0].cohort_year == 2013 and rows[0].stage_number == 3


def test_it_names_each_bad_row_and_column_in_indonesian() -> None:
    content = xlsx(
        [
            ["kode_kabkota", "tahun_kohort", "tahapan"],
            ["15.07", 2013, 4],
            ["99.99", 2013, 4],
            ["15.71", "dua ribu", 4],
            ["75.01", 2014, 9],
            ["15.07", 2015, 1],
        ]
    )
    rows, errors = parse_participants("peserta.xlsx", content, kabkota_codes=CODES, stages=STAGES)
    messages = [str(e) for e in errors]
    assert messages == [
        "peserta.xlsx, baris 3, kolom 'kode_kabkota': "
        "'99.99' bukan kode kabupaten/kota yang dikenal.",
        "peserta.xlsx, baris 4, kolom 'tahun_kohort': harus tahun 2000–2100, bukan 'dua ribu'.",
        "peserta.xlsx, baris 5, kolom 'tahapan': "
        "'9' bukan tahapan PPSP (isi nomor 1–6 atau nama tahapan).",
        "peserta.xlsx, baris 6, kolom 'kode_kabkota': 15.07 sudah ada di baris 2.",
    ]
    assert len(rows) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "x.csv",
            b"kode,tahun\n15.07,2013\n",
            "kolom wajib tidak ada: 'kode_kabkota', 'tahun_kohort', 'tahapan'.",
        ),
        ("x.csv", b"", "berkas kosong"),
        ("x.xlsx", b"not a zip", "isi berkas adalah CSV tetapi nama berkas berakhiran"),
        ("x.ods", b"", "berkas kosong"),
        ("x.xlsx", b"PK\x03\x04 broken", "berkas rusak"),
    ],
)
def test_it_reports_unreadable_files(name: str, content: bytes, message: str) -> None:
    rows, errors = parse_participants(name, content, kabkota_codes=CODES, stages=STAGES)
    assert rows == [] and message in str(errors[0])


GOOD = b"kode_kabkota,tahun_kohort,tahapan\n15.07,2013,4\n15.71,2012,5\n75.01,2014,3\n"
BAD = b"kode_kabkota,tahun_kohort,tahapan\n15.07,2013,4\n15.71,abc,5\n75.01,2014,3\n"


def _upload(client: Client, name: str, content: bytes) -> str:
    response = client.post(
        "/program/impor/", {"file": SimpleUploadedFile(name, content)}, follow=True
    )  # a background job reads the file, then the preview is shown
    assert response.status_code == 200
    return response.content.decode()


def test_it_previews_without_saving_then_commits_everything(cast: Cast, client: Client) -> None:
    client.force_login(cast.pmu)
    page = _upload(client, "peserta.csv", GOOD)
    assert "3 baris siap disimpan" in page and "Tanjung Jabung Timur" in page
    assert not Participation.objects.exists()
    response = client.post("/program/impor/simpan/", follow=True)
    assert "3 baru" in response.content.decode()
    assert Participation.objects.count() == 3
    tanjabtim = Participation.objects.get(region__code="15.07")
    assert (tanjabtim.cohort_year, tanjabtim.phase.name, tanjabtim.current_stage.number) == (
        2013,
        "PPSP 1",
        4,
    )
    assert tanjabtim.current_status == StageStatus.BERJALAN
    assert AuditEvent.objects.filter(object_type="programme.participation").count() == 3


def test_it_saves_nothing_when_any_row_is_bad(cast: Cast, client: Client) -> None:
    client.force_login(cast.pmu)
    page = _upload(client, "peserta.csv", BAD)
    assert "peserta.csv, baris 3, kolom &#x27;tahun_kohort&#x27;" in page
    assert "import-commit" not in page
    response = client.post("/program/impor/simpan/", follow=True)
    assert "Tidak ada data yang disimpan" in response.content.decode()
    assert not Participation.objects.exists() and not StageRecord.objects.exists()


def test_it_reimports_the_same_file_without_changes(cast: Cast, client: Client) -> None:
    client.force_login(cast.pmu)
    for _ in range(2):
        _upload(client, "peserta.csv", GOOD)
        response = client.post("/program/impor/simpan/", follow=True)
    assert "0 baru, 0 diubah, 3 tetap, 0 catatan tahapan baru" in response.content.decode()
    assert Participation.objects.count() == 3 and StageRecord.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="programme.participation").count() == 3


def test_it_updates_a_changed_cohort_on_reimport(cast: Cast, client: Client) -> None:
    client.force_login(cast.pmu)
    _upload(client, "peserta.csv", GOOD)
    client.post("/program/impor/simpan/")
    _upload(
        client,
        "peserta.xlsx",
        xlsx([["kode_kabkota", "tahun_kohort", "tahapan"], ["15.07", 2015, 4]]),
    )
    response = client.post("/program/impor/simpan/", follow=True)
    assert "0 baru, 1 diubah" in response.content.decode()
    participation = Participation.objects.get(region__code="15.07")
    assert participation.cohort_year == 2015 and participation.phase.name == "PPSP 2"


def test_it_refuses_the_import_to_other_roles(cast: Cast, client: Client) -> None:
    client.force_login(cast.pokja_kabkota)
    response = client.post("/program/impor/", {"file": SimpleUploadedFile("p.csv", GOOD)})
    assert response.status_code == 404
    assert client.post("/program/impor/simpan/").status_code == 404
