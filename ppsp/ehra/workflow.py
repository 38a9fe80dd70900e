"""Review state of an EHRA household record: one pure transition table.

received → has issues → approved / rejected (issue 5 §4). Only approved records count
in the IRS (ehra-risk.md §4, compute.ehra). The CF reviews; a reviewed record can be
sent back to "ada masalah" when a correction is needed.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppsp.core.permissions import Permission
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

TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (S.RECEIVED, ReviewAction.FLAG): (S.HAS_ISSUES, Permission.REVIEW_EHRA),
    (S.RECEIVED, ReviewAction.APPROVE): (S.APPROVED, Permission.REVIEW_EHRA),
    (S.RECEIVED, ReviewAction.REJECT): (S.REJECTED, Permission.REVIEW_EHRA),
    (S.HAS_ISSUES, ReviewAction.APPROVE): (S.APPROVED, Permission.REVIEW_EHRA),
    (S.HAS_ISSUES, ReviewAction.REJECT): (S.REJECTED, Permission.REVIEW_EHRA),
    (S.APPROVED, ReviewAction.FLAG): (S.HAS_ISSUES, Permission.REVIEW_EHRA),
    (S.REJECTED, ReviewAction.FLAG): (S.HAS_ISSUES, Permission.REVIEW_EHRA),
}
NEEDS_NOTE = frozenset({ReviewAction.FLAG, ReviewAction.REJECT})


def next_state(state: str, action: str) -> tuple[str, Permission] | None:
    return TRANSITIONS.get((state, action))


def available(state: str) -> list[str]:
    return [a for a in ACTIONS if (state, a) in TRANSITIONS]
