"""Process status of an update cycle: one pure transition table and the gate rules.

States follow the brief of issue 4 (belum mulai, berjalan, menunggu verifikasi, selesai,
terlambat); the CF signs a process off (domain-ppsp.md §2.3: the CF assists the Pokja
and reports on its progress). Gates come from §3.2: Proses 1 yields the SK Pokja, the
work plan and its meetings; Proses 5 (finalisasi) needs konsultasi publik before the
Kepala Daerah's pengesahan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ppsp.core.permissions import Permission
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

TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (S.BELUM_MULAI, ProcessAction.START): (S.BERJALAN, Permission.RUN_CYCLE),
    (S.BERJALAN, ProcessAction.SUBMIT): (S.MENUNGGU_VERIFIKASI, Permission.RUN_CYCLE),
    (S.TERLAMBAT, ProcessAction.SUBMIT): (S.MENUNGGU_VERIFIKASI, Permission.RUN_CYCLE),
    (S.MENUNGGU_VERIFIKASI, ProcessAction.RETURN): (S.BERJALAN, Permission.SIGN_OFF_PROCESS),
    (S.MENUNGGU_VERIFIKASI, ProcessAction.SIGN_OFF): (S.SELESAI, Permission.SIGN_OFF_PROCESS),
    (S.BELUM_MULAI, ProcessAction.MARK_LATE): (S.TERLAMBAT, Permission.RUN_CYCLE),
    (S.BERJALAN, ProcessAction.MARK_LATE): (S.TERLAMBAT, Permission.RUN_CYCLE),
}
# Actions whose gate must hold (checked again at sign-off: data may change in between).
GATED = frozenset({ProcessAction.SUBMIT, ProcessAction.SIGN_OFF})


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    return TRANSITIONS.get((state, action))


def available(state: str) -> list[str]:
    return [a for a in ACTIONS if (state, a) in TRANSITIONS and a != ProcessAction.MARK_LATE]


@dataclass(frozen=True)
class GateFacts:
    """What the gate rules look at, gathered by the service from the database."""

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


def gate_problems(facts: GateFacts, action: str) -> list[str]:
    """Why `action` may not happen yet, in Bahasa Indonesia; empty when the gate holds."""
    if action not in GATED:
        return []
    problems: list[str] = []
    if facts.steps_done < facts.steps_total:
        problems.append(
            f"Baru {facts.steps_done} dari {facts.steps_total} langkah yang ditandai selesai."
        )
    if facts.gate == "proses1":
        if not facts.sk_pokja:
            problems.append("SK Pokja yang diperbarui (nomor dan tanggal) belum dicatat.")
        if facts.activities == 0:
            problems.append("Rencana kerja Pokja belum berisi kegiatan.")
        if facts.meetings == 0:
            problems.append("Belum ada rapat internalisasi beserta daftar hadir yang dicatat.")
    if facts.gate == "finalisasi":
        if not facts.konsultasi_closed:
            problems.append("Konsultasi publik belum ditutup.")
        if not facts.pengesahan:
            problems.append("Pengesahan oleh Kepala Daerah belum dicatat.")
    if action == ProcessAction.SIGN_OFF and not facts.previous_done:
        problems.append(f"Proses {facts.number - 1} harus selesai sebelum Proses {facts.number}.")
    return problems


def is_late(state: str, due_date: dt.date, today: dt.date) -> bool:
    """Late: marked so, or past its due date without being finished."""
    return state == S.TERLAMBAT or (state != S.SELESAI and due_date < today)
