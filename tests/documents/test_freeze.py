"""Issue 16, approval freezes: an approved version keeps a snapshot of what it binds and
its rendered files byte for byte; writes to its data are refused (services, pages,
admin); a revision (perubahan) opens the data again and is approved with a new snapshot."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from docx import Document as read_docx

from ppsp.audit.models import AuditEvent
from ppsp.consultation.models import Consultation, ConsultationState
from ppsp.core.freeze import Frozen, frozen_by
from ppsp.docgen.context import build_context
from ppsp.docgen.fmt import rp_juta
from ppsp.docgen.models import Format, RenderedFile, RenderState, SectionText
from ppsp.docgen.render_docx import render_docx
from ppsp.docgen.services import render_run, section_text_save
from ppsp.docgen.services.snapshot import snapshot_context, snapshot_intact
from ppsp.docgen.snapshot import digest, from_json, normalised, to_json
from ppsp.documents.models import ApprovedSnapshot, DocumentVersion, SnapshotImmutable, Status
from ppsp.documents.services import (
    document_version_create_next,
    document_version_set_legal_basis,
)
from ppsp.ehra.models import AreaRisk
from ppsp.ehra.services.results import area_override
from ppsp.finance.models import FiscalCapacity
from ppsp.finance.services import fiscal_settings_update
from ppsp.mps.models import KklNode, ProgrammeRow
from ppsp.mps.services import row_save, swot_factor_add
from ppsp.mps.services.kkl import kkl_node_update
from ppsp.profiles.models import DesaProfile
from ppsp.profiles.services import profile_save
from ppsp.scenarios.models import ScenarioLine
from ppsp.scenarios.services import scenario_line_delete
from tests.conftest import Cast, DemoWorld, built_once_per_module
from tests.docgen.support import demo_ssk_version
from tests.documents.support import approve_version

pytestmark = pytest.mark.django_db

LOCKED = "sudah disahkan"


@pytest.fixture(scope="module")
def _approved_pk(module_demo: DemoWorld, django_db_blocker: Any) -> Iterator[int]:
    """The demo SSK approved once for the module; each test reads it afresh (`approved`)."""

    def build() -> int:
        assert not set(module_demo.failed) - {"load_monev_demo"}, module_demo.failed
        version = demo_ssk_version()
        assert version.status == Status.DRAFT
        # the consultation's own pengesahan checks are another test's concern
        Consultation.objects.filter(version=version).update(state=ConsultationState.DISAHKAN)
        approve_version(version, TestCase.captureOnCommitCallbacks)
        return version.pk

    yield from built_once_per_module(django_db_blocker, build)


@pytest.fixture
def approved(demo: DemoWorld, _approved_pk: int) -> DocumentVersion:
    return DocumentVersion.objects.get(pk=_approved_pk)


@pytest.fixture
def cast(demo: DemoWorld) -> Cast:
    return demo.cast


def _row(version: DocumentVersion) -> ProgrammeRow:
    return ProgrammeRow.objects.filter(plan__pk__in=version.snapshot.inputs["plan"]).order_by("pk")[
        0
    ]


def _docx_texts(data: bytes) -> list[str]:
    doc = read_docx(io.BytesIO(data))
    return [p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for row in t.rows for c in row.cells
    ]


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_stores_the_snapshot_and_serves_the_approved_files_byte_for_byte(
    approved: DocumentVersion, cast: Cast
) -> None:
    snap = ApprovedSnapshot.objects.get(version=approved)
    assert snap.sha256 == digest(snap.model) and snapshot_intact(snap)
    assert {"plan", "scenario", "fiscal", "ehra_round", "form2_year", "version"} <= set(snap.inputs)
    queued = RenderedFile.objects.filter(version=approved, snapshot=snap)
    assert {f.state for f in queued} == {RenderState.QUEUED}  # the worker renders them
    files = {f.fmt: render_run(f.pk) for f in queued}
    assert set(files) == set(Format.values)
    assert all(f.state == RenderState.DONE for f in files.values()), [
        f.error for f in files.values()
    ]
    client = _client(cast.pokja_kabkota)
    first = {}
    for fmt, rendered in files.items():
        response = client.get(f"/susun-dokumen/berkas/{rendered.pk}/unduh/")
        data = b"".join(response.streaming_content) if response.streaming else response.content
        assert hashlib.sha256(data).hexdigest() == rendered.sha256 == response["X-Checksum-SHA256"]
        first[fmt] = data
    # the data change behind the service's back (a year later): nothing approved moves
    row = _row(approved)
    ProgrammeRow.objects.filter(pk=row.pk).update(amount_1=row.amount_1 + 330_400_000)
    live = build_context(approved)
    assert [t.rows for t in live.tables] != [t.rows for t in snapshot_context(snap).tables]
    for fmt, rendered in files.items():
        response = client.get(f"/susun-dokumen/berkas/{rendered.pk}/unduh/")
        data = b"".join(response.streaming_content) if response.streaming else response.content
        assert data == first[fmt]
    public = Client().get(f"/susun-dokumen/publik/versi/{approved.pk}/docx/")
    assert public.content == first["docx"]
    # re-rendering from the snapshot gives the same content as the stored DOCX
    again = snapshot_context(ApprovedSnapshot.objects.get(pk=snap.pk))
    assert _docx_texts(render_docx(again)) == _docx_texts(first["docx"])
    assert ApprovedSnapshot.objects.get(pk=snap.pk).sha256 == snap.sha256


def test_it_round_trips_the_document_model_through_json(approved: DocumentVersion) -> None:
    context = build_context(approved)
    model = normalised(to_json(context))
    assert normalised(to_json(from_json(model))) == model
    assert digest(model) == digest(normalised(to_json(from_json(model))))


def test_it_keeps_the_snapshot_immutable_and_detects_tampering(
    approved: DocumentVersion,
) -> None:
    snap = ApprovedSnapshot.objects.get(version=approved)
    snap.sha256 = "0" * 64
    with pytest.raises(SnapshotImmutable):
        snap.save()
    with pytest.raises(SnapshotImmutable):
        snap.delete()
    ApprovedSnapshot.objects.filter(pk=snap.pk).update(model={**snap.model, "title": "palsu"})
    tampered = ApprovedSnapshot.objects.get(pk=snap.pk)
    assert not snapshot_intact(tampered)
    with pytest.raises(ValueError, match="tidak cocok"):
        snapshot_context(tampered)


def _refusals(version: DocumentVersion) -> dict[str, Callable[[], Any]]:
    inputs = version.snapshot.inputs
    row = _row(version)
    node = KklNode.objects.filter(plan__pk__in=inputs["plan"]).order_by("pk")[0]
    line = ScenarioLine.objects.filter(scenario__pk__in=inputs["scenario"]).order_by("pk")[0]
    capacity = FiscalCapacity.objects.get(pk=inputs["fiscal"][0])
    profile = DesaProfile.objects.filter(
        year=inputs["form2_year"][0], desa__kabkota_code="15.07"
    ).first()
    area = AreaRisk.objects.filter(survey__pk__in=inputs["ehra_round"]).order_by("pk")[0]
    row.amount_1 = 70_000_000
    return {
        "Lampiran 4": lambda: row_save(row=row, by=None),
        "SWOT": lambda: swot_factor_add(
            plan=row.plan, subsector="air_limbah", kind="S", text="x", weight=0.1, score=3, by=None
        ),
        "KKL": lambda: kkl_node_update(node=node, by=None, text="diubah"),
        "Tabel 5.1 (skenario)": lambda: scenario_line_delete(line=line, by=None),
        "kemampuan keuangan": lambda: fiscal_settings_update(
            capacity=capacity, by=None, growth_method=capacity.growth_method
        ),
        "Form 2": lambda: profile_save(
            desa=profile.desa, year=profile.year, values={}, by=None, recompute=False
        ),
        "area berisiko": lambda: area_override(area=area, risk_class=4, reason="cek", by=None),
        "narasi": lambda: section_text_save(version=version, section="1.1", text="x", by=None),
        "dasar hukum": lambda: document_version_set_legal_basis(
            version=version, kind="perbup", number="99/2099", date=dt.date(2099, 1, 1), by=None
        ),
    }


def test_it_refuses_every_write_to_data_of_the_approved_version(
    approved: DocumentVersion,
) -> None:
    for name, write in _refusals(approved).items():
        with pytest.raises(ValidationError) as refused:
            write()
        assert LOCKED in " ".join(refused.value.messages), name
    assert frozen_by(_row(approved)) is not None


def test_it_refuses_the_lampiran4_edit_on_the_page_after_pengesahan(
    approved: DocumentVersion, cast: Cast
) -> None:
    row = _row(approved)
    client = _client(cast.pokja_kabkota)
    page = client.get(f"/mps/baris/{row.pk}/")
    assert page.status_code == 200
    form = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    form.update({"amount_1": "70000000"})
    response = client.post(f"/mps/baris/{row.pk}/", {k: str(v) for k, v in form.items()})
    assert response.status_code == 200
    assert "sudah disahkan" in response.content.decode()
    assert "Baris disimpan" not in response.content.decode()
    assert ProgrammeRow.objects.get(pk=row.pk).amount_1 == row.amount_1
    refusal = AuditEvent.objects.get(object_id=str(row.pk), reason__startswith="DITOLAK")
    assert refusal.actor == cast.pokja_kabkota and "SSK 2027–2031 versi 1" in refusal.reason


def test_it_makes_the_admin_obey_the_same_locks(approved: DocumentVersion, cast: Cast) -> None:
    client = _client(cast.pmu)
    url = f"/admin/documents/documentversion/{approved.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="legal_number"' not in page.content.decode()
    response = client.post(url, {"legal_number": "99 Tahun 2099", "number": approved.number})
    assert response.status_code == 403
    approved.refresh_from_db()
    assert approved.legal_number == "5 Tahun 2027"
    assert AuditEvent.objects.filter(reason__startswith="DITOLAK (admin, ubah)").exists()
    row = _row(approved)
    delete = client.post(f"/admin/mps/programmerow/{row.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403 and ProgrammeRow.objects.filter(pk=row.pk).exists()
    change = client.get(f"/admin/mps/programmerow/{row.pk}/change/")
    assert change.status_code == 200 and 'name="amount_1"' not in change.content.decode()


def test_it_opens_the_data_for_a_revision_and_freezes_them_again(
    approved: DocumentVersion, cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    first = ApprovedSnapshot.objects.get(version=approved)
    revision = document_version_create_next(document=approved.document, by=cast.pokja_kabkota)
    assert revision.status == Status.DRAFT
    texts = SectionText.objects.filter(version=revision).count()
    assert texts == SectionText.objects.filter(version=approved).count() > 0
    row = _row(approved)
    row.amount_1 = 70_000_000
    row_save(row=row, by=None, reason="perubahan")  # writable again while the revision is open
    client = _client(cast.pokja_kabkota)
    diff = client.get(f"/susun-dokumen/versi/{revision.pk}/beda/")
    body = diff.content.decode()
    assert diff.status_code == 200 and "(snapshot)" in body and "(data)" in body
    assert 'data-testid="table-diff"' in body
    assert rp_juta(ProgrammeRow.objects.get(pk=row.pk).total) in body
    assert AuditEvent.objects.filter(
        object_id=str(revision.pk), reason__startswith="Perubahan (revisi)"
    ).exists()
    approve_version(revision, django_capture_on_commit_callbacks, number="8 Tahun 2028")
    second = ApprovedSnapshot.objects.get(version=revision)
    assert second.sha256 != first.sha256 and snapshot_intact(first)
    approved.refresh_from_db()
    assert approved.status == Status.SUPERSEDED
    with pytest.raises(Frozen):
        row_save(row=ProgrammeRow.objects.get(pk=row.pk), by=None)


def test_it_binds_the_data_of_the_documents_own_period(approved: DocumentVersion) -> None:
    bps = DocumentVersion.objects.get(
        document__region__code="15.07", document__doc_type="BPS", document__period_start=2015
    )
    context = build_context(bps)
    text = " ".join(
        [s.text for s in context.sections]
        + [t.title for t in context.tables]
        + [m.what for _h, m in context.missing]
    )
    assert "EHRA 2026" not in text and "tahun 2025" not in text
    assert "data tidak tersedia untuk periode ini" in text
    ssk = build_context(approved)
    titles = " ".join(t.title for t in ssk.tables)
    assert "EHRA 2026" in titles
