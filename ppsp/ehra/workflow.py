"""Review state of an EHRA household record: one transition table run by `core.workflow`.

received → has issues → approved / rejected (issue 5 §4). Only approved records count
in the IRS (ehra-risk.md §4, compute.ehra). The CF reviews; a reviewed record can be
sent back to "ada masalah" when a correction is needed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Step, Workflow
from ppsp.ehra.models.survey import ReviewState as S


class ReviewAction:
    FLAG = "tandai_masalah"
    APPROVE = "setujui"
    REJECT = "tolak"


ACTION_LABELS = {
    ReviewAction.FLAG: _("Tandai ada masalah"),
    ReviewAction.APPROVE: _("Setujui"),
    ReviewAction.REJECT: _("Tolak"),
}
ACTIONS = tuple(ACTION_LABELS)

NEEDS_NOTE = frozenset({ReviewAction.FLAG, ReviewAction.REJECT})


def _validate(ctx: Context) -> None:
    ensure_not_frozen(ctx.obj)  # a round bound by an approved document is not reviewed again
    if ctx.action in NEEDS_NOTE and not str(ctx.kw.get("reason", "")).strip():
        raise ValidationError({"note": "Tuliskan catatan masalah atau alasan penolakan."})


_R = Permission.REVIEW_EHRA
A = ReviewAction
WORKFLOW = Workflow(
    name="ehra.household_review",
    field="state",
    states=S,
    actions=ACTION_LABELS,
    steps=[
        Step(S.RECEIVED, A.FLAG, S.HAS_ISSUES, _R),
        Step(S.RECEIVED, A.APPROVE, S.APPROVED, _R),
        Step(S.RECEIVED, A.REJECT, S.REJECTED, _R),
        Step(S.HAS_ISSUES, A.APPROVE, S.APPROVED, _R),
        Step(S.HAS_ISSUES, A.REJECT, S.REJECTED, _R),
        Step(S.APPROVED, A.FLAG, S.HAS_ISSUES, _R),
        Step(S.REJECTED, A.FLAG, S.HAS_ISSUES, _R),
    ],
    region_code=lambda household: str(household.desa.code),
    attempted=lambda household, action: f"status rumah tangga '{action}'",
    not_allowed=lambda household, action, state: (
        f"Tindakan '{action}' tidak dapat dilakukan pada status '{state}'."
    ),
    validate=_validate,
    select_related=("desa",),
    full_clean=False,
)
TRANSITIONS: dict[tuple[str, str], tuple[str, Permission | None]] = {
    key: (step.target, step.permission) for key, step in WORKFLOW.table.items()
}


def next_state(state: str, action: str) -> tuple[str, Permission | None] | None:
    return WORKFLOW.next_state(state, action)


def available(state: str) -> list[str]:
    return WORKFLOW.actions_from(state)
