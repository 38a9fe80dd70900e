"""Issue 17: pulling submissions from KoboToolbox (API v2) and ODK Central (OData).

Stub servers run on loopback (standard library ``http.server`` in a thread); no outside
network. The pulled records go through the same checks as a file import.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from ppsp.compute.questionnaire import question_name
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.compute.questionnaire_xlsform import VERSION_FIELD
from ppsp.ehra.models import Household, ImportRun, ImportStatus
from ppsp.ehra.submissions_pull import PullError, PullSource, pull_records
from tests.conftest import Cast
from tests.ehra.export_fixtures import UUIDS, answer_rows
from tests.ehra.support import ehra_round

pytestmark = pytest.mark.django_db
DESA = "15.07.01.2001"
TOKEN = "rahasia-token-123"


def _group(name: str) -> str:
    return next(
        s.code for s in EHRA_2021.sections for q in s.questions if question_name(q.code) == name
    )


def kobo_records(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Kobo API v2 ``data`` results: ``/`` paths, unanswered fields left out."""
    out = []
    for i, row in enumerate(rows):
        record: dict[str, Any] = {"_id": 1000 + i, "_uuid": UUIDS.format(i)}
        record |= {"start": "2027-03-13T09:30:00", VERSION_FIELD: EHRA_2021.form_version}
        record |= {"meta/instanceID": f"uuid:{UUIDS.format(i)}", "_attachments": []}
        record |= {"__version__": "vQpWZ8", "_geolocation": [None, None], "_tags": []}
        for name, value in row.items():
            if value:
                record[f"sec_{_group(name)}/{name}"] = value
        out.append(record)
    return out


def odata_records(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """ODK Central OData ``Submissions``: groups nested, ``__id``, ``meta.instanceID``."""
    out = []
    for i, row in enumerate(rows):
        ident = f"uuid:{UUIDS.format(i)}"
        record: dict[str, Any] = {"__id": ident, "meta": {"instanceID": ident}}
        record["__system"] = {"submissionDate": "2027-03-13", "formVersion": EHRA_2021.form_version}
        record[VERSION_FIELD] = EHRA_2021.form_version
        for item in EHRA_2021.questions():
            name = question_name(item.code)
            group = record.setdefault(f"sec_{_group(name)}", {})
            group[name] = row.get(name) or None  # Central sends null for unanswered
        out.append(record)
    return out


class Stub:
    """A loopback HTTP server answering GETs from ``pages`` (path+query → JSON)."""

    def __init__(self) -> None:
        self.pages: dict[str, Any] = {}
        self.auth: list[str] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                stub.auth.append(self.headers.get("Authorization", ""))
                body = stub.pages.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                if self.headers.get("Authorization") not in stub.accepted:
                    self.send_response(401)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.accepted: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stub() -> Iterator[Stub]:
    server = Stub()
    with override_settings(EHRA_PULL_ALLOW_PRIVATE=True):
        yield server
    server.close()


def test_it_pulls_every_kobo_page_with_the_token_header(stub: Stub) -> None:
    records = kobo_records(answer_rows([DESA], 3, 1))
    path = "/api/v2/assets/aBc123/data/?format=json"
    stub.pages[path] = {"count": 3, "next": f"{stub.base}{path}&start=2", "results": records[:2]}
    stub.pages[path + "&start=2"] = {"count": 3, "next": None, "results": records[2:]}
    stub.accepted = {f"Token {TOKEN}"}
    pulled = pull_records(PullSource("kobo", stub.base, "aBc123"), TOKEN)
    assert [r["_uuid"] for r in pulled] == [UUIDS.format(i) for i in range(3)]
    assert stub.auth == [f"Token {TOKEN}"] * 2
    with pytest.raises(PullError, match="menolak token"):
        pull_records(PullSource("kobo", stub.base, "aBc123"), "salah")


def test_it_flattens_odata_groups_and_uses_basic_auth(stub: Stub) -> None:
    records = odata_records(answer_rows([DESA], 2, 2))
    stub.pages["/v1/projects/7/forms/ehra_2021.svc/Submissions"] = {"value": records}
    stub.accepted = {"Basic ZW51bUBleGFtcGxlLm9yZzpyYWhhc2lhLXRva2VuLTEyMw=="}
    source = PullSource("odk", stub.base, "7/ehra_2021", username="enum@example.org")
    pulled = pull_records(source, TOKEN)
    assert pulled[0]["meta-instanceID"] == f"uuid:{UUIDS.format(0)}"
    assert pulled[0]["sec_ID-ID_4"] == DESA and "__system-formVersion" in pulled[0]


def test_it_refuses_plain_http_and_private_hosts_outside_tests() -> None:
    with pytest.raises(PullError, match="https"):
        pull_records(PullSource("kobo", "http://127.0.0.1:9", "x"), TOKEN)
    with pytest.raises(PullError, match="publik"):
        pull_records(PullSource("kobo", "https://127.0.0.1:9", "x"), TOKEN)


def _pull(client: Client, pk: int, data: dict[str, str], capture: Any) -> Any:
    with capture(execute=True):
        return client.post(reverse("ehra:pull", kwargs={"pk": pk}), data)


def test_it_imports_a_kobo_pull_once_and_stores_no_token(
    stub: Stub, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    rows = answer_rows([DESA], 4, 3)
    path = "/api/v2/assets/aBc123/data/?format=json"
    stub.pages[path] = {"count": 4, "next": None, "results": kobo_records(rows)}
    stub.accepted = {f"Token {TOKEN}"}
    client = Client()
    client.force_login(cast.pokja_kabkota)
    form = {"kind": "kobo", "server": stub.base, "form_id": "aBc123", "token": TOKEN}
    response = _pull(client, survey.pk, form, django_capture_on_commit_callbacks)
    run = ImportRun.objects.latest("pk")
    assert response.status_code == 302 and response["Location"].endswith(f"/impor/{run.pk}/")
    assert (run.status, run.created, run.errors) == (ImportStatus.DONE, 4, [])
    assert TOKEN.encode() not in bytes(run.content) and TOKEN not in run.filename
    again = _pull(client, survey.pk, form, django_capture_on_commit_callbacks)
    assert again.status_code == 302
    assert ImportRun.objects.latest("pk").skipped == 4
    assert Household.objects.filter(survey=survey).count() == 4


def test_it_applies_the_file_checks_to_an_odk_pull(
    stub: Stub, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    rows = answer_rows([DESA], 2, 4)
    rows[1]["C_4"] = "A Z"
    stub.pages["/v1/projects/7/forms/ehra_2021.svc/Submissions"] = {"value": odata_records(rows)}
    stub.accepted = {f"Bearer {TOKEN}"}
    client = Client()
    client.force_login(cast.pokja_kabkota)
    form = {"kind": "odk", "server": stub.base, "form_id": "7/ehra_2021", "token": TOKEN}
    _pull(client, survey.pk, form, django_capture_on_commit_callbacks)
    run = ImportRun.objects.latest("pk")
    assert run.status == ImportStatus.FAILED and Household.objects.count() == 0
    assert run.errors == [
        "odk-7_ehra_2021.json, baris 3, kolom 'sec_C-C_4': pilihan 'Z' tidak dikenal "
        "(pilihan yang sah: A, B, C, D, E, F, G, H, I, J)."
    ]


def test_it_reports_a_refused_token_without_creating_a_run(
    stub: Stub, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    survey = ehra_round("15.07")
    stub.pages["/api/v2/assets/aBc123/data/?format=json"] = {"results": []}
    stub.accepted = {"Token benar"}
    client = Client()
    client.force_login(cast.pokja_kabkota)
    form = {"kind": "kobo", "server": stub.base, "form_id": "aBc123", "token": "salah"}
    response = _pull(client, survey.pk, form, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and not ImportRun.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Penarikan data gagal: server menolak token (HTTP 401)." in page
    assert urlsplit(response["Location"]).path == reverse("ehra:round", kwargs={"pk": survey.pk})
