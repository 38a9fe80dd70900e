"""Issue 17: EHRA imports never silently lose, drop or double a household.

Each test feeds a fixture in the real export layout (Kobo "both" with ``/`` groups, ODK
Central CSV with ``-`` and ``meta-instanceID``) that the importer got wrong before.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.ehra.models import Household, ImportRun, ImportStatus
from ppsp.ehra.submissions_file import parse_submissions
from ppsp.ehra.submissions_header import LABELS_EXPORT
from tests.conftest import Cast
from tests.ehra.export_fixtures import (
    UUIDS,
    answer_rows,
    edit,
    kobo_table,
    odk_table,
    to_csv,
    to_xlsx,
)
from tests.ehra.support import ehra_round

pytestmark = pytest.mark.django_db
DESA = "15.07.01.2001"


def _parse(name: str, content: bytes, **kw: Any) -> tuple[list[Any], list[str]]:
    rows, errors = parse_submissions(name, content, definition=EHRA_2021, desa_codes={DESA}, **kw)
    return rows, [str(e) for e in errors]


def _upload(client: Client, pk: int, name: str, content: bytes, capture: Any) -> ImportRun:
    with capture(execute=True):
        response = client.post(
            reverse("ehra:import", kwargs={"pk": pk}), {"file": SimpleUploadedFile(name, content)}
        )
    assert response.status_code == 302
    return ImportRun.objects.latest("pk")


def test_it_rejects_an_unknown_option_in_the_combined_column_of_the_kobo_both_layout() -> None:
    rows = answer_rows([DESA], 3, 1)
    rows[1]["C_4"] = "A Z"  # the split columns only know A..J: C_4/A = 1, nothing for Z
    _, errors = _parse("kobo.csv", to_csv(kobo_table(rows), delimiter=";"))
    assert len(errors) == 1
    assert errors[0].startswith("kobo.csv, baris 3, kolom 'sec_C/C_4': pilihan 'Z' tidak dikenal")


def test_it_refuses_a_file_with_a_renamed_and_a_dropped_question() -> None:
    table = kobo_table(answer_rows([DESA], 10, 2))
    header = table[0]
    header[header.index("sec_G/G_1")] = "sec_G/G_1_sabun"
    drop = header.index("sec_E/E_3_1")
    table = [row[:drop] + row[drop + 1 :] for row in table]
    found, errors = _parse("kobo.csv", to_csv(table))
    assert found == []
    text = " | ".join(errors)
    assert "kolom pertanyaan tidak ada: E_3_1 (E.3.1), G_1 (G.1)" in text
    assert "kolom tidak dikenal: 'sec_G/G_1_sabun'" in text


def test_it_refuses_another_form_version_naming_both() -> None:
    table = kobo_table(answer_rows([DESA], 4, 3))
    for row in table[1:]:
        row[table[0].index("versi_kuesioner")] = "2021.1-00000000"
    _, errors = _parse("kobo.csv", to_csv(table))
    assert len(errors) == 1
    assert "kolom 'versi_kuesioner'" in errors[0]
    assert "versi '2021.1-00000000' (4 baris)" in errors[0]
    assert f"versi '{EHRA_2021.form_version}'" in errors[0]
    odk = odk_table(answer_rows([DESA], 2, 3))
    odk = [row[:4] + row[5:] for row in odk]  # without our field: ODK's FormVersion is read
    for row in odk[1:]:
        row[-1] = "2020.9"
    _, errors = _parse("odk.csv", to_csv(odk))
    assert errors and "kolom 'FormVersion'" in errors[0] and "'2020.9'" in errors[0]
    accepted, errors = _parse("odk.csv", to_csv(odk), accepted_versions={"2020.9"})
    assert errors == [] and len(accepted) == 2  # an older version mapped explicitly


def test_it_treats_uuid_prefixed_and_bare_ids_as_one_instance(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    rows = answer_rows([DESA], 6, 4)
    kobo = _upload(
        client,
        survey.pk,
        "kobo.xlsx",
        to_xlsx(kobo_table(rows)),
        django_capture_on_commit_callbacks,
    )
    assert (kobo.status, kobo.created, kobo.errors) == (ImportStatus.DONE, 6, [])
    odk = _upload(
        client, survey.pk, "odk.csv", to_csv(odk_table(rows)), django_capture_on_commit_callbacks
    )
    assert (odk.status, odk.created, odk.skipped) == (ImportStatus.DONE, 0, 6)
    ids = set(Household.objects.filter(survey=survey).values_list("submission_id", flat=True))
    assert ids == {UUIDS.format(i) for i in range(6)}


def test_it_also_matches_ids_an_older_import_stored_with_the_prefix(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    rows = answer_rows([DESA], 2, 4)
    Household.objects.create(
        survey=survey, submission_id=f"uuid:{UUIDS.format(0)}", desa_id=_desa_pk(), answers={}
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    run = _upload(
        client, survey.pk, "kobo.csv", to_csv(kobo_table(rows)), django_capture_on_commit_callbacks
    )
    assert (run.created, run.skipped) == (1, 1)


def _desa_pk() -> int:
    from ppsp.regions.models import Region

    return Region.objects.get(code=DESA).pk


def test_it_marks_a_household_without_a_required_answer_as_having_issues(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    table = edit(odk_table(answer_rows([DESA], 3, 5)), 2, "sec_D-D_1", "")
    run = _upload(client, survey.pk, "odk.csv", to_csv(table), django_capture_on_commit_callbacks)
    assert (run.status, run.created) == (ImportStatus.DONE, 3)
    blank = Household.objects.get(survey=survey, submission_id=UUIDS.format(1))
    assert blank.state == "bermasalah" and "Wajib diisi tetapi kosong: D.1" in blank.note
    assert Household.objects.filter(survey=survey, state="diterima").count() == 2


def test_it_rejects_tidak_ada_ticked_with_another_option() -> None:
    table = edit(kobo_table(answer_rows([DESA], 2, 6)), 1, "sec_D/D_2", "A H")
    _, errors = _parse("kobo.csv", to_csv(table))
    assert errors == [
        "kobo.csv, baris 2, kolom 'sec_D/D_2': 'Tidak ada' tidak boleh dipilih bersama "
        "jawaban lain."
    ]


def test_it_says_a_labels_export_is_one_and_what_to_download() -> None:
    header = ["start", "end"] + [f"{q.code} {q.label}" for q in EHRA_2021.questions()] + ["_uuid"]
    body = ["x", "y"] + ["Jamban pribadi"] * len(list(EHRA_2021.questions())) + ["95a0"]
    _, errors = _parse("kobo_label.xlsx", to_xlsx([header, body]))
    assert errors == [f"kobo_label.xlsx, baris 1: {LABELS_EXPORT}"]
    assert LABELS_EXPORT == "ini ekspor label; unduh dengan nilai XML (XML values)"


def test_it_names_the_files_own_desa_header() -> None:
    kobo = edit(kobo_table(answer_rows([DESA], 1, 7)), 1, "sec_ID/ID_4", "15.07.99.9999")
    _, errors = _parse("kobo.csv", to_csv(kobo))
    assert errors[0].startswith("kobo.csv, baris 2, kolom 'sec_ID/ID_4': '15.07.99.9999' bukan")
    odk = edit(odk_table(answer_rows([DESA], 1, 7)), 1, "sec_ID-ID_4", "")
    _, errors = _parse("odk.csv", to_csv(odk))
    assert errors == ["odk.csv, baris 2, kolom 'sec_ID-ID_4': kode desa wajib diisi."]


def test_it_stores_native_xlsx_dates_as_dates() -> None:
    table = edit(kobo_table(answer_rows([DESA], 1, 8)), 1, "sec_A/A_1", dt.datetime(2027, 3, 13))
    found, errors = _parse("kobo.xlsx", to_xlsx(table))
    assert errors == [] and found[0].answers["A_1"] == "2027-03-13"
    table = edit(table, 1, "sec_A/A_1", "13/03/2027")
    _, errors = _parse("kobo.xlsx", to_xlsx(table))
    assert "kolom 'sec_A/A_1': '13/03/2027' bukan tanggal" in errors[0]


def test_it_shows_household_answers_with_labels_and_the_round_counts(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    household = Household.objects.create(
        survey=survey,
        submission_id="h1",
        desa_id=_desa_pk(),
        answers={"D_1": 1, "D_2": ["B", "C"], "A_7": 5.0, "B_7": 1250000.5, "C_1": 2.5},
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("ehra:household", kwargs={"pk": household.pk})).content.decode()
    assert "Jamban pribadi" in page and "Perempuan dewasa; Remaja laki-laki" in page
    assert "['B', 'C']" not in page and "5,0" not in page
    assert "<td>5</td>" in page and "1.250.000,50" in page
    page = client.get(reverse("ehra:round", kwargs={"pk": survey.pk})).content.decode()
    assert "diterima: 1</span>" in page and "ditolak: 0</span>" in page
    assert "ada masalah: 0</span>" in page


def test_it_serves_the_rounds_desa_and_kecamatan_lists_for_the_form(cast: Cast) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.cf)
    desa = client.get(reverse("ehra:desa_csv", kwargs={"pk": survey.pk})).content.decode()
    lines = desa.splitlines()
    assert lines[0] == "name,label,kecamatan"
    assert any(line.startswith(f"{DESA},") and line.endswith(",15.07.01") for line in lines)
    assert all(line.split(",")[0].startswith("15.07.") for line in lines[1:])
    kecamatan = client.get(reverse("ehra:kecamatan_csv", kwargs={"pk": survey.pk}))
    assert kecamatan.content.decode().splitlines()[0] == "name,label"
    assert "15.07.01," in kecamatan.content.decode()


def test_it_shows_household_answers_in_english_when_chosen(cast: Cast) -> None:
    survey = ehra_round("15.07")
    household = Household.objects.create(
        survey=survey, submission_id="h2", desa_id=_desa_pk(), answers={"D_1": 1, "D_2": ["B"]}
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("ehra:household", kwargs={"pk": household.pk})).content.decode()
    assert "D.1 Where adult household members defecate" in page
    assert "Own toilet" in page and "Adult women" in page and "Jamban pribadi" not in page


def test_it_applies_the_form_bounds_to_answer_corrections(cast: Cast) -> None:
    from django.core.exceptions import ValidationError

    from ppsp.ehra.services.edit import household_answers_edit

    household = Household.objects.create(
        survey=ehra_round("15.07"), submission_id="h3", desa_id=_desa_pk(), answers={"B_1": 40.0}
    )
    with pytest.raises(ValidationError, match=r"B\.1: Isi angka antara 15 dan 110\."):
        household_answers_edit(household=household, values={"B_1": "7"}, reason="x", by=cast.cf)
    assert household_answers_edit(household=household, values={"B_1": "41"}, reason="x", by=cast.cf)
