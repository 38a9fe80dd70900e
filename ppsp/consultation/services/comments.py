"""Public comments (no login): the submission with its spam defences; nothing is dropped,
suspected spam (and every comment posted while the consultation is flooded) is held for
moderation. Bidirectional-control characters are removed from every field on input, so a
right-to-left override cannot disguise text in the page, the moderation queue or exports."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.spam import SpamModel, classify
from ppsp.consultation import spam_models
from ppsp.consultation.models import (
    BlockKind,
    Comment,
    CommentSource,
    CommentStatus,
    Consultation,
    ConsultationState,
    Paragraph,
    SenderBlock,
)
from ppsp.consultation.sections import heading_of

# U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks),
# U+061C (Arabic letter mark): none belongs in an Indonesian comment, each can reorder text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
FLOOD = "banjir_kiriman"  # spam_reasons entry: held because the consultation was flooded
MIN_FILL_SECONDS = 4  # a person needs longer than this to read and write a comment
MAX_BODY = 5000
CLOSED_FOR_COMMENTS = gettext_noop("Konsultasi publik ini tidak sedang menerima komentar.")


def accepting_comments(consultation: Consultation, today: dt.date | None = None) -> bool:
    day = today or timezone.localdate()
    return (
        consultation.state == ConsultationState.OPEN
        and consultation.opens_on <= day <= consultation.closes_on
    )


def strip_bidi(text: str) -> str:
    """`text` without bidirectional-control characters (see BIDI_CONTROLS)."""
    return BIDI_CONTROLS.sub("", text)


def contact_digest(contact: str) -> str:
    """Keyed hash of a normalised e-mail address or phone number ('' when none)."""
    value = re.sub(r"\s+", "", contact.strip().lower())
    if re.fullmatch(r"\+?[\d().-]{6,}", value):
        digits = re.sub(r"\D", "", value)
        value = "0" + digits[2:] if digits.startswith("62") else digits
    if not value:
        return ""
    return salted_hmac("ppsp.consultation.contact", value, algorithm="sha256").hexdigest()


def fingerprint(address: str, user_agent: str) -> str:
    """Keyed hash of IP address + user agent; the address itself is never stored."""
    raw = f"{address}|{user_agent[:300]}"
    return salted_hmac("ppsp.consultation.fingerprint", raw, algorithm="sha256").hexdigest()


def cited_section(consultation: Consultation, section: str, page: int | None) -> str:
    """The heading of the cited outline section ('' for none); a section outside the
    outline or a page beyond the draft PDF is refused with a message on its field."""
    title = ""
    if section:
        title = heading_of(consultation, section) or ""
        if not title:
            raise ValidationError({"section": _("Bab/bagian tidak ada dalam kerangka dokumen.")})
    if page is not None:
        pages = consultation.draft_pages
        if page < 1 or (pages is not None and page > pages):
            raise ValidationError(
                {
                    "page": _("Halaman %(page)d tidak ada dalam draf (%(pages)s halaman).")
                    % {"page": page, "pages": pages if pages is not None else "?"}
                }
            )
    return title


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    body: str,
    paragraph_number: int | None = None,
    section: str = "",
    page: int | None = None,
    name: str = "",
    organisation: str = "",
    desa: str = "",
    contact: str = "",
    address: str = "",
    user_agent: str = "",
    honeypot: str = "",
    fill_seconds: float | None = None,
    today: dt.date | None = None,
    model: SpamModel | None = None,
    flood: bool = False,
) -> Comment:
    """Store a public comment. Nothing is dropped: suspected spam is held as pending, and
    so is every comment posted while the consultation is over its rate (`flood`).

    Shown at once only when pre-moderation is off and no defence fired. Audited (actor:
    none, the public) in the same transaction.
    """
    if not accepting_comments(consultation, today):
        raise ValidationError(_(CLOSED_FOR_COMMENTS))
    body, name, organisation, desa, contact = (
        strip_bidi(v) for v in (body, name, organisation, desa, contact)
    )
    text = body.strip()
    if len(text) < 3:
        raise ValidationError({"body": _("Tuliskan komentar Anda.")})
    if len(text) > MAX_BODY:
        raise ValidationError(
            {"body": _("Komentar paling panjang %(n)d karakter.") % {"n": MAX_BODY}}
        )
    paragraph = None
    if paragraph_number is not None:
        paragraph = Paragraph.objects.filter(
            consultation=consultation, number=paragraph_number
        ).first()
        if paragraph is None:
            raise ValidationError({"paragraph": _("Paragraf tidak ditemukan.")})
    section_title = cited_section(consultation, section, page)
    digest = contact_digest(contact)
    print_ = fingerprint(address, user_agent) if address or user_agent else ""

    verdict = classify(
        "\n".join(p for p in (text, name, organisation) if p),
        model=model or spam_models.active_model(),
    )
    reasons = list(verdict.reasons)
    if honeypot.strip():
        reasons.insert(0, "honeypot")
    if fill_seconds is not None and fill_seconds < MIN_FILL_SECONDS:
        reasons.insert(0, "terlalu_cepat")
    region_id = consultation.version.document.region_id
    blocks = SenderBlock.objects.filter(region_id=region_id)
    if (digest and blocks.filter(kind=BlockKind.CONTACT, digest=digest).exists()) or (
        print_ and blocks.filter(kind=BlockKind.FINGERPRINT, digest=print_).exists()
    ):
        reasons.insert(0, "pengirim_diblokir")
    recent = timezone.now() - dt.timedelta(days=1)
    if Comment.objects.filter(
        consultation=consultation, body=text, created_at__gte=recent
    ).exists():
        reasons.insert(0, "duplikat")
    suspected = verdict.spam or any(
        r in reasons for r in ("honeypot", "terlalu_cepat", "pengirim_diblokir", "duplikat")
    )
    if flood:
        reasons.append(FLOOD)
    shown_at_once = not consultation.premoderation and not suspected and not flood
    comment = Comment(
        consultation=consultation,
        paragraph=paragraph,
        section=section,
        section_title=section_title,
        page=page,
        body=text,
        name=name.strip()[:120],
        organisation=organisation.strip()[:160],
        desa=desa.strip()[:120],
        contact=contact.strip()[:160],
        contact_digest=digest,
        fingerprint=print_,
        source=CommentSource.WEB,
        status=CommentStatus.APPROVED if shown_at_once else CommentStatus.PENDING,
        suspected=suspected,
        spam_score=verdict.score,
        spam_reasons=reasons,
        token=secrets.token_urlsafe(18),
    )
    comment.save()
    audit_record(
        actor=None,
        obj=comment,
        action=Action.CREATE,
        changes=[{"field": "status", "old": None, "new": comment.status}],
        reason="komentar publik" + (" (ditahan: banjir kiriman)" if flood else ""),
        region_code=consultation.region_code,
    )
    return comment


def pending_queue(consultation: Consultation) -> QuerySet[Comment]:
    return consultation.comments.filter(status=CommentStatus.PENDING)
