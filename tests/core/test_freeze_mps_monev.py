"""Issue 16: the sign-off of an MPS year and the lock of a monev report freeze their data.

Each stores an immutable snapshot with its SHA-256 (`core.DataSnapshot`); afterwards the
services, the pages and the admin refuse changes through the one refusal of
`ppsp.core.freeze` (same message, same "DITOLAK: …" audit), and the pages show the hash.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.test import Client
from openpyxl import load_workbook

from ppsp.audit.models import AuditEvent
from ppsp.core.canonical import digest
from ppsp.core.freeze import Frozen, frozen_by, snapshot_intact
from ppsp.core.models import DataSnapshot, SnapshotImmutable
from ppsp.monev import freeze as monev_freeze
from ppsp.monev.models import RowRealisation
from ppsp.monev.services import (
    realisation_save,
    report_approve,
    report_return,
    report_submit,
)
from ppsp.mps import freeze as mps_freeze
from ppsp.mps.models import FundingCommitment, Plan, ProgrammeRow
from ppsp.mps.services import funding as services_funding
from ppsp.mps.services import row_move, row_save
from tests.conftest import Cast
from tests.monev.support import full_values, plan_with_sasaran, report_in
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = pytest.mark.django_db

YEAR = FIRST_YEAR  # 2026, the first year of the demo plan
FROZEN = "sehingga terkunci"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _ipal(plan: Plan) -> ProgrammeRow:
    return plan.rows.get(kegiatan="IPAL komunal Zona 1")  # 300 juta in 2026, 400 in 2027


@pytest.fixture
def signed(cast: Cast) -> Plan:
    plan = plan_in("15.07")
    services_funding.commitment_record(
        row=_ipal(plan), party="pemda", year=YEAR, amount=150_000_000, by=cast.pokja_kabkota
    )
    services_funding.mps_sign_off(plan=plan, year=YEAR, party="pemda", by=cast.pokja_kabkota)
    return plan


def _xlsx_values(data: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


# --- MPS year ------------------------------------------------------------------------


def test_it_stores_the_mps_year_snapshot_with_its_hash(signed: Plan, cast: Cast) -> None:
    snap = DataSnapshot.objects.get(kind=mps_freeze.KIND, subject_id=signed.pk, year=YEAR)
    assert snap.sha256 == digest(snap.data) and snapshot_intact(snap)
    rows = {r["kegiatan"]: r for r in snap.data["rows"]}
    assert rows["IPAL komunal Zona 1"]["amount"] == 300_000_000
    assert rows["IPAL komunal Zona 1"]["committed"] == 150_000_000
    assert "TPS3R Zona 2" not in rows  # nothing in 2026
    assert snap.data["per_source"]["apbd_kabkota"] == snap.data["total"]
    assert [c["amount"] for c in snap.data["commitments"]] == [150_000_000]
    # the second party signs the same snapshot
    services_funding.mps_sign_off(plan=signed, year=YEAR, party="pokja_provinsi", by=None)
    assert DataSnapshot.objects.filter(kind=mps_freeze.KIND, subject_id=signed.pk).count() == 1
    with pytest.raises(SnapshotImmutable):
        snap.save()
    with pytest.raises(SnapshotImmutable):
        snap.delete()


def test_it_refuses_service_writes_to_the_signed_year_and_keeps_other_years_open(
    signed: Plan, cast: Cast
) -> None:
    row = _ipal(signed)
    row.amount_1 = 310_000_000
    with pytest.raises(Frozen) as refused:
        row_save(row=row, by=cast.pokja_kabkota)
    assert FROZEN in refused.value.messages[0] and "MPS 2026" in refused.value.messages[0]
    with pytest.raises(Frozen):
        row_move(row=_ipal(signed), status="daftar_tunggu", by=cast.pokja_kabkota)
    new = ProgrammeRow(**{**model_to_dict(_ipal(signed), exclude=["id", "plan", "lokasi"])})
    new.plan, new.strategi_id = signed, None
    with pytest.raises(Frozen):  # a new row entering the signed year
        row_save(row=new, by=cast.pokja_kabkota)
    with pytest.raises(ValidationError):
        services_funding.commitment_record(
            row=_ipal(signed), party="donor", year=YEAR, amount=1_000_000, by=cast.pokja_kabkota
        )
    # 2027 is not signed: its amount and its commitments stay open
    row = _ipal(signed)
    row.amount_2 = 420_000_000
    row_save(row=row, by=cast.pokja_kabkota)
    services_funding.commitment_record(
        row=row, party="pemda", year=YEAR + 1, amount=5_000_000, by=cast.pokja_kabkota
    )
    # a signed commitment still advances (the memorandum's follow-up, not a change)
    commitment = FundingCommitment.objects.get(year=YEAR)
    services_funding.commitment_advance(
        commitment=commitment, target="disepakati", by=cast.pokja_kabkota, evidence="BA 1/2026"
    )
    assert ProgrammeRow.objects.get(pk=row.pk).amount_1 == 300_000_000


def test_it_refuses_the_page_edit_audited_and_shows_the_frozen_year(
    signed: Plan, cast: Cast
) -> None:
    row = _ipal(signed)
    client = _client(cast.pokja_kabkota)
    page = client.get(f"/mps/baris/{row.pk}/")
    form = {k: v for k, v in page.context["form"].initial.items() if v is not None}
    form.update({"amount_1": "70000000"})
    response = client.post(f"/mps/baris/{row.pk}/", {k: str(v) for k, v in form.items()})
    html = response.content.decode()
    assert response.status_code == 200 and FROZEN in html and "Baris disimpan" not in html
    assert ProgrammeRow.objects.get(pk=row.pk).amount_1 == 300_000_000
    refusal = AuditEvent.objects.get(object_id=str(row.pk), reason__startswith="DITOLAK: ")
    assert refusal.actor == cast.pokja_kabkota and "MPS 2026" in refusal.reason
    snap = mps_freeze.signed_years(signed.pk)[YEAR]
    table = client.get(f"/mps/rencana/{signed.pk}/mps/{YEAR}/").content.decode()
    assert 'data-testid="mps-frozen"' in table and snap.sha256[:16] in table
    lampiran4 = client.get("/mps/15.07/").content.decode()
    assert f'data-testid="mps-year-frozen-{YEAR}"' in lampiran4 and snap.sha256[:8] in lampiran4
    assert f'data-testid="mps-year-frozen-{YEAR + 1}"' not in lampiran4
    commitment = client.post(
        f"/mps/baris/{row.pk}/komitmen/",
        {"party": "donor", "year": YEAR, "amount": 1_000_000, "kind": "cash"},
        follow=True,
    )
    assert FROZEN in commitment.content.decode()
    assert FundingCommitment.objects.filter(party="donor").count() == 0


def test_it_makes_the_admin_refuse_changes_and_deletes_of_the_signed_year(
    signed: Plan, cast: Cast
) -> None:
    row = _ipal(signed)
    client = _client(cast.pmu)
    delete = client.post(f"/admin/mps/programmerow/{row.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403 and ProgrammeRow.objects.filter(pk=row.pk).exists()
    assert AuditEvent.objects.filter(
        object_id=str(row.pk), reason__startswith="DITOLAK (admin, hapus)"
    ).exists()
    data = {k: ("" if v is None else v) for k, v in model_to_dict(row).items()}
    data.update(amount_1=1)
    change = client.post(f"/admin/mps/programmerow/{row.pk}/change/", data)
    assert change.status_code == 403
    assert ProgrammeRow.objects.get(pk=row.pk).amount_1 == 300_000_000
    assert AuditEvent.objects.filter(object_id=str(row.pk), reason__startswith="DITOLAK: ").exists()
    commitment = FundingCommitment.objects.get(year=YEAR)
    gone = client.post(f"/admin/mps/fundingcommitment/{commitment.pk}/delete/", {"post": "yes"})
    assert gone.status_code == 403 and FundingCommitment.objects.filter(pk=commitment.pk).exists()


def test_it_keeps_the_snapshot_and_its_export_when_data_change_after_sign_off(
    signed: Plan, cast: Cast
) -> None:
    snap = mps_freeze.signed_years(signed.pk)[YEAR]
    stored_hash = snap.sha256
    client = _client(cast.pokja_kabkota)
    url = f"/mps/rencana/{signed.pk}/mps/{YEAR}.xlsx"
    before = _xlsx_values(client.get(url).content)
    # a change behind the services' back (a raw update, e.g. a database fix)
    ProgrammeRow.objects.filter(pk=_ipal(signed).pk).update(amount_1=999_000_000, opd="Lain")
    snap = DataSnapshot.objects.get(pk=snap.pk)
    assert snap.sha256 == stored_hash == digest(snap.data)
    assert _xlsx_values(client.get(url).content) == before
    assert any(300_000_000 in row for row in before)
    # the row is now different from what was signed: the freeze sees it
    assert frozen_by(_ipal(signed)) is not None


# --- monev report ---------------------------------------------------------------------


def test_it_snapshots_the_figures_at_submission_and_approval(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    report = report_in("15.07")
    plan = plan_with_sasaran()
    rows, indicators = full_values(plan)
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    submitted = monev_freeze.snapshot_of(report)
    assert submitted.sha256 == digest(submitted.data) and snapshot_intact(submitted)
    assert submitted.data["status"] == "submitted"
    assert submitted.data["budget_total"] == 100_000_000 * plan.rows.count()
    assert submitted.data["indicators"][0]["value"] == "47.50"
    report_return(report=report, by=cast.cf, comment="Bukti kurang")
    node = next(iter(indicators))
    realisation_save(
        report=report,
        rows={},
        indicators={node: {"value": Decimal("48"), "source": "susenas"}},
        by=cast.pokja_kabkota,
    )
    report_submit(report=report, by=cast.pokja_kabkota)
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=report, by=cast.cf)
    approved = monev_freeze.snapshot_of(report)
    assert approved.data["status"] == "approved"
    assert approved.data["indicators"][0]["value"] == "48.00"
    # the first snapshot is kept as it was
    first = DataSnapshot.objects.get(pk=submitted.pk)
    assert first.sha256 == submitted.sha256 and first.data["indicators"][0]["value"] == "47.50"
    RowRealisation.objects.filter(report=report).update(budget=1)  # behind the services
    assert DataSnapshot.objects.get(pk=approved.pk).data == approved.data


def test_it_refuses_monev_writes_after_the_lock_with_the_one_freeze_message(
    cast: Cast,
) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    with pytest.raises(Frozen) as refused:
        realisation_save(report=report, rows=rows, indicators={}, by=cast.pokja_kabkota)
    message = refused.value.messages[0]
    assert FROZEN in message and "diajukan" in message
    assert monev_freeze.snapshot_of(report).sha256[:16] in message
    audit = AuditEvent.objects.get(object_type="monev.report", reason__startswith="DITOLAK")
    assert audit.reason == f"DITOLAK: {message}" and audit.actor == cast.pokja_kabkota
    assert frozen_by(RowRealisation.objects.filter(report=report).first()) is not None


def test_it_refuses_the_monev_page_post_audited_and_shows_the_hash(cast: Cast) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    client = _client(cast.pokja_kabkota)
    page = client.get(f"/monev/15.07/{YEAR}/").content.decode()
    snap = monev_freeze.snapshot_of(report)
    assert 'data-testid="frozen"' in page and snap.sha256[:16] in page
    row = next(iter(rows))
    response = client.post(
        f"/monev/15.07/{YEAR}/simpan/",
        {f"r{row}-budget": "5", f"r{row}-output": "1", f"r{row}-work_status": "selesai"},
        follow=True,
    )
    assert FROZEN in response.content.decode()
    assert RowRealisation.objects.get(report=report, row_id=row).budget == 100_000_000
    refused = AuditEvent.objects.filter(object_type="monev.report", reason__startswith="DITOLAK: ")
    assert refused.count() == 1 and refused.get().actor == cast.pokja_kabkota


def test_it_keeps_the_api_read_only_for_frozen_realisation(cast: Cast) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    client = _client(cast.pokja_kabkota)
    response = client.post("/api/v1/realisasi/", {"budget": 1}, content_type="application/json")
    assert response.status_code in (403, 405)
    assert RowRealisation.objects.filter(report=report, budget=1).count() == 0
