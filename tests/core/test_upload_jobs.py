"""Issue 21: a file import is parsed by a background job, never in the web request. The
view checks and stores the file and shows the job's status; the job's messages come back
on the page the upload came from."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.core import jobs
from ppsp.core.models import BackgroundJob, JobState, UploadedImport
from ppsp.core.upload_jobs import pack, unpack
from tests.conftest import Cast
from tests.core.upload_support import xlsx

pytestmark = pytest.mark.django_db


def test_it_stores_the_file_and_parses_it_only_in_the_job(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ppsp.core.tasks import import_upload_task
    from ppsp.profiles import services

    monkeypatch.setattr(jobs, "_send", lambda job: None)  # no worker: the job stays queued
    parsed: list[str] = []
    original = services.profiles_import
    monkeypatch.setattr(
        services,
        "profiles_import",
        lambda **kw: parsed.append(kw["filename"]) or original(**kw),
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    content = xlsx([["Kode desa"], ["15.07.01.2001"]])
    response = client.post(
        reverse("profiles:import", kwargs={"code": "15.07", "year": 2026}),
        {"file": SimpleUploadedFile("form2.xlsx", content)},
    )
    upload = UploadedImport.objects.get()
    assert response.url == reverse("core:upload_status", args=[upload.pk])
    assert parsed == [] and bytes(upload.content) == content  # stored, not read
    page = client.get(response.url)
    assert page.status_code == 200 and 'data-testid="job-status-box"' in page.content.decode()
    assert client.get(response.url + "?poll=1").status_code == 204
    job = BackgroundJob.objects.get(target_id=upload.pk, target_model="core.uploadedimport")
    assert job.state == JobState.QUEUED and job.kind == "impor-berkas"
    import_upload_task.call(upload.pk, tracker_id=job.pk)  # what the worker does
    job.refresh_from_db()
    upload.refresh_from_db()
    assert parsed == ["form2.xlsx"] and job.state == JobState.FAILED
    assert bytes(upload.content) == b""  # the bytes are dropped once read
    done = client.get(response.url, follow=True)
    assert done.redirect_chain[-1][0] == "/profil/15.07/?tahun=2026"
    body = done.content.decode()
    assert "Impor dibatalkan, tidak ada data yang disimpan." in body
    assert "form2.xlsx: kolom" in body  # the file's own message, with its name
    again = client.get(response.url, HTTP_HX_REQUEST="true")
    assert again.status_code == 204 and again["HX-Redirect"] == "/profil/15.07/?tahun=2026"


def test_it_hides_another_users_import_outside_their_region(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    client.post(
        reverse("profiles:import", kwargs={"code": "15.07", "year": 2026}),
        {"file": SimpleUploadedFile("form2.xlsx", xlsx([["a"], ["b"]]))},
    )
    upload = UploadedImport.objects.get()
    other = Client()
    other.force_login(cast.public)  # no role over 15.07
    assert other.get(reverse("core:upload_status", args=[upload.pk])).status_code == 404


def test_it_packs_a_preview_into_json_and_back() -> None:
    value = {"a": [Decimal("2.50"), dt.date(2026, 1, 2)], "b": ("x", 1, None)}
    assert unpack(pack(value)) == {"a": [Decimal("2.50"), dt.date(2026, 1, 2)], "b": ["x", 1, None]}
