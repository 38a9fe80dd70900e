"""Consultation and comment-moderation states: transition tables run by `core.workflow`
(DESIGN.md §3).

Consultation: draft → open (terbitkan) → closed (tutup) → disahkan (only through the
pengesahan service); a closed consultation may be reopened before pengesahan.
Comments: pending → approved | hidden (with a reason) | spam; moderators may correct any
decision until the document is disahkan. Every transition is audited by the services.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ppsp.consultation.models import CommentStatus as C
from ppsp.consultation.models import ConsultationState as S
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Step, Workflow


class ConsultationAction:
    PUBLISH = "terbitkan"
    CLOSE = "tutup"
    REOPEN = "buka_kembali"
    APPROVE = "sahkan"  # only by pengesahan_record


CONSULTATION_LABELS = {
    ConsultationAction.PUBLISH: _("Terbitkan dan buka konsultasi"),
    ConsultationAction.CLOSE: _("Tutup konsultasi"),
    ConsultationAction.REOPEN: _("Buka kembali"),
    ConsultationAction.APPROVE: _("Sahkan"),
}
CONSULTATION_TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (S.DRAFT, ConsultationAction.PUBLISH): (S.OPEN, Permission.EDIT_DOCUMENTS),
    (S.OPEN, ConsultationAction.CLOSE): (S.CLOSED, Permission.EDIT_DOCUMENTS),
    (S.CLOSED, ConsultationAction.REOPEN): (S.OPEN, Permission.EDIT_DOCUMENTS),
    (S.CLOSED, ConsultationAction.APPROVE): (S.DISAHKAN, Permission.APPROVE_DOCUMENTS),
}
USER_CONSULTATION_ACTIONS = (
    ConsultationAction.PUBLISH,
    ConsultationAction.CLOSE,
    ConsultationAction.REOPEN,
)


class ModerationAction:
    APPROVE = "setujui"
    HIDE = "sembunyikan"
    SPAM = "spam"


MODERATION_LABELS = {
    ModerationAction.APPROVE: _("Setujui (tampilkan)"),
    ModerationAction.HIDE: _("Sembunyikan"),
    ModerationAction.SPAM: _("Tandai spam"),
}
_M = Permission.MODERATE_CONSULTATION
MODERATION_TRANSITIONS: dict[tuple[str, str], tuple[str, Permission]] = {
    (C.PENDING, ModerationAction.APPROVE): (C.APPROVED, _M),
    (C.HIDDEN, ModerationAction.APPROVE): (C.APPROVED, _M),
    (C.SPAM, ModerationAction.APPROVE): (C.APPROVED, _M),
    (C.PENDING, ModerationAction.HIDE): (C.HIDDEN, _M),
    (C.APPROVED, ModerationAction.HIDE): (C.HIDDEN, _M),
    (C.SPAM, ModerationAction.HIDE): (C.HIDDEN, _M),
    (C.PENDING, ModerationAction.SPAM): (C.SPAM, _M),
    (C.APPROVED, ModerationAction.SPAM): (C.SPAM, _M),
    (C.HIDDEN, ModerationAction.SPAM): (C.SPAM, _M),
}
NEEDS_REASON = frozenset({ModerationAction.HIDE})


CONSULTATION = Workflow(
    name="consultation.consultation",
    field="state",
    states=S,
    actions=CONSULTATION_LABELS,
    steps=[
        Step(source, action, target, permission, offered=action in USER_CONSULTATION_ACTIONS)
        for (source, action), (target, permission) in CONSULTATION_TRANSITIONS.items()
    ],
    region_code=lambda consultation: str(consultation.region_code),
    not_allowed=lambda consultation, action, state: str(
        _("Tindakan '%(action)s' tidak dapat dilakukan pada konsultasi berstatus '%(state)s'.")
        % {"action": action, "state": S(state).label}
    ),
    select_related=("version__document__region",),
)
MODERATION = Workflow(
    name="consultation.moderation",
    field="status",
    states=C,
    actions=MODERATION_LABELS,
    steps=[
        Step(source, action, target, permission)
        for (source, action), (target, permission) in MODERATION_TRANSITIONS.items()
    ],
    region_code=lambda comment: str(comment.consultation.region_code),
    full_clean=False,
)


def consultation_next(state: str, action: str) -> tuple[str, Permission | None] | None:
    return CONSULTATION.next_state(state, action)


def consultation_available(state: str) -> list[str]:
    return CONSULTATION.actions_from(state)


def moderation_next(status: str, action: str) -> tuple[str, Permission | None] | None:
    return MODERATION.next_state(status, action)
