"""Process status of an update cycle: one transition table run by `core.workflow`.

States follow the brief of issue 4 (belum mulai, berjalan, menunggu verifikasi, selesai,
terlambat); the CF signs a process off (domain-ppsp.md §2.3: the CF assists the Pokja
and reports on its progress). Gates come from §3.2: Proses 1 yields the SK Pokja, the
work plan and its meetings; Proses 5 (finalisasi) needs konsultasi publik before the
Kepala Daerah's pengesahan. Each gate rule is a named guard of the submit and sign-off
steps; other apps add sign-off prerequisites through `cycles.prerequisites`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Guard, Step, Workflow, guard
from ppsp.cycles import prerequisites
from ppsp.cycles.models import CycleProcess
from ppsp.cycles.models.cycle import ProcessState as S


class ProcessAction:
    START = "mulai"
    SUBMIT = "ajukan"
    RETURN = "kembalikan"
    SIGN_OFF = "setujui"
    MARK_LATE = "tandai_terlambat"  # the daily check, by=None (system) or a runner


ACTION_LABELS = {
    ProcessAction.START: "Mulai proses",
    ProcessAction.SUBMIT: "Ajukan untuk verifikasi",
    ProcessAction.RETURN: "Kembalikan untuk perbaikan",
    ProcessAction.SIGN_OFF: "Setujui (verifikasi CF)",
    ProcessAction.MARK_LATE: "Tandai terlambat",
}
ACTIONS = tuple(ACTION_LABELS)
# Actions whose gate must hold (checked again at sign-off: data may change in between).
GATED = frozenset({ProcessAction.SUBMIT, ProcessAction.SIGN_OFF})


@dataclass(frozen=True)
class GateFacts:
    """What the gate rules look at, gathered from the database by `gate_facts`."""

    number: int
    gate: str
    steps_total: int
    steps_done: int
    previous_done: bool
    sk_pokja: bool = False
    activities: int = 0
    meetings: int = 0
    konsultasi_closed: bool = False
    pengesahan: bool = False


# -- the gate rules (pure: facts in, the Indonesian reason or None out) ----------------


def _steps(f: GateFacts) -> str | None:
    if f.steps_done < f.steps_total:
        return f"Baru {f.steps_done} dari {f.steps_total} langkah yang ditandai selesai."
    return None


def _sk_pokja(f: GateFacts) -> str | None:
    if f.gate == "proses1" and not f.sk_pokja:
        return "SK Pokja yang diperbarui (nomor dan tanggal) belum dicatat."
    return None


def _activities(f: GateFacts) -> str | None:
    if f.gate == "proses1" and f.activities == 0:
        return "Rencana kerja Pokja belum berisi kegiatan."
    return None


def _meetings(f: GateFacts) -> str | None:
    if f.gate == "proses1" and f.meetings == 0:
        return "Belum ada rapat internalisasi beserta daftar hadir yang dicatat."
    return None


def _konsultasi(f: GateFacts) -> str | None:
    if f.gate == "finalisasi" and not f.konsultasi_closed:
        return "Konsultasi publik belum ditutup."
    return None


def _pengesahan(f: GateFacts) -> str | None:
    if f.gate == "finalisasi" and not f.pengesahan:
        return "Pengesahan oleh Kepala Daerah belum dicatat."
    return None


def _previous(f: GateFacts) -> str | None:
    if not f.previous_done:
        return f"Proses {f.number - 1} harus selesai sebelum Proses {f.number}."
    return None


GATE_RULES: tuple[tuple[str, Callable[[GateFacts], str | None]], ...] = (
    ("langkah_selesai", _steps),
    ("sk_pokja_dicatat", _sk_pokja),
    ("rencana_kerja_berisi", _activities),
    ("rapat_internalisasi", _meetings),
    ("konsultasi_ditutup", _konsultasi),
    ("pengesahan_dicatat", _pengesahan),
)
SIGN_OFF_RULES = (("proses_sebelumnya_selesai", _previous),)


def gate_problems(facts: GateFacts, action: str) -> list[str]:
    """Why `action` may not happen yet, in Bahasa Indonesia; empty when the gate holds."""
    if action not in GATED:
        return []
    rules = GATE_RULES + (SIGN_OFF_RULES if action == ProcessAction.SIGN_OFF else ())
    return [problem for _name, rule in rules if (problem := rule(facts))]


def is_late(state: str, due_date: dt.date, today: dt.date) -> bool:
    """Late: marked so, or past its due date without being finished."""
    return state == S.TERLAMBAT or (state != S.SELESAI and due_date < today)


# -- reading the facts and the guards --------------------------------------------------


def gate_facts(process: CycleProcess) -> GateFacts:
    cycle = process.cycle
    steps = list(process.steps.values_list("done", flat=True))
    previous_done = (
        process.number == 1
        or not CycleProcess.objects.filter(cycle=cycle, number__lt=process.number)
        .exclude(state=S.SELESAI)
        .exists()
    )
    return GateFacts(
        number=process.number,
        gate=process.gate,
        steps_total=len(steps),
        steps_done=sum(steps),
        previous_done=previous_done,
        sk_pokja=bool(cycle.sk_pokja_number and cycle.sk_pokja_date),
        activities=cycle.activities.count(),
        meetings=cycle.meetings.count(),
        konsultasi_closed=cycle.konsultasi_publik_closed_on is not None,
        pengesahan=cycle.pengesahan_on is not None,
    )


def _gate_guard(name: str, rule: Callable[[GateFacts], str | None]) -> Guard:
    return Guard(name, lambda ctx: rule(ctx.memo("facts", lambda: gate_facts(ctx.obj))))


GATE_GUARDS = tuple(_gate_guard(name, rule) for name, rule in GATE_RULES)
SIGN_OFF_GUARDS = (
    *GATE_GUARDS,
    *(_gate_guard(name, rule) for name, rule in SIGN_OFF_RULES),
    Guard("prasyarat_aplikasi", lambda ctx: prerequisites.problems(ctx.obj)),
)


@guard("lewat_tenggat")
def past_due(ctx: Context) -> str | None:
    day = ctx.kw.get("today") or timezone.localdate()
    process = ctx.obj
    if process.due_date >= day:
        return f"Proses {process.number} belum melewati tenggat {process.due_date:%d-%m-%Y}."
    return None


def _validate(ctx: Context) -> None:
    if ctx.action == ProcessAction.RETURN and not str(ctx.kw.get("reason", "")).strip():
        raise ValidationError({"reason": "Tuliskan catatan apa yang perlu diperbaiki."})


_RUN, _SIGN = Permission.RUN_CYCLE, Permission.SIGN_OFF_PROCESS
A = ProcessAction
WORKFLOW = Workflow(
    name="cycles.process",
    field="state",
    states=S,
    actions=ACTION_LABELS,
    steps=[
        Step(S.BELUM_MULAI, A.START, S.BERJALAN, _RUN),
        Step(S.BERJALAN, A.SUBMIT, S.MENUNGGU_VERIFIKASI, _RUN, GATE_GUARDS),
        Step(S.TERLAMBAT, A.SUBMIT, S.MENUNGGU_VERIFIKASI, _RUN, GATE_GUARDS),
        Step(S.MENUNGGU_VERIFIKASI, A.RETURN, S.BERJALAN, _SIGN),
        Step(S.MENUNGGU_VERIFIKASI, A.SIGN_OFF, S.SELESAI, _SIGN, SIGN_OFF_GUARDS),
        Step(S.BELUM_MULAI, A.MARK_LATE, S.TERLAMBAT, _RUN, (past_due,), False, True),
        Step(S.BERJALAN, A.MARK_LATE, S.TERLAMBAT, _RUN, (past_due,), False, True),
    ],
    region_code=lambda process: str(process.cycle.region.code),
    attempted=lambda process, action: f"status proses {process.number} '{action}'",
    not_allowed=lambda process, action, state: (
        f"Tindakan '{action}' tidak dapat dilakukan pada proses berstatus '{S(state).label}'."
    ),
    strict_user=True,
    validate=_validate,
    select_related=("cycle__region",),
)
TRANSITIONS: dict[tuple[str, str], tuple[str, Permission | None]] = {
    key: (step.target, step.permission) for key, step in WORKFLOW.table.items()
}


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    """(new state, permission needed) or None when the table does not allow the action."""
    step = WORKFLOW.table.get((state, action))
    return None if step is None or step.permission is None else (step.target, step.permission)


def available(state: str) -> list[str]:
    return WORKFLOW.actions_from(state)
