"""Monev (issue 10): typed realisation entry, review and lock, import, aggregates."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from openpyxl import Workbook

from ppsp.audit.models import AuditEvent
from ppsp.monev.aggregates import aggregates_refresh
from ppsp.monev.importer import HEADER, realisation_import
from ppsp.monev.models import Aggregate, KabkotaScore, ReportStatus, RowRealisation
from ppsp.monev.services import (
    ReportLocked,
    realisation_save,
    report_approve,
    report_return,
    report_submit,
)
from tests.conftest import Cast
from tests.monev.support import YEAR, full_values, plan_with_sasaran, report_in, sasaran

pytestmark = pytest.mark.django_db


def _xlsx(lines: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for line in lines:
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_it_saves_typed_values_and_audits_each_change(cast: Cast) -> None:
    report = report_in("15.07")
    plan = plan_with_sasaran()
    rows, indicators = full_values(plan)
    result = realisation_save(
        report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota
    )
    assert result.created == len(rows) + 1
    events = AuditEvent.objects.filter(object_type="monev.rowrealisation")
    assert events.count() == len(rows)


def test_it_refuses_a_missing_number_without_a_not_available_code(cast: Cast) -> None:
    report = report_in("15.07")
    row = plan_with_sasaran().rows.first()
    assert row is not None
    with pytest.raises(ValidationError):
        realisation_save(
            report=report,
            rows={row.pk: {"budget": None, "output": Decimal("1")}},
            indicators={},
            by=cast.pokja_kabkota,
        )
    realisation_save(
        report=report,
        rows={
            row.pk: {
                "budget": None,
                "output": None,
                "na_code": "belum_tersedia",
                "na_reason": "SP2D belum terbit",
            }
        },
        indicators={},
        by=cast.pokja_kabkota,
    )
    assert RowRealisation.objects.get(row=row).na_code == "belum_tersedia"


def test_it_locks_the_period_on_approval_and_audits_the_refusal(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=report, by=cast.cf)
    with pytest.raises(ReportLocked):
        realisation_save(report=report, rows=rows, indicators={}, by=cast.pokja_kabkota)
    refused = AuditEvent.objects.filter(object_type="monev.report", reason__startswith="DITOLAK")
    assert refused.count() == 1
    # approval enqueued the refresh (immediate backend in tests)
    assert KabkotaScore.objects.filter(year=YEAR, status=ReportStatus.APPROVED).count() == 1


def test_it_shows_the_reviewers_comment_on_a_returned_report(cast: Cast) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    with pytest.raises(ValidationError):
        report_return(report=report, by=cast.pokja_provinsi, comment="")
    report_return(report=report, by=cast.pokja_provinsi, comment="Lampirkan SP2D baris IPAL")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(f"/monev/15.07/{YEAR}/").content.decode()
    assert "Lampirkan SP2D baris IPAL" in page
    assert 'data-testid="save"' in page  # returned: editable again


def test_it_audits_every_step_of_the_review_cycle(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    report = report_in("15.07")
    plan = plan_with_sasaran()
    rows, indicators = full_values(plan)
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    report_return(report=report, by=cast.cf, comment="Bukti kurang")
    node = sasaran(plan).pk
    realisation_save(
        report=report,
        rows={},
        indicators={node: {"value": Decimal("48"), "source": "susenas"}},
        by=cast.pokja_kabkota,
    )
    report_submit(report=report, by=cast.pokja_kabkota)
    with django_capture_on_commit_callbacks(execute=True):
        report_approve(report=report, by=cast.cf, comment="Sesuai")
    trail = AuditEvent.objects.filter(object_type="monev.report", object_id=str(report.pk))
    # each lock (submission, approval) also stores a snapshot of the figures (issue 16)
    snapshots = [e for e in trail if e.changes and e.changes[0]["field"] == "snapshot sha256"]
    assert len(snapshots) == 3
    trail = trail.exclude(pk__in=[e.pk for e in snapshots])
    steps = [(e.action, e.changes[0]["new"] if e.changes else None) for e in trail.order_by("pk")]
    assert steps == [
        ("create", YEAR),
        ("transition", "submitted"),
        ("transition", "returned"),
        ("transition", "submitted"),
        ("transition", "approved"),
    ]
    assert trail.get(reason="Bukti kurang").actor == cast.cf
    changed = AuditEvent.objects.get(object_type="monev.indicatorrealisation", action="update")
    assert {c["field"] for c in changed.changes} == {"value", "source"}


def test_it_lets_only_reviewers_approve(cast: Cast) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    with pytest.raises(PermissionDenied):
        report_approve(report=report, by=cast.pokja_kabkota)
    with pytest.raises(PermissionDenied):
        realisation_save(report=report, rows=rows, indicators={}, by=cast.cf)


def test_it_imports_atomically_with_errors_naming_row_and_column(cast: Cast) -> None:
    report = report_in("15.07")
    plan = plan_with_sasaran()
    row_ids = set(plan.rows.values_list("pk", flat=True))
    node = sasaran(plan)
    first = min(row_ids)
    content = _xlsx(
        [
            [
                "baris",
                first,
                5_000_000,
                2,
                "selesai",
                "https://contoh/sp2d",
                None,
                None,
                None,
                None,
            ],
            ["baris", max(row_ids), "lima juta", 1, "berjalan", "", None, None, None, None],
            ["indikator", node.pk, None, None, None, None, None, "ehra", None, None],
        ]
    )
    with pytest.raises(ValidationError) as caught:
        realisation_import(
            report=report,
            filename="realisasi.xlsx",
            content=content,
            row_ids=row_ids,
            node_ids={node.pk},
            by=cast.pokja_kabkota,
        )
    text = " ".join(caught.value.messages)
    assert "realisasi.xlsx, baris 3, kolom realisasi_rp" in text
    assert "baris 4" in text
    assert not RowRealisation.objects.exists()
    good = _xlsx(
        [
            ["baris", first, 5_000_000, 2, "selesai", "", None, None, None, None],
            ["indikator", node.pk, None, None, None, None, 45, "susenas", None, None],
        ]
    )
    result = realisation_import(
        report=report,
        filename="realisasi.xlsx",
        content=good,
        row_ids=row_ids,
        node_ids={node.pk},
        by=cast.pokja_kabkota,
    )
    assert result.created == 2


def test_it_saves_the_grid_form_and_reports_typed_errors(cast: Cast) -> None:
    plan = plan_with_sasaran()
    row = plan.rows.first()
    assert row is not None
    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = f"/monev/15.07/{YEAR}/simpan/"
    bad = client.post(url, {f"r{row.pk}-budget": "banyak", f"r{row.pk}-work_status": "berjalan"})
    assert bad.status_code == 400
    assert not RowRealisation.objects.exists()
    ok = client.post(
        url,
        {
            f"r{row.pk}-budget": "1000",
            f"r{row.pk}-output": "1",
            f"r{row.pk}-work_status": "selesai",
            f"i{sasaran(plan).pk}-value": "44",
            f"i{sasaran(plan).pk}-source": "ehra",
        },
    )
    assert ok.status_code == 302
    assert RowRealisation.objects.get(row=row).budget == 1000


def _approved_everywhere(cast: Cast, codes: list[str]) -> None:
    for code in codes:
        report = report_in(code)
        rows, indicators = full_values(plan_with_sasaran(code))
        realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pmu)
        report_submit(report=report, by=cast.pmu)
        report_approve(report=report, by=cast.pmu)
    aggregates_refresh(YEAR)


def test_it_precomputes_national_and_provincial_aggregates(cast: Cast) -> None:
    _approved_everywhere(cast, ["15.07", "15.71"])
    assert aggregates_refresh(YEAR) == 2
    national = Aggregate.objects.get(area_code="", year=YEAR)
    assert national.data["approved"] == 2 and national.data["access"] == {"air_limbah": 47.5}
    assert Aggregate.objects.get(area_code="15", year=YEAR).data["kabkota"] == 2
    ranks = sorted(KabkotaScore.objects.filter(year=YEAR).values_list("rank_national", flat=True))
    assert ranks[0] == 1


DASHBOARDS = (
    f"/monev/nasional/{YEAR}/",
    f"/monev/peringkat/{YEAR}/",
    f"/monev/provinsi/15/{YEAR}/",
)


def _dashboard_queries(cast: Cast) -> list[int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(cast.pmu)
    counts = []
    for url in DASHBOARDS:
        client.get(url)  # warm the session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert "Terakhir dihitung" in response.content.decode()
        counts.append(len(queries))
    return counts


def test_it_reads_dashboards_with_the_same_queries_for_few_or_many_kabkota(
    cast: Cast, django_assert_max_num_queries: Any
) -> None:
    _approved_everywhere(cast, ["15.07"])
    few = _dashboard_queries(cast)
    _approved_everywhere(cast, ["15.71", "75.01"])
    with django_assert_max_num_queries(12 * len(DASHBOARDS) + 6):
        many = _dashboard_queries(cast)
    assert few == many


def test_it_answers_404_to_a_post_outside_the_scope(cast: Cast) -> None:
    plan_with_sasaran("15.71")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    assert client.post(f"/monev/15.71/{YEAR}/simpan/", {}).status_code == 404
    other = report_in("15.71")
    assert client.post(f"/monev/laporan/{other.pk}/ajukan/").status_code == 404
    client.force_login(cast.cf)  # the CF of 15.07 does not review 15.71
    assert (
        client.post(f"/monev/laporan/{other.pk}/tinjau/", {"action": "approve"}).status_code == 404
    )


def test_it_scopes_the_realisation_api_like_the_ui(cast: Cast) -> None:
    for code in ("15.07", "75.01"):
        rows, indicators = full_values(plan_with_sasaran(code))
        realisation_save(report=report_in(code), rows=rows, indicators=indicators, by=None)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    body = client.get(f"/api/v1/realisasi/?year={YEAR}").json()
    kabkotas = {item["kabkota"] for item in body["results"]}
    assert kabkotas == {"15.07"}
    foreign = RowRealisation.objects.filter(report__region__code="75.01").first()
    assert foreign is not None
    assert client.get(f"/api/v1/realisasi/{foreign.pk}/").status_code == 404
    client.force_login(cast.pmu)
    assert client.get("/api/v1/realisasi-indikator/").json()["count"] == 2
