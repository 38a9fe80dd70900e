"""Guards shared by the consultation services: permission in the consultation's region,
the row lock, and the refusal (audited after the rollback) of any change once disahkan."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ppsp.audit import refusals
from ppsp.consultation.models import (
    Consultation,
    ConsultationState,
)
from ppsp.core import access
from ppsp.core.permissions import Permission

DISAHKAN_MESSAGE = gettext_noop(
    "Dokumen hasil konsultasi ini sudah disahkan; konsultasi, komentar dan tanggapannya terkunci."
)


def require_permission(user: Any, permission: Permission, code: str) -> None:
    message = _("Anda tidak berwenang melakukan tindakan ini di wilayah ini.")
    access.require_permission(user, permission, code, message)


def acting_user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def locked_consultation(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update()
        .select_related("version__document__region")
        .get(pk=consultation.pk)
    )


class Refused(refusals.Refused):
    """A change refused because the consultation's document is disahkan (locked)."""

    def __init__(self, *, consultation: Consultation, by: Any, attempted: str) -> None:
        super().__init__(
            refusals.Refusal(
                obj=consultation,
                by=by,
                attempted=attempted,
                # The audit trail keeps the Indonesian text, whatever the language.
                message=DISAHKAN_MESSAGE,
                region_code=consultation.region_code,
            ),
            shown=_(DISAHKAN_MESSAGE),
        )
        self.consultation, self.by, self.attempted = consultation, by, attempted


def refuse_if_disahkan(consultation: Consultation, *, by: Any, attempted: str) -> None:
    if consultation.state == ConsultationState.DISAHKAN:
        raise Refused(consultation=consultation, by=by, attempted=attempted)


# One helper for every refusal (ppsp.audit.refusals); the name stays for the services here.
audits_refusals = refusals.audits_refusals
