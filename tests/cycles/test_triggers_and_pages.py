"""Triggers gathered from the database, the overview selectors and the cycle pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ppsp.cycles.models import CycleProcess, IndicatorValue, ProcessState, TriggerPolicy
from ppsp.cycles.selectors import pending_for_facilitator, process_counts
from ppsp.cycles.services import rpjmd_period_create
from ppsp.cycles.trigger_data import triggers_for
from ppsp.documents.models import Status
from ppsp.regions.models import Region
from tests.conftest import Cast
from tests.cycles.support import cycle, ensure_seed, fill_proses1, method, process, ssk


@pytest.fixture(autouse=True)
def _seeded(regions: None) -> None:
    ensure_seed()


def _by_code(rows: list[Any]) -> dict[str, dict[str, Any]]:
    return {row.region.code: {r.key: r for r in row.results} for row in rows}


def test_it_fires_all_four_triggers_for_the_demo_situation(cast: Cast) -> None:
    ssk("15.07", 2016, 2020, status=Status.APPROVED)
    rpjmd_period_create(
        region=Region.objects.get(code="15.07"),
        start_year=2021,
        end_year=2026,
        perda_number="4/2021",
        by=cast.pmu,
    )
    IndicatorValue.objects.create(
        region=Region.objects.get(code="15.07"),
        indicator_key="akses-sanitasi-layak",
        year=2024,
        value=78.0,
    )
    results = _by_code(triggers_for(cast.cf, as_of_year=2026))["15.07"]
    assert all(r.fired for r in results.values())
    assert "SSK 2016–2020 sudah berlaku 11 tahun" in results["periode"].reason
    assert "RPJMD 2021–2026 (Perda 4/2021)" in results["rpjmd"].reason
    assert "0 dari 13 butir data tersedia" in results["data"].reason
    assert "78 pada 2024" in results["akses_universal"].reason


@pytest.mark.parametrize(("year", "fired"), [(2020, False), (2021, True)])
def test_it_applies_the_five_year_boundary(cast: Cast, year: int, fired: bool) -> None:
    ssk("15.07", 2016, 2020, status=Status.APPROVED)  # only an approved SSK is in force
    assert _by_code(triggers_for(cast.pmu, as_of_year=year))["15.07"]["periode"].fired is fired


def test_it_reads_the_completeness_threshold_from_the_policy(cast: Cast) -> None:
    ssk("15.07")
    assert _by_code(triggers_for(cast.pmu))["15.07"]["data"].fired  # no data stored: 0 %
    TriggerPolicy.objects.create(max_age_years=5, completeness_threshold=0.0)
    assert not _by_code(triggers_for(cast.pmu))["15.07"]["data"].fired


def test_it_shows_only_kabkota_in_scope(cast: Cast) -> None:
    for code in ("15.07", "15.71", "75.01"):
        ssk(code)
    assert set(_by_code(triggers_for(cast.cf))) == {"15.07"}
    assert set(_by_code(triggers_for(cast.pf))) == {"15.07", "15.71"}
    assert set(_by_code(triggers_for(cast.pmu))) == {"15.07", "15.71", "75.01"}
    assert triggers_for(cast.public) == []


def test_it_gathers_triggers_in_a_fixed_number_of_queries(cast: Cast) -> None:
    ssk("15.07")
    triggers_for(cast.pmu)  # warm the scope cache
    with CaptureQueriesContext(connection) as one:
        triggers_for(cast.pmu)
    for code in ("15.71", "75.01", "15.01", "15.02"):
        ssk(code)
        rpjmd_period_create(
            region=Region.objects.get(code=code), start_year=2021, end_year=2026, by=None
        )
    with CaptureQueriesContext(connection) as five:
        rows = triggers_for(cast.pmu)
    assert len(rows) == 5
    assert len(five.captured_queries) == len(one.captured_queries)


def test_it_counts_cycles_by_process_state_and_lateness(cast: Cast) -> None:
    cycle("15.07")
    cycle("15.71")
    CycleProcess.objects.filter(cycle__region__code="15.07", number=1).update(
        state=ProcessState.SELESAI
    )
    rows = process_counts(cast.pmu, today=dt.date(2026, 4, 1))
    first = rows[0]
    assert (first["number"], first["total"], first["selesai"], first["belum_mulai"]) == (1, 2, 1, 1)
    assert first["late"] == 1  # 15.71's Proses 1 was due on 31 March
    assert rows[1]["late"] == 0
    assert [r["total"] for r in process_counts(cast.cf)] == [1] * 5
    assert process_counts(cast.public) == []


def test_it_lists_what_waits_for_the_facilitator(cast: Cast) -> None:
    target = process("15.07", 1)
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    pending = pending_for_facilitator(cast.cf, today=dt.date(2026, 7, 1))
    assert [p.pk for p in pending.to_verify] == [target.pk]
    assert [p.number for p in pending.late] == [2]
    assert pending_for_facilitator(cast.pokja_kabkota).total == 0


def test_it_lets_a_cf_complete_proses1_through_the_pages(cast: Cast) -> None:
    opened = cycle("15.07")
    target = opened.processes.get(number=1)
    client = Client()
    client.force_login(cast.cf)
    transition = reverse("cycles:process_transition", kwargs={"pk": target.pk})
    client.post(transition, {"action": "mulai"})
    page = client.post(transition, {"action": "ajukan"}, follow=True).content.decode()
    assert "SK Pokja yang diperbarui (nomor dan tanggal) belum dicatat." in page
    fill_proses1(opened, by=cast.cf)
    steps = list(target.steps.values_list("pk", flat=True))
    client.post(reverse("cycles:steps", kwargs={"pk": target.pk}), {"done": steps})
    client.post(transition, {"action": "ajukan"})
    client.post(transition, {"action": "setujui"})
    target.refresh_from_db()
    assert target.state == ProcessState.SELESAI and target.signed_off_by == cast.cf
    pmu = Client()
    pmu.force_login(cast.pmu)
    overview = pmu.get(reverse("cycles:index")).content.decode()
    assert 'data-testid="done-1">1<' in overview


def test_it_locks_proses1_outputs_once_submitted(cast: Cast) -> None:
    opened = cycle("15.07")
    CycleProcess.objects.filter(cycle=opened, number=1).update(state=ProcessState.SELESAI)
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.post(
        reverse("cycles:sk_pokja", kwargs={"pk": opened.pk}),
        {"number": "2/2026", "date": "2026-01-03"},
        follow=True,
    ).content.decode()
    assert "keluarannya terkunci" in page
    opened.refresh_from_db()
    assert opened.sk_pokja_number == ""


def test_it_opens_a_cycle_from_the_kabkota_page(cast: Cast) -> None:
    ssk("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("cycles:kabkota", kwargs={"code": "15.07"})).content.decode()
    assert "Periode SSK lebih dari 5 tahun" in page
    method_version = method("SSK-2017")
    url = reverse("cycles:open", kwargs={"code": "15.07"})
    response = client.post(url, {"fiscal_year": 2026, "method_version": method_version.pk})
    assert response.status_code == 302
    again = client.post(
        url, {"fiscal_year": 2026, "method_version": method_version.pk}, follow=True
    )
    assert "sudah dibuka" in again.content.decode()


def test_it_refuses_pengesahan_before_konsultasi_publik(cast: Cast) -> None:
    opened = cycle("15.07")
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.post(
        reverse("cycles:finalisasi", kwargs={"pk": opened.pk}),
        {"pengesahan_on": "2026-11-05", "pengesahan_number": "40/2026"},
        follow=True,
    ).content.decode()
    assert "setelah konsultasi publik ditutup" in page


RUNS = {"own": {"pmu", "cf", "pokja_kabkota"}, "other_kabkota": {"pmu"}, "other_province": {"pmu"}}
TARGET_CODES = {"own": "15.07", "other_kabkota": "15.71", "other_province": "75.01"}


@pytest.mark.parametrize("target", list(TARGET_CODES))
@pytest.mark.parametrize(
    "role", ["pmu", "pokja_provinsi", "pf", "cf", "pokja_kabkota", "kepala_daerah", "public"]
)
def test_it_refuses_cycle_writes_outside_scope_with_404(cast: Cast, role: str, target: str) -> None:
    opened = cycle(TARGET_CODES[target])
    client = Client()
    client.force_login(getattr(cast, role))
    url = reverse("cycles:sk_pokja", kwargs={"pk": opened.pk})
    response = client.post(url, {"number": "9/2026", "date": "2026-01-09"})
    assert response.status_code == (302 if role in RUNS[target] else 404)
    step_url = reverse("cycles:steps", kwargs={"pk": opened.processes.get(number=1).pk})
    assert client.post(step_url, {}).status_code == (302 if role in RUNS[target] else 404)


def test_it_extends_the_facilitator_workload_of_part_a(cast: Cast) -> None:
    from dataclasses import dataclass, field

    from ppsp.cycles.selectors import extend_workload

    @dataclass
    class Workload:  # the shape of programme.selectors.Workload
        kabkota_codes: list[str]
        pending_reviews: list[Any] = field(default_factory=list)
        overdue_processes: list[Any] = field(default_factory=list)

    ssk("15.07", status=Status.SUBMITTED)
    target = process("15.07", 1)
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    process("15.71", 1)
    workload = extend_workload(Workload(["15.07"]), today=dt.date(2026, 7, 1))
    assert [type(item).__name__ for item in workload.pending_reviews] == [
        "DocumentVersion",
        "CycleProcess",
    ]
    assert [p.number for p in workload.overdue_processes] == [2]
    assert extend_workload(Workload([])).pending_reviews == []
