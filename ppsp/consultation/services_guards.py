"""Guards shared by the consultation services: permission in the consultation's region,
the row lock, and the refusal (audited after the rollback) of any change once disahkan."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.consultation.models import (
    Consultation,
    ConsultationState,
)
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission

DISAHKAN_MESSAGE = gettext_noop(
    "Dokumen hasil konsultasi ini sudah disahkan; konsultasi, komentar dan tanggapannya terkunci."
)
P = ParamSpec("P")
T = TypeVar("T")


def require_permission(user: Any, permission: Permission, code: str) -> None:
    if user is not None and not has_permission(user, permission, code):
        raise PermissionDenied(_("Anda tidak berwenang melakukan tindakan ini di wilayah ini."))


def acting_user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def locked_consultation(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update()
        .select_related("version__document__region")
        .get(pk=consultation.pk)
    )


class Refused(ValidationError):
    """A change refused because the consultation's document is disahkan (locked)."""

    def __init__(self, *, consultation: Consultation, by: Any, attempted: str) -> None:
        super().__init__(_(DISAHKAN_MESSAGE))
        self.consultation, self.by, self.attempted = consultation, by, attempted


def refuse_if_disahkan(consultation: Consultation, *, by: Any, attempted: str) -> None:
    if consultation.state == ConsultationState.DISAHKAN:
        raise Refused(consultation=consultation, by=by, attempted=attempted)


def audits_refusals(fn: Callable[P, T]) -> Callable[P, T]:
    """Put outside `transaction.atomic`: a refused change is audited after the rollback."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return fn(*args, **kwargs)
        except Refused as refused:
            audit_record(
                actor=refused.by,
                obj=refused.consultation,
                action=Action.UPDATE,
                # The audit trail keeps the Indonesian text, whatever the language.
                reason=f"DITOLAK: {refused.attempted}. {DISAHKAN_MESSAGE}",
                region_code=refused.consultation.region_code,
            )
            raise

    return wrapper
