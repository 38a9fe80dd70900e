"""Shared set-up for the documents and cycles tests (not a test module)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps

from ppsp.cycles.models import CycleProcess, CycleStep, ProcessState, UpdateCycle
from ppsp.cycles.outputs import cycle_set_sk_pokja, meeting_record, work_plan_activity_add
from ppsp.cycles.seed import seed_processes
from ppsp.cycles.services import cycle_open
from ppsp.documents.models import DocType, Document, DocumentVersion, MethodVersion, Status
from ppsp.documents.seed import seed_methods
from ppsp.documents.services import document_create
from ppsp.regions.models import Region


def ensure_seed() -> None:
    """Method versions and Proses templates (data migrations; re-created after a flush)."""
    seed_methods(apps)
    seed_processes(apps)


def method(code: str = "SSK-2016") -> MethodVersion:
    ensure_seed()
    return MethodVersion.objects.get(code=code)


def ssk(code: str, start: int = 2016, end: int = 2020, *, status: str = Status.DRAFT) -> Document:
    """An SSK of kab/kota `code` (version 1 forced to `status`, no workflow)."""
    existing = Document.objects.filter(
        region__code=code, doc_type=DocType.SSK, period_start=start
    ).first()
    if existing is not None:
        return existing
    document = document_create(
        region=Region.objects.get(code=code),
        doc_type=DocType.SSK,
        method_version=method("SSK-2016"),
        period_start=start,
        period_end=end,
        by=None,
    )
    DocumentVersion.objects.filter(document=document).update(status=status)
    return document


def cycle(code: str, year: int = 2026) -> UpdateCycle:
    existing = UpdateCycle.objects.filter(region__code=code, fiscal_year=year).first()
    if existing is not None:
        return existing
    return cycle_open(
        region=Region.objects.get(code=code),
        fiscal_year=year,
        method_version=method("SSK-2017"),
        by=None,
    )


def process(code: str, number: int = 1, year: int = 2026) -> CycleProcess:
    return cycle(code, year).processes.get(number=number)


def fill_proses1(target: UpdateCycle, by: Any = None) -> None:
    cycle_set_sk_pokja(cycle=target, number="188.4/12/2026", date=dt.date(2026, 1, 20), by=by)
    work_plan_activity_add(
        cycle=target,
        activity="Rapat internalisasi",
        responsible_opd="Bappeda",
        start_date=dt.date(2026, 2, 1),
        end_date=dt.date(2026, 2, 28),
        by=by,
    )
    meeting_record(
        cycle=target,
        held_on=dt.date(2026, 2, 10),
        title="Penyamaan persepsi pemutakhiran SSK",
        attendees_male=14,
        attendees_female=9,
        agreements="SSK 2016–2020 dimutakhirkan pada tahun anggaran 2026.",
        by=by,
    )


def satisfy_gates(target: CycleProcess) -> None:
    """Make every gate of `target` hold: steps done, outputs recorded, earlier processes done."""
    cycle_ = target.cycle
    CycleStep.objects.filter(process=target).update(done=True)
    CycleProcess.objects.filter(cycle=cycle_, number__lt=target.number).update(
        state=ProcessState.SELESAI
    )
    UpdateCycle.objects.filter(pk=cycle_.pk).update(
        sk_pokja_number="1/2026",
        sk_pokja_date=dt.date(2026, 1, 5),
        konsultasi_publik_closed_on=dt.date(2026, 11, 1),
        pengesahan_on=dt.date(2026, 11, 20),
        pengesahan_number="Perbup 40/2026",
    )
    if not cycle_.activities.exists():
        cycle_.activities.create(
            activity="Kegiatan",
            responsible_opd="Bappeda",
            start_date=dt.date(2026, 2, 1),
            end_date=dt.date(2026, 3, 1),
        )
    if not cycle_.meetings.exists():
        cycle_.meetings.create(
            held_on=dt.date(2026, 2, 1), title="Rapat", attendees_male=1, agreements="Setuju"
        )
    if target.number == 3:  # Proses 3 prerequisite of ppsp.scenarios: a chosen scenario
        from tests.scenarios.planning_support import choose_scenario_for

        choose_scenario_for(cycle_.region.code, cycle_.fiscal_year)
