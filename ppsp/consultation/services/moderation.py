"""Moderation of public comments and blocking of senders; atomic and audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.consultation.models import (
    BlockKind,
    Comment,
    CommentStatus,
    Consultation,
    ConsultationState,
    SenderBlock,
)
from ppsp.consultation.services.guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.consultation.workflow import (
    MODERATION,
    NEEDS_REASON,
    moderation_next,
)
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context


@audits_refusals
@transaction.atomic
def comments_moderate(
    *, consultation: Consultation, ids: Iterable[int], action: str, by: Any, reason: str = ""
) -> int:
    """Apply one moderation action to many comments of one consultation (each audited)."""
    consultation = locked_consultation(consultation)
    code = consultation.region_code
    require_permission(by, Permission.MODERATE_CONSULTATION, code)
    if by is None:
        raise PermissionDenied(_("Moderasi harus dilakukan oleh pengguna."))
    refuse_if_disahkan(consultation, by=by, attempted=f"moderasi '{action}'")
    if action in NEEDS_REASON and not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan menyembunyikan komentar.")})
    comments = list(
        Comment.objects.select_for_update()
        .filter(consultation=consultation, pk__in=list(ids))
        .order_by("pk")
    )
    if not comments:
        raise ValidationError(_("Pilih minimal satu komentar."))
    now = timezone.now()
    done = 0
    for comment in comments:
        if moderation_next(comment.status, action) is None:
            continue  # already in that state: bulk actions skip, not fail

        def apply(ctx: Context) -> None:
            ctx.obj.moderated_by, ctx.obj.moderated_at = acting_user(by), now
            ctx.obj.moderation_reason = reason.strip()

        comment.consultation = consultation  # region of the audit row, no extra query
        MODERATION.transition(
            comment,
            action,
            by,
            reason=reason,
            apply=apply,
            audit_reason=reason.strip() or action,
            lock=False,  # locked above, with the consultation
        )
        done += 1
    return done


@audits_refusals
@transaction.atomic
def sender_block(*, comment: Comment, kind: str, reason: str, by: Any) -> SenderBlock:
    """Block the sender of `comment` in its kab/kota (by contact or device fingerprint) and
    move their comments still waiting in the queue to spam; audited."""
    comment = Comment.objects.select_related("consultation__version__document__region").get(
        pk=comment.pk
    )
    consultation = comment.consultation
    region = consultation.version.document.region
    require_permission(by, Permission.MODERATE_CONSULTATION, region.code)
    refuse_if_disahkan(consultation, by=by, attempted="blokir pengirim")
    if not reason.strip():
        raise ValidationError({"reason": _("Tuliskan alasan pemblokiran.")})
    if kind == BlockKind.CONTACT:
        digest = comment.contact_digest
        if not digest:
            raise ValidationError(_("Komentar ini tidak mencantumkan kontak; blokir perangkatnya."))
    elif kind == BlockKind.FINGERPRINT:
        digest = comment.fingerprint
        if not digest:
            raise ValidationError(_("Sidik perangkat komentar ini tidak tercatat."))
    else:
        raise ValidationError(_("Jenis blokir tidak dikenal."))
    block, created = SenderBlock.objects.get_or_create(
        region=region,
        kind=kind,
        digest=digest,
        defaults={
            "reason": reason.strip(),
            "source_comment": comment,
            "created_by": acting_user(by),
        },
    )
    if created:
        audit_record(
            actor=by,
            obj=block,
            action=Action.CREATE,
            changes=[{"field": "kind", "old": None, "new": kind}],
            reason=reason.strip(),
            region_code=region.code,
        )
    field = "contact_digest" if kind == BlockKind.CONTACT else "fingerprint"
    pending = Comment.objects.filter(
        consultation__version__document__region=region,
        status=CommentStatus.PENDING,
        **{field: digest},
    ).values_list("pk", flat=True)
    by_consultation: dict[int, list[int]] = {}
    for pk, cid in Comment.objects.filter(pk__in=list(pending)).values_list(
        "pk", "consultation_id"
    ):
        by_consultation.setdefault(cid, []).append(pk)
    for cid, ids in by_consultation.items():
        target = Consultation.objects.get(pk=cid)
        if target.state != ConsultationState.DISAHKAN:
            comments_moderate(
                consultation=target,
                ids=ids,
                action="spam",
                by=by,
                reason=f"Pengirim diblokir: {reason.strip()}",
            )
    return block
