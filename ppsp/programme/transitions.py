"""The stage-record workflow as one table run by `core.workflow` (DESIGN.md §3 workflows).

`WORKFLOW` holds the steps (state, action) → state with their permission; a pair missing
from the table is refused. `stage_record_transition` in `services.py` is the only writer of
`status`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppsp.core.permissions import Permission
from ppsp.core.workflow import Step, Workflow
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
_EDIT = Permission.EDIT_STAGES
A = StageAction
WORKFLOW = Workflow(
    name="programme.stage_record",
    field="status",
    states=StageStatus,
    actions=ACTION_LABELS,
    steps=[
        Step(S.BELUM_MULAI, A.MULAI, S.BERJALAN, _EDIT),
        Step(S.BERJALAN, A.SELESAIKAN, S.SELESAI, _EDIT),
        Step(S.BERJALAN, A.TANDAI_TERLAMBAT, S.TERLAMBAT, _EDIT),
        Step(S.TERLAMBAT, A.SELESAIKAN, S.SELESAI, _EDIT),
        Step(S.TERLAMBAT, A.LANJUTKAN, S.BERJALAN, _EDIT),
        Step(S.SELESAI, A.BUKA_KEMBALI, S.BERJALAN, Permission.MANAGE_PROGRAMME),
    ],
    region_code=lambda record: str(record.participation.region.code),
    attempted=lambda record, action: f"status tahapan '{action}'",
    not_allowed=lambda record, action, state: (
        f"Tindakan '{ACTION_LABELS.get(action, action)}' tidak dapat dilakukan pada tahapan "
        f"berstatus '{record.get_status_display()}'."
    ),
    denied=lambda record, action: (
        f"Anda tidak berwenang melakukan tindakan '{ACTION_LABELS.get(action, action)}' di "
        f"{record.participation.region.code}."
    ),
    denied_as_validation=True,
    select_related=("participation__region", "stage"),
)
TRANSITIONS: dict[tuple[str, str], tuple[str, Permission | None]] = {
    key: (step.target, step.permission) for key, step in WORKFLOW.table.items()
}


def next_state(state: str, action: str) -> tuple[str, Permission | None] | None:
    """(new state, permission needed) or None when the action is not allowed from `state`."""
    return WORKFLOW.next_state(state, action)


def actions_from(state: str) -> list[str]:
    return WORKFLOW.actions_from(state)
