"""Document version status: one pure transition table (DESIGN.md §3 workflows).

draft → submitted → reviewed → approved (disahkan) → superseded; a submitted or reviewed
version can be returned to draft with a comment. Approval locks a version (the DHIS2
"approval locks data entry" rule, anchors-systems.md §3.1).
"""

from __future__ import annotations

from ppsp.core.permissions import Permission
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

TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (Status.DRAFT, DocAction.SUBMIT): (Status.SUBMITTED, Permission.EDIT_DOCUMENTS),
    (Status.SUBMITTED, DocAction.REVIEW): (Status.REVIEWED, Permission.REVIEW_DOCUMENTS),
    (Status.SUBMITTED, DocAction.RETURN): (Status.DRAFT, Permission.REVIEW_DOCUMENTS),
    (Status.REVIEWED, DocAction.RETURN): (Status.DRAFT, Permission.APPROVE_DOCUMENTS),
    (Status.REVIEWED, DocAction.APPROVE): (Status.APPROVED, Permission.APPROVE_DOCUMENTS),
    (Status.APPROVED, DocAction.SUPERSEDE): (Status.SUPERSEDED, Permission.APPROVE_DOCUMENTS),
}
# Actions that need a written reason (the comment sent back to the Pokja).
NEEDS_REASON = frozenset({DocAction.RETURN})


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    return TRANSITIONS.get((state, action))


def available(state: str) -> list[str]:
    return [a for a in USER_ACTIONS if (state, a) in TRANSITIONS]
