"""The Pokja's tanggapan (answer) to each approved comment: the rows of the matrix."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, field_changes, snapshot
from ppsp.consultation.models import (
    Comment,
    CommentStatus,
    Decision,
    Response,
)
from ppsp.consultation.services_guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.core.permissions import Permission

_RESPONSE_FIELDS = ("decision", "reason", "section_changed")


@audits_refusals
@transaction.atomic
def response_set(
    *, comment: Comment, decision: str, reason: str, by: Any, section_changed: str = ""
) -> Response:
    """The Pokja's answer to an accepted (shown) comment; a row of the tanggapan matrix."""
    comment = Comment.objects.select_related("consultation").get(pk=comment.pk)
    consultation = locked_consultation(comment.consultation)
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted=f"tanggapan komentar #{comment.pk}")
    if comment.status != CommentStatus.APPROVED:
        raise ValidationError(_("Hanya komentar yang sudah disetujui moderator yang ditanggapi."))
    if decision not in Decision.values:
        raise ValidationError({"decision": _("Pilih keputusan: diterima, sebagian atau tidak.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan/tanggapan Pokja.")})
    if decision != Decision.TIDAK and not section_changed.strip():
        raise ValidationError(
            {"section_changed": _("Sebutkan bagian dokumen yang diubah karena masukan ini.")}
        )
    response = Response.objects.filter(comment=comment).first()
    before = snapshot(response, _RESPONSE_FIELDS) if response else {}
    if response is None:
        response = Response(comment=comment)
    response.decision, response.reason = decision, reason.strip()
    response.section_changed = section_changed.strip()
    response.answered_by = acting_user(by)
    response.full_clean()
    response.save()
    changes = field_changes(before, snapshot(response, _RESPONSE_FIELDS))
    if changes:
        audit_record(
            actor=by,
            obj=comment,
            action=Action.UPDATE if before else Action.CREATE,
            changes=[{**c, "field": f"tanggapan.{c['field']}"} for c in changes],
            region_code=consultation.region_code,
        )
    return response
