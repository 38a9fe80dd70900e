"""Document version status: one transition table run by `core.workflow` (DESIGN.md §3).

draft → submitted → reviewed → approved (disahkan) → superseded; a submitted or reviewed
version can be returned to draft with a comment. Approval locks a version (the DHIS2
"approval locks data entry" rule, anchors-systems.md §3.1). Other apps add approval guards
(the consultation app: a consulted version is approved only through its pengesahan) with
``WORKFLOW.add_guard(DocAction.APPROVE, ...)`` from their ``ready()``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Step, Workflow, guard
from ppsp.documents.models import Status


class DocAction:
    SUBMIT = "ajukan"
    REVIEW = "tinjau"
    RETURN = "kembalikan"
    APPROVE = "sahkan"
    SUPERSEDE = "gantikan"  # only by the service, when a newer version is approved


ACTION_LABELS = {
    DocAction.SUBMIT: "Ajukan untuk ditinjau",
    DocAction.REVIEW: "Nyatakan sudah ditinjau",
    DocAction.RETURN: "Kembalikan ke draf",
    DocAction.APPROVE: "Sahkan",
    DocAction.SUPERSEDE: "Gantikan",
}
ACTIONS = tuple(ACTION_LABELS)
USER_ACTIONS = (DocAction.SUBMIT, DocAction.REVIEW, DocAction.RETURN, DocAction.APPROVE)
# Actions that need a written reason (the comment sent back to the Pokja).
NEEDS_REASON = frozenset({DocAction.RETURN})


@guard("dasar_hukum_dicatat")
def legal_basis_recorded(ctx: Context) -> str | None:
    version = ctx.obj
    if version.legal_number and version.legal_date:
        return None
    return "Dasar hukum (nomor dan tanggal Perbup/Perwal/SK) wajib dicatat sebelum pengesahan."


def _validate(ctx: Context) -> None:
    if ctx.action in NEEDS_REASON and not str(ctx.kw.get("reason", "")).strip():
        raise ValidationError({"reason": "Tuliskan catatan alasan pengembalian."})


def _code(version: Any) -> str:
    return str(version.document.region.code)


WORKFLOW = Workflow(
    name="documents.version",
    field="status",
    states=Status,
    actions=ACTION_LABELS,
    steps=[
        Step(Status.DRAFT, DocAction.SUBMIT, Status.SUBMITTED, Permission.EDIT_DOCUMENTS),
        Step(Status.SUBMITTED, DocAction.REVIEW, Status.REVIEWED, Permission.REVIEW_DOCUMENTS),
        Step(Status.SUBMITTED, DocAction.RETURN, Status.DRAFT, Permission.REVIEW_DOCUMENTS),
        Step(Status.REVIEWED, DocAction.RETURN, Status.DRAFT, Permission.APPROVE_DOCUMENTS),
        Step(
            Status.REVIEWED,
            DocAction.APPROVE,
            Status.APPROVED,
            Permission.APPROVE_DOCUMENTS,
            guards=(legal_basis_recorded,),
        ),
        Step(
            Status.APPROVED,
            DocAction.SUPERSEDE,
            Status.SUPERSEDED,
            Permission.APPROVE_DOCUMENTS,
            offered=False,
        ),
    ],
    region_code=_code,
    not_allowed=lambda version, action, state: (
        f"Tindakan '{action}' tidak dapat dilakukan pada versi berstatus '{Status(state).label}'."
    ),
    validate=_validate,
    select_related=("document__region",),
)
TRANSITIONS = {key: (step.target, step.permission) for key, step in WORKFLOW.table.items()}


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    """(new state, permission needed) or None when the table does not allow the action."""
    step = WORKFLOW.table.get((state, action))
    return None if step is None or step.permission is None else (step.target, step.permission)


def available(state: str) -> list[str]:
    return WORKFLOW.actions_from(state)
