"""Writes for process outputs: Proses 1 (SK Pokja, rencana kerja, rapat) and the Proses 5
stand-in flags (konsultasi publik closed, pengesahan), each audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.services import audited_update
from ppsp.core.permissions import Permission
from ppsp.cycles.models import CycleProcess, Meeting, ProcessState, UpdateCycle, WorkPlanActivity
from ppsp.cycles.services import require

CLOSED_MESSAGE = (
    "Proses {number} sudah diajukan atau selesai; keluarannya terkunci. "
    "Minta CF mengembalikan proses bila perlu diperbaiki."
)


def _ensure_open(cycle: UpdateCycle, number: int) -> None:
    state = (
        CycleProcess.objects.filter(cycle=cycle, number=number)
        .values_list("state", flat=True)
        .first()
    )
    if state in (ProcessState.MENUNGGU_VERIFIKASI, ProcessState.SELESAI):
        raise ValidationError(CLOSED_MESSAGE.format(number=number))


def _locked_cycle(cycle: UpdateCycle, by: Any) -> UpdateCycle:
    locked = UpdateCycle.objects.select_for_update().select_related("region").get(pk=cycle.pk)
    require(by, Permission.RUN_CYCLE, locked.region.code)
    return locked


@transaction.atomic
def cycle_set_sk_pokja(*, cycle: UpdateCycle, number: str, date: dt.date, by: Any) -> UpdateCycle:
    cycle = _locked_cycle(cycle, by)
    _ensure_open(cycle, 1)
    if not number.strip():
        raise ValidationError({"sk_pokja_number": "Nomor SK Pokja wajib diisi."})
    if date.year > cycle.fiscal_year:
        raise ValidationError(
            {"sk_pokja_date": "Tanggal SK Pokja tidak boleh setelah tahun anggaran siklus."}
        )
    fields = ("sk_pokja_number", "sk_pokja_date")
    with audited_update(cycle, fields, actor=by, region_code=cycle.region.code):
        cycle.sk_pokja_number, cycle.sk_pokja_date = number.strip(), date
        cycle.full_clean()
        cycle.save(update_fields=list(fields))
    return cycle


@transaction.atomic
def work_plan_activity_add(
    *,
    cycle: UpdateCycle,
    activity: str,
    responsible_opd: str,
    start_date: dt.date,
    end_date: dt.date,
    by: Any,
) -> WorkPlanActivity:
    cycle = _locked_cycle(cycle, by)
    _ensure_open(cycle, 1)
    if end_date < start_date:
        raise ValidationError({"end_date": "Tanggal selesai tidak boleh sebelum tanggal mulai."})
    item = WorkPlanActivity(
        cycle=cycle,
        activity=activity.strip(),
        responsible_opd=responsible_opd.strip(),
        start_date=start_date,
        end_date=end_date,
    )
    fields = ("activity", "responsible_opd", "start_date", "end_date")
    with audited_update(item, fields, actor=by, created=True, region_code=cycle.region.code):
        item.full_clean()
        item.save()
    return item


@transaction.atomic
def meeting_record(
    *,
    cycle: UpdateCycle,
    held_on: dt.date,
    title: str,
    attendees_male: int,
    attendees_female: int,
    agreements: str,
    by: Any,
    process_number: int = 1,
) -> Meeting:
    cycle = _locked_cycle(cycle, by)
    _ensure_open(cycle, process_number)
    if attendees_male + attendees_female == 0:
        raise ValidationError(
            {"attendees_male": "Catat jumlah peserta rapat (laki-laki/perempuan)."}
        )
    if not agreements.strip():
        raise ValidationError({"agreements": "Tuliskan kesepakatan rapat."})
    meeting = Meeting(
        cycle=cycle,
        process_number=process_number,
        held_on=held_on,
        title=title.strip(),
        attendees_male=attendees_male,
        attendees_female=attendees_female,
        agreements=agreements.strip(),
    )
    fields = ("held_on", "title", "attendees_male", "attendees_female", "agreements")
    with audited_update(meeting, fields, actor=by, created=True, region_code=cycle.region.code):
        meeting.full_clean()
        meeting.save()
    return meeting


@transaction.atomic
def cycle_set_finalisasi(
    *,
    cycle: UpdateCycle,
    konsultasi_publik_closed_on: dt.date | None,
    pengesahan_on: dt.date | None,
    pengesahan_number: str,
    by: Any,
) -> UpdateCycle:
    """Stand-in for the consultation app: record when konsultasi publik closed and the
    pengesahan; pengesahan cannot precede the close of the konsultasi (§3.2 Proses 5)."""
    cycle = _locked_cycle(cycle, by)
    _ensure_open(cycle, 5)
    if pengesahan_on is not None:
        if konsultasi_publik_closed_on is None:
            raise ValidationError(
                {
                    "pengesahan_on": "Pengesahan hanya dapat dicatat setelah konsultasi publik "
                    "ditutup."
                }
            )
        if pengesahan_on < konsultasi_publik_closed_on:
            raise ValidationError(
                {
                    "pengesahan_on": "Tanggal pengesahan tidak boleh sebelum konsultasi publik "
                    "ditutup."
                }
            )
        if not pengesahan_number.strip():
            raise ValidationError({"pengesahan_number": "Nomor pengesahan wajib diisi."})
    fields = ("konsultasi_publik_closed_on", "pengesahan_on", "pengesahan_number")
    with audited_update(cycle, fields, actor=by, region_code=cycle.region.code):
        cycle.konsultasi_publik_closed_on = konsultasi_publik_closed_on
        cycle.pengesahan_on = pengesahan_on
        cycle.pengesahan_number = pengesahan_number.strip()
        cycle.full_clean()
        cycle.save(update_fields=list(fields))
    return cycle
