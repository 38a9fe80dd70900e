"""EHRA questionnaire download and submissions import (issue 5 §3–§4)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from pyxform.xls2xform import convert

from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.ehra.models import Household, ImportRun, ImportStatus
from ppsp.ehra.submissions_file import parse_submissions, template_csv
from tests.conftest import Cast
from tests.ehra.export_fixtures import UUIDS, answer_rows, kobo_table, odk_table, to_csv, to_xlsx
from tests.ehra.support import desa_of, ehra_round, export_csv

pytestmark = pytest.mark.django_db


def _upload(client: Client, survey_pk: int, name: str, content: bytes, capture: Any) -> ImportRun:
    from django.core.files.uploadedfile import SimpleUploadedFile

    with capture(execute=True):
        response = client.post(
            reverse("ehra:import", kwargs={"pk": survey_pk}),
            {"file": SimpleUploadedFile(name, content)},
        )
    assert response.status_code == 302
    return ImportRun.objects.latest("pk")


def _break(content: bytes, edits: dict[int, tuple[str, str]]) -> bytes:
    rows = list(csv.reader(io.StringIO(content.decode())))
    header = rows[0]
    for index, (column, value) in edits.items():
        rows[index][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_it_serves_the_xlsform_that_passes_pyxform(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    response = client.get(reverse("ehra:questionnaire"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    warnings: list[str] = []
    result = convert(xlsform=response.content, warnings=warnings)
    assert "ehra_2021" in result.xform and warnings == []


def test_it_imports_a_kobo_export_and_is_idempotent(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    content = export_csv(desa_of("15.07", 3), per_desa=4)
    run = _upload(client, survey.pk, "kobo.csv", content, django_capture_on_commit_callbacks)
    assert (run.status, run.created, run.skipped, run.errors) == (ImportStatus.DONE, 12, 0, [])
    again = _upload(client, survey.pk, "kobo.csv", content, django_capture_on_commit_callbacks)
    assert (again.status, again.created, again.skipped) == (ImportStatus.DONE, 0, 12)
    assert Household.objects.filter(survey=survey).count() == 12
    first = Household.objects.filter(survey=survey).order_by("submission_id").first()
    assert first is not None and first.state == "diterima" and "D_1" in first.answers


def test_it_imports_nothing_and_reports_all_five_malformed_rows(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    content = _break(
        export_csv(desa_of("15.07", 2), per_desa=5),
        {
            2: ("sec_D/D_1", "9"),
            4: ("sec_ID/ID_4", "99.99.99.9999"),
            5: ("sec_B/B_1", "tiga puluh"),
            7: ("meta/instanceID", ""),
            9: ("sec_C/C_4", "A Z"),
        },
    )
    run = _upload(client, survey.pk, "rusak.csv", content, django_capture_on_commit_callbacks)
    assert run.status == ImportStatus.FAILED
    assert Household.objects.filter(survey=survey).count() == 0
    assert len(run.errors) == 5
    assert run.errors[0].startswith("rusak.csv, baris 3, kolom 'sec_D/D_1': '9' bukan kode")
    assert {e.split(",")[1].strip() for e in run.errors} == {
        "baris 3",
        "baris 5",
        "baris 6",
        "baris 8",
        "baris 10",
    }
    page = client.get(reverse("ehra:import_run", kwargs={"pk": run.pk})).content.decode()
    assert "tidak ada data yang disimpan" in page and "baris 10" in page


def _template(rows: list[dict[str, str]]) -> bytes:
    header = template_csv(EHRA_2021).strip().split(",")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return out.getvalue().encode()


def test_it_reads_kobo_xlsx_with_split_multiselect_columns(regions: None) -> None:
    rows = answer_rows(["15.07.01.2001"], 2, 3)
    rows[0]["C_4"], rows[1]["C_4"], rows[1]["D_1"] = "A", "E", "4"
    table = kobo_table(rows)
    keep = [i for i, h in enumerate(table[0]) if h not in ("sec_C/C_4",)]  # "details" layout
    details = [[r[i] for i in keep] for r in table]
    rows_read, errors = parse_submissions(
        "kobo.xlsx", to_xlsx(details), definition=EHRA_2021, desa_codes={"15.07.01.2001"}
    )
    assert errors == []
    assert [r.submission_id for r in rows_read] == [UUIDS.format(0), UUIDS.format(1)]
    assert rows_read[0].answers["C_4"] == ["A"] and rows_read[1].answers["C_4"] == ["E"]
    assert rows_read[1].answers["D_1"] == 4


def test_it_reads_the_plain_template_and_odk_central_headers() -> None:
    header = template_csv(EHRA_2021).strip().split(",")
    assert header[0] == "id_kiriman" and "D_3" in header
    rows = answer_rows(["15.07.01.2001"], 1, 5)
    rows[0].update(D_1="2", C_4="A D")
    rows_read, errors = parse_submissions(
        "odk.csv", to_csv(odk_table(rows)), definition=EHRA_2021, desa_codes={"15.07.01.2001"}
    )
    assert errors == []
    answers = rows_read[0].answers
    assert (answers["ID_4"], answers["D_1"], answers["C_4"]) == ("15.07.01.2001", 2, ["A", "D"])


def test_it_reports_missing_required_columns() -> None:
    rows, errors = parse_submissions("x.csv", b"D_1\n1\n", definition=EHRA_2021, desa_codes=set())
    assert rows == [] and "kolom ID kiriman tidak ada" in str(errors[0])
    assert "kolom pertanyaan tidak ada: ID_1 (ID.1)" in str(errors[1])


def test_it_marks_records_answering_skipped_questions_as_having_issues(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    rows = answer_rows(["15.07.01.2001"], 2, 9)
    base = {k: v for k, v in rows[0].items() if not k.startswith(("D_",))}
    # a1: septic tank, D.8 asked; a2: cubluk, D.8 should have been skipped
    first = {**base, "id_kiriman": "a1", "D_1": "1", "D_2": "H", "D_3": "2", "D_8": "1"}
    first.update(D_5="1", D_6="1", D_7="1", D_10="1", D_11="1", D_12="5")
    second = {**first, "id_kiriman": "a2", "D_3": "4", "D_10": "", "D_11": "", "D_12": ""}
    run = _upload(
        client, survey.pk, "templat.csv", _template([first, second]),
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    assert (run.status, run.created, run.errors) == (ImportStatus.DONE, 2, [])
    states = dict(Household.objects.filter(survey=survey).values_list("submission_id", "state"))
    assert states == {"a1": "diterima", "a2": "bermasalah"}
    flagged = Household.objects.get(survey=survey, submission_id="a2")
    assert flagged.note.endswith("D.8")
