"""Documents: transition table, locking after approval, new versions, supersession."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from ppsp.documents.models import DocumentVersion, MethodVersion, RequiredTable, Status
from ppsp.documents.services import (
    document_file_add,
    document_version_create_next,
    document_version_set_legal_basis,
    document_version_transition,
    document_version_update,
)
from ppsp.documents.workflow import ACTIONS, TRANSITIONS, DocAction
from tests.conftest import Cast
from tests.cycles.support import ensure_seed, ssk

EXPECTED = {
    ("draft", "ajukan"): "submitted",
    ("submitted", "tinjau"): "reviewed",
    ("submitted", "kembalikan"): "draft",
    ("reviewed", "kembalikan"): "draft",
    ("reviewed", "sahkan"): "approved",
    ("approved", "gantikan"): "superseded",
}


@pytest.fixture(autouse=True)
def _seeded(regions: None, settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    ensure_seed()


def _version(status: str = Status.DRAFT) -> DocumentVersion:
    version = ssk("15.07").versions.get()
    DocumentVersion.objects.filter(pk=version.pk).update(
        status=status, legal_kind="perbup", legal_number="12/2016", legal_date=dt.date(2016, 9, 1)
    )
    version.refresh_from_db()
    return version


def _approve(version: DocumentVersion, cast: Cast) -> None:
    for action, user in (
        (DocAction.SUBMIT, cast.pokja_kabkota),
        (DocAction.REVIEW, cast.cf),
        (DocAction.APPROVE, cast.kepala_daerah),
    ):
        document_version_transition(obj=version, action=action, by=user)


def test_it_has_the_documented_transition_table() -> None:
    assert {key: new for key, (new, _) in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("state", "action"), list(itertools.product(Status.values, ACTIONS)))
def test_it_allows_exactly_the_table_for_every_state_and_action(
    cast: Cast, state: str, action: str
) -> None:
    version = _version(state)
    if (state, action) in EXPECTED:
        done = document_version_transition(obj=version, action=action, by=cast.pmu, reason="r")
        assert done.status == EXPECTED[(state, action)]
        event = AuditEvent.objects.filter(object_type="documents.documentversion").first()
        assert event is not None and event.changes[0]["new"] == done.status
    else:
        with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
            document_version_transition(obj=version, action=action, by=cast.pmu, reason="r")


@pytest.mark.parametrize(
    ("state", "action", "allowed"),
    [
        ("draft", "ajukan", {"pokja_kabkota"}),
        ("submitted", "tinjau", {"cf", "pf", "pokja_provinsi"}),
        ("submitted", "kembalikan", {"cf", "pf", "pokja_provinsi"}),
        ("reviewed", "kembalikan", {"kepala_daerah"}),
        ("reviewed", "sahkan", {"kepala_daerah"}),
    ],
)
def test_it_gives_each_role_its_step(
    cast: Cast, state: str, action: str, allowed: set[str]
) -> None:
    for role in ("pokja_provinsi", "pf", "cf", "pokja_kabkota", "kepala_daerah", "public"):
        version = _version(state)
        call = {"obj": version, "action": action, "by": getattr(cast, role), "reason": "r"}
        if role in allowed:
            document_version_transition(**call)
        else:
            with pytest.raises(PermissionDenied):
                document_version_transition(**call)


def test_it_needs_a_comment_to_return_and_keeps_it(cast: Cast) -> None:
    version = _version(Status.SUBMITTED)
    with pytest.raises(ValidationError, match="alasan pengembalian"):
        document_version_transition(obj=version, action=DocAction.RETURN, by=cast.cf)
    done = document_version_transition(
        obj=version, action=DocAction.RETURN, by=cast.cf, reason="Tabel 5.1 belum lengkap"
    )
    assert done.status == Status.DRAFT and done.return_comment == "Tabel 5.1 belum lengkap"


def test_it_needs_a_legal_basis_before_approval(cast: Cast) -> None:
    version = _version(Status.REVIEWED)
    DocumentVersion.objects.filter(pk=version.pk).update(legal_number="", legal_date=None)
    with pytest.raises(ValidationError, match="Dasar hukum"):
        document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.kepala_daerah)
    document_version_set_legal_basis(
        version=version,
        kind="perbup",
        number="45/2016",
        date=dt.date(2016, 10, 3),
        by=cast.kepala_daerah,
    )
    done = document_version_transition(obj=version, action=DocAction.APPROVE, by=cast.kepala_daerah)
    assert done.status == Status.APPROVED and done.approved_at is not None


def test_it_locks_an_approved_version_with_a_clear_message(cast: Cast) -> None:
    version = _version()
    _approve(version, cast)
    version.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah disahkan sehingga terkunci"):
        document_version_update(version=version, summary="x", filled_tables=[], by=cast.pmu)
    upload = SimpleUploadedFile("ssk.pdf", b"%PDF-1.4")
    with pytest.raises(ValidationError, match="terkunci"):
        document_file_add(version=version, file=upload, label="SSK", by=cast.pmu)
    with pytest.raises(ValidationError, match="terkunci"):
        document_version_set_legal_basis(
            version=version, kind="sk", number="1", date=dt.date(2020, 1, 1), by=cast.pmu
        )
    refusals = AuditEvent.objects.filter(
        object_id=str(version.pk), reason__startswith="DITOLAK"
    ).order_by("pk")
    assert [e.reason.split(".")[0] for e in refusals] == [
        "DITOLAK: ubah ringkasan/tabel versi",
        "DITOLAK: unggah berkas",
        "DITOLAK: ubah dasar hukum",
    ]
    assert {e.actor for e in refusals} == {cast.pmu}


def test_it_refuses_edits_while_a_version_is_under_review(cast: Cast) -> None:
    version = _version(Status.SUBMITTED)
    with pytest.raises(ValidationError, match="hanya versi berstatus draf"):
        document_version_update(version=version, summary="x", filled_tables=[], by=cast.pmu)


def test_it_copies_the_last_version_and_supersedes_on_approval(cast: Cast) -> None:
    first = _version()
    tables = list(RequiredTable.objects.filter(method_version__code="SSK-2016")[:3])
    document_version_update(
        version=first, summary="Awal", filled_tables=tables, by=cast.pokja_kabkota
    )
    document_file_add(
        version=first,
        file=SimpleUploadedFile("ssk.pdf", b"%PDF"),
        label="SSK",
        by=cast.pokja_kabkota,
    )
    with pytest.raises(ValidationError, match="masih berjalan"):
        document_version_create_next(document=first.document, by=cast.pokja_kabkota)
    _approve(first, cast)
    second = document_version_create_next(document=first.document, by=cast.pokja_kabkota)
    assert (second.number, second.status, second.summary) == (2, Status.DRAFT, "Awal")
    assert set(second.filled_tables.all()) == set(tables)
    assert [f.label for f in second.files.all()] == ["SSK"]
    assert second.legal_number == ""
    document_version_set_legal_basis(
        version=second, kind="perbup", number="7/2018", date=dt.date(2018, 3, 1), by=cast.pmu
    )
    _approve(second, cast)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.SUPERSEDED, Status.APPROVED)


def test_it_refuses_tables_of_another_method_version(cast: Cast) -> None:
    version = _version()
    other = RequiredTable.objects.filter(method_version__code="SSK-2015").first()
    with pytest.raises(ValidationError, match="tidak sesuai"):
        document_version_update(version=version, summary="", filled_tables=[other], by=cast.pmu)


def test_it_seeds_method_versions_as_data() -> None:
    codes = set(MethodVersion.objects.values_list("code", flat=True))
    assert {"SSK-2015", "SSK-2016", "SSK-2017", "SSK-2018", "BPS-2014", "MPS-2014"} <= codes
    assert RequiredTable.objects.filter(method_version__code="SSK-2016").count() == 16


def test_it_walks_a_document_through_the_pages(cast: Cast) -> None:
    pokja = Client()
    pokja.force_login(cast.pokja_kabkota)
    response = pokja.post(
        reverse("documents:create", kwargs={"code": "15.07"}),
        {
            "doc_type": "BPS",
            "method_version": MethodVersion.objects.get(code="BPS-2014").pk,
            "period_start": 2015,
            "period_end": 2015,
        },
    )
    assert response.status_code == 302
    version = DocumentVersion.objects.get(document__doc_type="BPS")
    url = reverse("documents:version_transition", kwargs={"pk": version.pk})
    assert pokja.post(url, {"action": "ajukan"}).status_code == 302
    kepala = Client()
    kepala.force_login(cast.kepala_daerah)
    page = kepala.post(url, {"action": "tinjau"}, follow=True)
    assert page.status_code == 404  # no review right for the Kepala Daerah: never a 403
    cf = Client()
    cf.force_login(cast.cf)
    page = cf.post(url, {"action": "kembalikan", "reason": ""}, follow=True)
    assert "Tuliskan catatan alasan pengembalian." in page.content.decode()
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED
