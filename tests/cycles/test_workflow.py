"""Process workflow of an update cycle: every state × action, permissions and gates."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ppsp.audit.models import Action, AuditEvent
from ppsp.core.permissions import ROLE_PERMISSIONS
from ppsp.cycles.models import CycleProcess, CycleStep, ProcessState, UpdateCycle
from ppsp.cycles.services import process_transition, processes_mark_overdue
from ppsp.cycles.workflow import ACTIONS, TRANSITIONS, GateFacts, ProcessAction, gate_problems
from tests.conftest import Cast
from tests.cycles.support import cycle, ensure_seed, process, satisfy_gates


@pytest.fixture(autouse=True)
def _seeded(regions: None) -> None:
    ensure_seed()


PAST = dt.date(2027, 6, 1)  # after every due date of fiscal year 2026
BEFORE_DUE = dt.date(2026, 1, 2)

EXPECTED = {
    ("belum_mulai", "mulai"): "berjalan",
    ("berjalan", "ajukan"): "menunggu_verifikasi",
    ("terlambat", "ajukan"): "menunggu_verifikasi",
    ("menunggu_verifikasi", "kembalikan"): "berjalan",
    ("menunggu_verifikasi", "setujui"): "selesai",
    ("belum_mulai", "tandai_terlambat"): "terlambat",
    ("berjalan", "tandai_terlambat"): "terlambat",
}


def test_it_has_the_documented_transition_table() -> None:
    assert {key: new for key, (new, _) in TRANSITIONS.items()} == EXPECTED


@pytest.mark.parametrize(("state", "action"), list(itertools.product(ProcessState.values, ACTIONS)))
@pytest.mark.parametrize("number", [1, 3, 5])
def test_it_allows_exactly_the_table_for_every_state_and_action(
    cast: Cast, state: str, action: str, number: int
) -> None:
    target = process("15.07", number)
    satisfy_gates(target)
    CycleProcess.objects.filter(pk=target.pk).update(state=state)
    target.refresh_from_db()
    if (state, action) in EXPECTED:
        done = process_transition(
            obj=target, action=action, by=cast.pmu, reason="catatan", today=PAST
        )
        assert done.state == EXPECTED[(state, action)]
        event = AuditEvent.objects.filter(object_type="cycles.cycleprocess").first()
        assert event is not None and event.action == Action.TRANSITION
        assert event.changes == [{"field": "state", "old": state, "new": done.state}]
    else:
        with pytest.raises(ValidationError, match="tidak dapat dilakukan"):
            process_transition(obj=target, action=action, by=cast.pmu, reason="x", today=PAST)
        target.refresh_from_db()
        assert target.state == state


@pytest.mark.parametrize(("state", "action"), list(EXPECTED))
@pytest.mark.parametrize(
    "role", ["pokja_provinsi", "pf", "cf", "pokja_kabkota", "kepala_daerah", "public"]
)
def test_it_checks_the_permission_of_each_transition(
    cast: Cast, role: str, state: str, action: str
) -> None:
    target = process("15.07", 2)
    satisfy_gates(target)
    CycleProcess.objects.filter(pk=target.pk).update(state=state)
    target.refresh_from_db()
    permission = TRANSITIONS[(state, action)][1]
    user = getattr(cast, role)
    if permission in ROLE_PERMISSIONS[role]:
        process_transition(obj=target, action=action, by=user, reason="ok", today=PAST)
    else:
        with pytest.raises(PermissionDenied):
            process_transition(obj=target, action=action, by=user, reason="ok", today=PAST)


def test_it_refuses_a_cf_of_another_kabkota(cast: Cast) -> None:
    target = process("15.71", 1)
    with pytest.raises(PermissionDenied):
        process_transition(obj=target, action=ProcessAction.START, by=cast.cf)


def test_it_gates_proses1_on_sk_pokja_work_plan_and_meeting(cast: Cast) -> None:
    target = process("15.07", 1)
    process_transition(obj=target, action=ProcessAction.START, by=cast.pokja_kabkota)
    with pytest.raises(ValidationError) as caught:
        process_transition(obj=target, action=ProcessAction.SUBMIT, by=cast.pokja_kabkota)
    text = " ".join(caught.value.messages)
    assert "SK Pokja yang diperbarui" in text
    assert "Rencana kerja Pokja belum berisi kegiatan" in text
    assert "Belum ada rapat internalisasi" in text
    assert "langkah yang ditandai selesai" in text


def test_it_gates_proses5_on_konsultasi_publik_and_pengesahan(cast: Cast) -> None:
    target = process("15.07", 5)
    satisfy_gates(target)
    UpdateCycle.objects.filter(pk=target.cycle_id).update(
        konsultasi_publik_closed_on=None, pengesahan_on=None
    )
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    target.refresh_from_db()
    with pytest.raises(ValidationError) as caught:
        process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    assert caught.value.messages == [
        "Konsultasi publik belum ditutup.",
        "Pengesahan oleh Kepala Daerah belum dicatat.",
    ]
    UpdateCycle.objects.filter(pk=target.cycle_id).update(
        konsultasi_publik_closed_on=dt.date(2026, 11, 1)
    )
    with pytest.raises(ValidationError, match="Pengesahan oleh Kepala Daerah"):
        process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    UpdateCycle.objects.filter(pk=target.cycle_id).update(pengesahan_on=dt.date(2026, 11, 5))
    assert process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf).state == (
        ProcessState.SELESAI
    )


def test_it_signs_off_a_process_only_after_the_previous_one(cast: Cast) -> None:
    target = process("15.07", 3)
    satisfy_gates(target)
    CycleProcess.objects.filter(cycle=target.cycle, number=2).update(state="berjalan")
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    target.refresh_from_db()
    with pytest.raises(ValidationError, match="Proses 2 harus selesai sebelum Proses 3"):
        process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)


def test_it_records_who_signed_off_and_needs_a_reason_to_return(cast: Cast) -> None:
    target = process("15.07", 1)
    satisfy_gates(target)
    CycleProcess.objects.filter(pk=target.pk).update(state=ProcessState.MENUNGGU_VERIFIKASI)
    target.refresh_from_db()
    with pytest.raises(ValidationError, match="catatan"):
        process_transition(obj=target, action=ProcessAction.RETURN, by=cast.cf)
    done = process_transition(obj=target, action=ProcessAction.SIGN_OFF, by=cast.cf)
    assert done.signed_off_by == cast.cf and done.signed_off_at is not None


def test_it_marks_late_only_after_the_due_date(cast: Cast) -> None:
    target = process("15.07", 1)
    with pytest.raises(ValidationError, match="belum melewati tenggat"):
        process_transition(obj=target, action=ProcessAction.MARK_LATE, by=None, today=BEFORE_DUE)
    assert processes_mark_overdue(today=dt.date(2026, 7, 1)) == 2  # Proses 1 (Mar), 2 (Jun)
    states = dict(target.cycle.processes.values_list("number", "state"))
    assert states == {
        1: "terlambat",
        2: "terlambat",
        3: "belum_mulai",
        4: "belum_mulai",
        5: "belum_mulai",
    }


def test_it_lets_only_the_system_act_without_a_user() -> None:
    target = process("15.07", 1)
    with pytest.raises(PermissionDenied):
        process_transition(obj=target, action=ProcessAction.START, by=None)


def test_it_seeds_five_processes_with_due_dates_inside_the_fiscal_year() -> None:
    opened = cycle("15.07", 2026)
    processes = list(opened.processes.order_by("number"))
    assert [p.number for p in processes] == [1, 2, 3, 4, 5]
    assert processes[0].name == "Internalisasi dan penyamaan persepsi"
    assert all(p.due_date.year == 2026 for p in processes)
    assert [p.due_date for p in processes] == sorted(p.due_date for p in processes)
    assert CycleStep.objects.filter(process__cycle=opened).count() == 3 + 7 + 6 + 7 + 3


@pytest.mark.parametrize("action", [ProcessAction.START, ProcessAction.RETURN, "lain"])
def test_it_has_no_gate_for_ungated_actions(action: str) -> None:
    facts = GateFacts(number=1, gate="proses1", steps_total=3, steps_done=0, previous_done=True)
    assert gate_problems(facts, action) == []
