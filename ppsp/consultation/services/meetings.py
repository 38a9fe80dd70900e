"""Public meetings: attendance, minutes and the inputs voiced there; atomic and audited."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, audited_update
from ppsp.consultation.models import (
    AttendeeGroup,
    Comment,
    CommentSource,
    CommentStatus,
    Consultation,
    ConsultationState,
    MeetingAttendance,
    Paragraph,
    PublicMeeting,
)
from ppsp.consultation.services.comments import strip_bidi
from ppsp.consultation.services.guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.core.permissions import Permission


@audits_refusals
@transaction.atomic
def meeting_record(
    *,
    consultation: Consultation,
    held_on: dt.date,
    place: str,
    title: str,
    minutes: str,
    attendance: Mapping[str, tuple[int, int]],
    by: Any,
) -> PublicMeeting:
    """A public meeting with attendance by group and gender (L/P) and its minutes."""
    consultation = locked_consultation(consultation)
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="catat pertemuan publik")
    if consultation.state == ConsultationState.DRAFT:
        raise ValidationError(_("Terbitkan konsultasi sebelum mencatat pertemuan publik."))
    counts = {g: (int(m), int(f)) for g, (m, f) in attendance.items() if int(m) or int(f)}
    if any(g not in AttendeeGroup.values for g in counts):
        raise ValidationError(_("Kelompok peserta tidak dikenal."))
    if any(m < 0 or f < 0 for m, f in counts.values()):
        raise ValidationError(_("Jumlah peserta tidak boleh negatif."))
    if not counts:
        raise ValidationError({"attendance": _("Catat jumlah peserta per kelompok (L/P).")})
    if not minutes.strip():
        raise ValidationError({"minutes": _("Tuliskan notulen pertemuan.")})
    meeting = PublicMeeting(
        consultation=consultation,
        held_on=held_on,
        place=place.strip(),
        title=title.strip(),
        minutes=minutes.strip(),
        recorded_by=acting_user(by),
    )
    with audited_update(
        meeting,
        ("held_on", "place", "title"),
        actor=by,
        created=True,
        also={"attendance": lambda: str(sorted(counts.items()))},
        region_code=consultation.region_code,
    ):
        meeting.full_clean()
        meeting.save()
        MeetingAttendance.objects.bulk_create(
            MeetingAttendance(meeting=meeting, group=g, male=m, female=f)
            for g, (m, f) in sorted(counts.items())
        )
    return meeting


@audits_refusals
@transaction.atomic
def meeting_input_add(
    *,
    meeting: PublicMeeting,
    body: str,
    by: Any,
    paragraph_number: int | None = None,
    name: str = "",
    organisation: str = "",
    desa: str = "",
) -> Comment:
    """An input voiced at a public meeting, entered by the Pokja as an (approved) comment."""
    consultation = locked_consultation(meeting.consultation)
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="masukan pertemuan publik")
    body, name, organisation, desa = (strip_bidi(v) for v in (body, name, organisation, desa))
    if not body.strip():
        raise ValidationError({"body": _("Tuliskan masukan peserta.")})
    paragraph = None
    if paragraph_number is not None:
        paragraph = Paragraph.objects.filter(
            consultation=consultation, number=paragraph_number
        ).first()
        if paragraph is None:
            raise ValidationError({"paragraph": _("Paragraf tidak ditemukan.")})
    comment = Comment.objects.create(
        consultation=consultation,
        paragraph=paragraph,
        body=body.strip(),
        name=name.strip()[:120],
        organisation=organisation.strip()[:160],
        desa=desa.strip()[:120],
        source=CommentSource.MEETING,
        meeting=meeting,
        status=CommentStatus.APPROVED,
        entered_by=acting_user(by),
        moderated_by=acting_user(by),
        moderated_at=timezone.now(),
        token=secrets.token_urlsafe(18),
    )
    audit_record(
        actor=by,
        obj=comment,
        action=Action.CREATE,
        reason=f"Masukan pertemuan publik: {meeting}",
        region_code=consultation.region_code,
    )
    return comment
