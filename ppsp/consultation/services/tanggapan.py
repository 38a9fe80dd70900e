"""The Pokja's tanggapan (answer) to each approved comment: the rows of the matrix."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ppsp.audit.services import audited_update
from ppsp.consultation.models import (
    Comment,
    CommentStatus,
    Decision,
    Response,
)
from ppsp.consultation.sections import heading_of
from ppsp.consultation.services.guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.core.permissions import Permission

_RESPONSE_FIELDS = ("decision", "reason", "section_changed", "accommodated", "changed_section")


@audits_refusals
@transaction.atomic
def response_set(
    *,
    comment: Comment,
    decision: str,
    reason: str,
    by: Any,
    section_changed: str = "",
    accommodated: bool = False,
    changed_section: str = "",
) -> Response:
    """The Pokja's answer to an accepted (shown) comment; a row of the tanggapan matrix.

    `accommodated` (diakomodasi) says the comment changed the final document in outline
    section `changed_section`; the final lists per section the comments that changed it.
    The free-text `section_changed` may then stay empty (it takes the section's heading)."""
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
    changed_title = ""
    if changed_section:
        changed_title = heading_of(consultation, changed_section) or ""
        if not changed_title:
            raise ValidationError(
                {"changed_section": _("Bab/bagian tidak ada dalam kerangka dokumen.")}
            )
    if accommodated and decision == Decision.TIDAK:
        raise ValidationError(
            {"accommodated": _("Masukan yang tidak diterima tidak dapat diakomodasi.")}
        )
    if accommodated and not changed_section:
        raise ValidationError(
            {"changed_section": _("Pilih bab/bagian dokumen yang diubah karena masukan ini.")}
        )
    if decision != Decision.TIDAK and not (section_changed.strip() or changed_title):
        raise ValidationError(
            {"section_changed": _("Sebutkan bagian dokumen yang diubah karena masukan ini.")}
        )
    stored = Response.objects.filter(comment=comment).first()
    response = stored if stored is not None else Response(comment=comment)
    with audited_update(
        response,
        _RESPONSE_FIELDS,
        actor=by,
        created=stored is None,
        always=False,
        audit_obj=comment,
        field_prefix="tanggapan.",
        region_code=consultation.region_code,
    ):
        response.decision, response.reason = decision, reason.strip()
        response.section_changed = (section_changed.strip() or changed_title)[:200]
        response.accommodated = accommodated
        response.changed_section = changed_section
        response.changed_section_title = changed_title
        response.answered_by = acting_user(by)
        response.full_clean()
        response.save()
    return response
