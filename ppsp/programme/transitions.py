"""The stage-record workflow as one pure table (DESIGN.md §3 workflows).

`TRANSITIONS[(state, action)] = (new_state, permission)`; a pair missing from the table is
refused. `stage_record_transition` in `services.py` is the only writer of `status`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppsp.core.permissions import Permission
from ppsp.programme.models import StageStatus


class StageAction:
    MULAI = "mulai"  # start the stage
    SELESAIKAN = "selesaikan"  # finish it (with evidence, ideally)
    TANDAI_TERLAMBAT = "tandai_terlambat"  # past its due date
    LANJUTKAN = "lanjutkan"  # a late stage resumes (e.g. deadline extended)
    BUKA_KEMBALI = "buka_kembali"  # reopen a finished stage: national office only


ACTIONS: tuple[str, ...] = (
    StageAction.MULAI,
    StageAction.SELESAIKAN,
    StageAction.TANDAI_TERLAMBAT,
    StageAction.LANJUTKAN,
    StageAction.BUKA_KEMBALI,
)

ACTION_LABELS = {
    StageAction.MULAI: _("Mulai"),
    StageAction.SELESAIKAN: _("Tandai selesai"),
    StageAction.TANDAI_TERLAMBAT: _("Tandai terlambat"),
    StageAction.LANJUTKAN: _("Lanjutkan"),
    StageAction.BUKA_KEMBALI: _("Buka kembali"),
}

S = StageStatus
TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (S.BELUM_MULAI, StageAction.MULAI): (S.BERJALAN, Permission.EDIT_STAGES),
    (S.BERJALAN, StageAction.SELESAIKAN): (S.SELESAI, Permission.EDIT_STAGES),
    (S.BERJALAN, StageAction.TANDAI_TERLAMBAT): (S.TERLAMBAT, Permission.EDIT_STAGES),
    (S.TERLAMBAT, StageAction.SELESAIKAN): (S.SELESAI, Permission.EDIT_STAGES),
    (S.TERLAMBAT, StageAction.LANJUTKAN): (S.BERJALAN, Permission.EDIT_STAGES),
    (S.SELESAI, StageAction.BUKA_KEMBALI): (S.BERJALAN, Permission.MANAGE_PROGRAMME),
}


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    """(new state, permission needed) or None when the action is not allowed from `state`."""
    return TRANSITIONS.get((state, action))


def actions_from(state: str) -> list[str]:
    return [action for action in ACTIONS if (state, action) in TRANSITIONS]
