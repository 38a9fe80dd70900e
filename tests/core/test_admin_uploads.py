"""Issue 21: an upload through the admin passes the same checks as the UI's upload path
(ppsp.core.uploads: size cap, kind read from the content, a ZIP's declared size): a bad
file is refused with an Indonesian message and nothing is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.fields.files import FieldFile
from django.test import Client, RequestFactory
from django.urls import reverse

from ppsp.core.uploads import MB, UploadField
from tests.conftest import Cast
from tests.core.upload_support import zip_bomb

pytestmark = pytest.mark.django_db

BAD = {
    "exe": ("bukti.pdf", b"MZ\x90\x00\x03\x00\x00\x00" * 64, "isi berkas bukan"),
    "zip-bomb": ("bukti.docx", zip_bomb(), "zip bomb"),
    "oversize": ("bukti.pdf", b"%PDF-1.4\n" + b"0" * (26 * MB), "melebihi batas"),
}


def _document_file() -> Any:
    from ppsp.documents.models import DocumentFile
    from tests.documents.matrix import document_file

    return DocumentFile.objects.get(pk=document_file("15.07")["pk"])


def _stage_record() -> Any:
    from tests.programme.support import stage_record_in

    return stage_record_in("15.07")


def _commitment() -> Any:
    from ppsp.mps.models import FundingCommitment
    from tests.mps.matrix import _commitment

    return FundingCommitment.objects.get(pk=_commitment("15.07")["pk"])


TARGETS = {
    "documentfile.file": (_document_file, "file"),
    "stagerecord.evidence": (_stage_record, "evidence"),
    "fundingcommitment.evidence_file": (_commitment, "evidence_file"),
}


def _form_data(form: Any) -> dict[str, Any]:
    """What the change page would post back unchanged (the bound initial values)."""
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False or isinstance(value, FieldFile):
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value) if value is not True else "on"
    return data


def _stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize("bad", sorted(BAD))
@pytest.mark.parametrize("where", sorted(TARGETS))
def test_it_refuses_a_bad_admin_upload_with_a_message_and_stores_nothing(
    cast: Cast, where: str, bad: str
) -> None:
    make, field = TARGETS[where]
    obj = make()
    before = getattr(obj, field).name
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    client = Client()
    client.force_login(cast.pmu)
    page = client.get(url)
    assert page.status_code == 200
    data = _form_data(page.context["adminform"].form)
    files = _stored_files()
    name, content, phrase = BAD[bad]
    response = client.post(url, {**data, field: SimpleUploadedFile(name, content)})
    assert response.status_code == 200  # the form again, with the message
    errors = response.context["adminform"].form.errors
    assert field in errors, errors
    message = " ".join(errors[field])
    assert phrase.lower() in message.lower() and name in message
    obj.refresh_from_db()
    assert getattr(obj, field).name == before
    assert _stored_files() == files


def test_it_accepts_a_sound_file_through_the_admin(cast: Cast) -> None:
    obj = _document_file()
    url = reverse("admin:documents_documentfile_change", args=[obj.pk])
    client = Client()
    client.force_login(cast.pmu)
    data = _form_data(client.get(url).context["adminform"].form)
    upload = SimpleUploadedFile("berita-acara.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.post(url, {**data, "file": upload})
    assert response.status_code == 302
    obj.refresh_from_db()
    assert obj.file.name.endswith(".pdf") and "berita-acara" in obj.file.name


def test_it_checks_every_file_field_of_every_registered_admin(cast: Cast) -> None:
    request = RequestFactory().get("/admin/")
    request.user = cast.pmu
    checked = []
    for model, model_admin in admin.site._registry.items():
        file_fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        if not file_fields:
            continue
        form = model_admin.get_form(request)
        for db_field in file_fields:
            if db_field.name in form.base_fields:
                assert isinstance(form.base_fields[db_field.name], UploadField), (model, db_field)
                checked.append(f"{model._meta.model_name}.{db_field.name}")
    assert set(TARGETS) <= set(checked)
