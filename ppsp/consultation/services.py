"""Writes of the konsultasi publik: each atomic, permission-checked and audited.

Public comments come in through `comment_submit` (no user); everything else is done by a
signed-in user whose permission is checked here, in the region of the consultation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ParamSpec, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record, field_changes, snapshot
from ppsp.compute.spam import SpamModel, classify
from ppsp.consultation import qa, spam_models
from ppsp.consultation.models import (
    AttendeeGroup,
    BlockKind,
    Comment,
    CommentSource,
    CommentStatus,
    Consultation,
    ConsultationState,
    Decision,
    MeetingAttendance,
    Paragraph,
    Pengesahan,
    PublicMeeting,
    QaCheck,
    QaItem,
    QaRule,
    Response,
    SenderBlock,
)
from ppsp.consultation.signals import recording_pengesahan
from ppsp.consultation.workflow import (
    NEEDS_REASON,
    ConsultationAction,
    consultation_next,
    moderation_next,
)
from ppsp.core.permissions import Permission
from ppsp.core.scope import has_permission
from ppsp.cycles.models import UpdateCycle
from ppsp.documents.models import DocumentVersion, LegalKind, Status
from ppsp.documents.services import (
    document_version_set_legal_basis,
    document_version_transition,
)
from ppsp.documents.workflow import DocAction

MIN_FILL_SECONDS = 4  # a person needs longer than this to read and write a comment
MAX_BODY = 5000
DISAHKAN_MESSAGE = (
    "Dokumen hasil konsultasi ini sudah disahkan; konsultasi, komentar dan tanggapannya terkunci."
)
CLOSED_FOR_COMMENTS = "Konsultasi publik ini tidak sedang menerima komentar."
P = ParamSpec("P")
T = TypeVar("T")


def _require(user: Any, permission: Permission, code: str) -> None:
    if user is not None and not has_permission(user, permission, code):
        raise PermissionDenied("Anda tidak berwenang melakukan tindakan ini di wilayah ini.")


def _user(by: Any) -> Any:
    return by if getattr(by, "is_authenticated", False) else None


def _locked(consultation: Consultation) -> Consultation:
    return (
        Consultation.objects.select_for_update()
        .select_related("version__document__region")
        .get(pk=consultation.pk)
    )


class Refused(ValidationError):
    """A change refused because the consultation's document is disahkan (locked)."""

    def __init__(self, *, consultation: Consultation, by: Any, attempted: str) -> None:
        super().__init__(DISAHKAN_MESSAGE)
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
                reason=f"DITOLAK: {refused.attempted}. {DISAHKAN_MESSAGE}",
                region_code=refused.consultation.region_code,
            )
            raise

    return wrapper


# --- consultation -------------------------------------------------------------------------

_HEADING = re.compile(r"^(bab|bagian|lampiran)\b|^#+\s", re.IGNORECASE)


def split_paragraphs(text: str) -> list[tuple[str, str]]:
    """(heading, paragraph) pairs: blank lines separate paragraphs; a short line starting
    with 'Bab', 'Bagian', 'Lampiran' or '#' is a heading for the paragraphs after it."""
    heading = ""
    out: list[tuple[str, str]] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln.strip() for ln in block.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if _HEADING.match(lines[0]) and len(lines[0]) <= 120:
            heading = lines[0].lstrip("#").strip()
            lines = lines[1:]
        if lines:
            out.append((heading, " ".join(lines)))
    return out


def _cycle_for(version: DocumentVersion) -> UpdateCycle | None:
    """The update cycle that produces this SSK: same kab/kota, fiscal year before its period."""
    document = version.document
    return (
        UpdateCycle.objects.filter(
            region=document.region, fiscal_year__lt=document.period_start + 1
        )
        .order_by("-fiscal_year")
        .first()
    )


@transaction.atomic
def consultation_create(
    *,
    version: DocumentVersion,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    by: Any,
    introduction: str = "",
    premoderation: bool = True,
) -> Consultation:
    """A consultation on a draft version; the version's summary becomes numbered paragraphs."""
    version = (
        DocumentVersion.objects.select_for_update()
        .select_related("document__region")
        .get(pk=version.pk)
    )
    code = version.document.region.code
    _require(by, Permission.EDIT_DOCUMENTS, code)
    if version.locked:
        raise ValidationError("Versi yang sudah disahkan tidak dapat dikonsultasikan lagi.")
    if Consultation.objects.filter(version=version).exists():
        raise ValidationError("Versi ini sudah memiliki konsultasi publik.")
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "Tanggal tutup tidak boleh sebelum tanggal buka."})
    paragraphs = split_paragraphs(version.summary)
    if not paragraphs:
        raise ValidationError(
            "Ringkasan versi ini masih kosong: isi ringkasan/bab draf dulu agar masyarakat "
            "dapat membaca dan mengomentari paragrafnya."
        )
    consultation = Consultation(
        version=version,
        cycle=_cycle_for(version),
        title=title.strip() or str(version.document),
        introduction=introduction.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        premoderation=premoderation,
        created_by=_user(by),
    )
    consultation.full_clean()
    consultation.save()
    Paragraph.objects.bulk_create(
        Paragraph(consultation=consultation, number=i, heading=h[:200], text=t)
        for i, (h, t) in enumerate(paragraphs, start=1)
    )
    fields = ("title", "opens_on", "closes_on", "premoderation")
    audit_record(
        actor=by,
        obj=consultation,
        action=Action.CREATE,
        changes=field_changes({}, snapshot(consultation, fields)),
        reason=f"{len(paragraphs)} paragraf dari versi {version.number}",
        region_code=code,
    )
    return consultation


@audits_refusals
@transaction.atomic
def consultation_update(
    *,
    consultation: Consultation,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    premoderation: bool,
    by: Any,
    introduction: str = "",
) -> Consultation:
    consultation = _locked(consultation)
    _require(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="ubah konsultasi")
    if closes_on < opens_on:
        raise ValidationError({"closes_on": "Tanggal tutup tidak boleh sebelum tanggal buka."})
    fields = ("title", "introduction", "opens_on", "closes_on", "premoderation")
    before = snapshot(consultation, fields)
    consultation.title = title.strip() or consultation.title
    consultation.introduction = introduction.strip()
    consultation.opens_on, consultation.closes_on = opens_on, closes_on
    consultation.premoderation = premoderation
    consultation.full_clean()
    consultation.save()
    changes = field_changes(before, snapshot(consultation, fields))
    if changes:
        audit_record(
            actor=by,
            obj=consultation,
            action=Action.UPDATE,
            changes=changes,
            region_code=consultation.region_code,
        )
    return consultation


@audits_refusals
@transaction.atomic
def consultation_transition(
    *, obj: Consultation, action: str, by: Any, reason: str = ""
) -> Consultation:
    """Publish, close or reopen (pengesahan has its own service); audited."""
    consultation = _locked(obj)
    if action == ConsultationAction.APPROVE:
        raise ValidationError("Pengesahan dicatat melalui formulir pengesahan Kepala Daerah.")
    step = consultation_next(consultation.state, action)
    if step is None:
        refuse_if_disahkan(consultation, by=by, attempted=action)
        raise ValidationError(
            f"Tindakan '{action}' tidak dapat dilakukan pada konsultasi berstatus "
            f"'{ConsultationState(consultation.state).label}'."
        )
    new_state, permission = step
    _require(by, permission, consultation.region_code)
    now = timezone.now()
    old = consultation.state
    consultation.state = new_state
    if action == ConsultationAction.PUBLISH:
        consultation.published_at = now
    elif action == ConsultationAction.CLOSE:
        consultation.closed_at = now
        _record_cycle_close(consultation, timezone.localdate())
    elif action == ConsultationAction.REOPEN:
        consultation.closed_at = None
    consultation.full_clean()
    consultation.save()
    audit_record(
        actor=by,
        obj=consultation,
        action=Action.TRANSITION,
        changes=[{"field": "state", "old": old, "new": new_state}],
        reason=reason or action,
        region_code=consultation.region_code,
    )
    obj.state = consultation.state
    return consultation


def _record_cycle_close(
    consultation: Consultation,
    closed_on: dt.date,
    *,
    pengesahan_on: dt.date | None = None,
    pengesahan_number: str = "",
) -> None:
    """Copy the Proses 5 facts onto the update cycle (its stand-in fields), if one is linked."""
    from ppsp.cycles.outputs import cycle_set_finalisasi

    if consultation.cycle_id is None:
        return
    cycle = UpdateCycle.objects.get(pk=consultation.cycle_id)
    # by=None: the consultation service has already checked the user's permission, and the
    # Kepala Daerah (who records pengesahan) does not run the cycle. A ValidationError means
    # Proses 5 is already submitted/finished there and its outputs are locked.
    with contextlib.suppress(ValidationError):
        cycle_set_finalisasi(
            cycle=cycle,
            konsultasi_publik_closed_on=closed_on,
            pengesahan_on=pengesahan_on,
            pengesahan_number=pengesahan_number,
            by=None,
        )


# --- public comments ----------------------------------------------------------------------


def accepting_comments(consultation: Consultation, today: dt.date | None = None) -> bool:
    day = today or timezone.localdate()
    return (
        consultation.state == ConsultationState.OPEN
        and consultation.opens_on <= day <= consultation.closes_on
    )


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


def comment_submit(
    *,
    consultation: Consultation,
    body: str,
    paragraph_number: int | None = None,
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
) -> Comment:
    """Store a public comment. Nothing is dropped: suspected spam is held as pending.

    Shown at once only when pre-moderation is off and no defence fired.
    """
    if not accepting_comments(consultation, today):
        raise ValidationError(CLOSED_FOR_COMMENTS)
    text = body.strip()
    if len(text) < 3:
        raise ValidationError({"body": "Tuliskan komentar Anda."})
    if len(text) > MAX_BODY:
        raise ValidationError({"body": f"Komentar paling panjang {MAX_BODY} karakter."})
    paragraph = None
    if paragraph_number is not None:
        paragraph = Paragraph.objects.filter(
            consultation=consultation, number=paragraph_number
        ).first()
        if paragraph is None:
            raise ValidationError({"paragraph": "Paragraf tidak ditemukan."})
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
    shown_at_once = not consultation.premoderation and not suspected
    comment = Comment(
        consultation=consultation,
        paragraph=paragraph,
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
    return comment


# --- moderation ---------------------------------------------------------------------------


@audits_refusals
@transaction.atomic
def comments_moderate(
    *, consultation: Consultation, ids: Iterable[int], action: str, by: Any, reason: str = ""
) -> int:
    """Apply one moderation action to many comments of one consultation (each audited)."""
    consultation = _locked(consultation)
    code = consultation.region_code
    _require(by, Permission.MODERATE_CONSULTATION, code)
    if by is None:
        raise PermissionDenied("Moderasi harus dilakukan oleh pengguna.")
    refuse_if_disahkan(consultation, by=by, attempted=f"moderasi '{action}'")
    if action in NEEDS_REASON and not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan menyembunyikan komentar."})
    comments = list(
        Comment.objects.select_for_update()
        .filter(consultation=consultation, pk__in=list(ids))
        .order_by("pk")
    )
    if not comments:
        raise ValidationError("Pilih minimal satu komentar.")
    now = timezone.now()
    done = 0
    for comment in comments:
        step = moderation_next(comment.status, action)
        if step is None:
            continue  # already in that state: bulk actions skip, not fail
        new_status, _permission = step
        old = comment.status
        comment.status = new_status
        comment.moderated_by, comment.moderated_at = _user(by), now
        comment.moderation_reason = reason.strip()
        comment.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_reason"])
        audit_record(
            actor=by,
            obj=comment,
            action=Action.TRANSITION,
            changes=[{"field": "status", "old": old, "new": new_status}],
            reason=reason.strip() or action,
            region_code=code,
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
    _require(by, Permission.MODERATE_CONSULTATION, region.code)
    refuse_if_disahkan(consultation, by=by, attempted="blokir pengirim")
    if not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan pemblokiran."})
    if kind == BlockKind.CONTACT:
        digest = comment.contact_digest
        if not digest:
            raise ValidationError("Komentar ini tidak mencantumkan kontak; blokir perangkatnya.")
    elif kind == BlockKind.FINGERPRINT:
        digest = comment.fingerprint
        if not digest:
            raise ValidationError("Sidik perangkat komentar ini tidak tercatat.")
    else:
        raise ValidationError("Jenis blokir tidak dikenal.")
    block, created = SenderBlock.objects.get_or_create(
        region=region,
        kind=kind,
        digest=digest,
        defaults={"reason": reason.strip(), "source_comment": comment, "created_by": _user(by)},
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


# --- public meetings ----------------------------------------------------------------------


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
    consultation = _locked(consultation)
    _require(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="catat pertemuan publik")
    if consultation.state == ConsultationState.DRAFT:
        raise ValidationError("Terbitkan konsultasi sebelum mencatat pertemuan publik.")
    counts = {g: (int(m), int(f)) for g, (m, f) in attendance.items() if int(m) or int(f)}
    if any(g not in AttendeeGroup.values for g in counts):
        raise ValidationError("Kelompok peserta tidak dikenal.")
    if any(m < 0 or f < 0 for m, f in counts.values()):
        raise ValidationError("Jumlah peserta tidak boleh negatif.")
    if not counts:
        raise ValidationError({"attendance": "Catat jumlah peserta per kelompok (L/P)."})
    if not minutes.strip():
        raise ValidationError({"minutes": "Tuliskan notulen pertemuan."})
    meeting = PublicMeeting(
        consultation=consultation,
        held_on=held_on,
        place=place.strip(),
        title=title.strip(),
        minutes=minutes.strip(),
        recorded_by=_user(by),
    )
    meeting.full_clean()
    meeting.save()
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=meeting, group=g, male=m, female=f)
        for g, (m, f) in sorted(counts.items())
    )
    audit_record(
        actor=by,
        obj=meeting,
        action=Action.CREATE,
        changes=[
            *field_changes({}, snapshot(meeting, ("held_on", "place", "title"))),
            {"field": "attendance", "old": None, "new": str(sorted(counts.items()))},
        ],
        region_code=consultation.region_code,
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
    consultation = _locked(meeting.consultation)
    _require(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="masukan pertemuan publik")
    if not body.strip():
        raise ValidationError({"body": "Tuliskan masukan peserta."})
    paragraph = None
    if paragraph_number is not None:
        paragraph = Paragraph.objects.filter(
            consultation=consultation, number=paragraph_number
        ).first()
        if paragraph is None:
            raise ValidationError({"paragraph": "Paragraf tidak ditemukan."})
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
        entered_by=_user(by),
        moderated_by=_user(by),
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


# --- tanggapan ----------------------------------------------------------------------------

_RESPONSE_FIELDS = ("decision", "reason", "section_changed")


@audits_refusals
@transaction.atomic
def response_set(
    *, comment: Comment, decision: str, reason: str, by: Any, section_changed: str = ""
) -> Response:
    """The Pokja's answer to an accepted (shown) comment; a row of the tanggapan matrix."""
    comment = Comment.objects.select_related("consultation").get(pk=comment.pk)
    consultation = _locked(comment.consultation)
    _require(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted=f"tanggapan komentar #{comment.pk}")
    if comment.status != CommentStatus.APPROVED:
        raise ValidationError("Hanya komentar yang sudah disetujui moderator yang ditanggapi.")
    if decision not in Decision.values:
        raise ValidationError({"decision": "Pilih keputusan: diterima, sebagian atau tidak."})
    if not reason.strip():
        raise ValidationError({"reason": "Tuliskan alasan/tanggapan Pokja."})
    if decision != Decision.TIDAK and not section_changed.strip():
        raise ValidationError(
            {"section_changed": "Sebutkan bagian dokumen yang diubah karena masukan ini."}
        )
    response = Response.objects.filter(comment=comment).first()
    before = snapshot(response, _RESPONSE_FIELDS) if response else {}
    if response is None:
        response = Response(comment=comment)
    response.decision, response.reason = decision, reason.strip()
    response.section_changed = section_changed.strip()
    response.answered_by = _user(by)
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


# --- swa-penilaian and pengesahan ---------------------------------------------------------


@audits_refusals
@transaction.atomic
def qa_check_set(
    *, consultation: Consultation, item: QaItem, passed: bool, by: Any, note: str = ""
) -> QaCheck:
    consultation = _locked(consultation)
    _require(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="swa-penilaian")
    if item.rule != QaRule.MANUAL:
        raise ValidationError("Butir ini diperiksa otomatis dari data.")
    check, _created = QaCheck.objects.get_or_create(consultation=consultation, item=item)
    before = snapshot(check, ("passed", "note"))
    check.passed, check.note, check.checked_by = passed, note.strip(), _user(by)
    check.save()
    changes = field_changes(before, snapshot(check, ("passed", "note")))
    if changes:
        audit_record(
            actor=by,
            obj=consultation,
            action=Action.UPDATE,
            changes=[{**c, "field": f"qa.{item.code}.{c['field']}"} for c in changes],
            region_code=consultation.region_code,
        )
    return check


def pengesahan_problems(consultation: Consultation, *, check_version: bool = True) -> list[str]:
    """Why pengesahan may not be recorded yet (Bahasa Indonesia); empty when it may."""
    problems: list[str] = []
    if consultation.state == ConsultationState.DISAHKAN:
        return ["Dokumen ini sudah disahkan."]
    if consultation.state != ConsultationState.CLOSED:
        problems.append(
            "Konsultasi publik masih dibuka (atau belum diterbitkan): tutup dulu masa "
            "konsultasinya."
        )
    failed = [r for r in qa.evaluate(consultation) if not r.passed]
    problems += [f"Swa-penilaian belum terpenuhi: {r.label}." for r in failed]
    version = consultation.version
    if check_version and version.status != Status.REVIEWED:
        problems.append(
            f"Versi dokumen berstatus '{Status(version.status).label}'; pengesahan hanya untuk "
            "versi yang sudah diajukan dan ditinjau."
        )
    return problems


@audits_refusals
@transaction.atomic
def pengesahan_record(
    *,
    consultation: Consultation,
    legal_kind: str,
    number: str,
    date: dt.date,
    by: Any,
    signed_file: UploadedFile | None = None,
) -> Pengesahan:
    """The Kepala Daerah approves the consulted version: refused while the consultation is
    open or the self-assessment fails; then the documents app approves (and locks) the
    version, Proses 5 of the cycle gets its dates, and the public page shows the result."""
    consultation = _locked(consultation)
    code = consultation.region_code
    _require(by, Permission.APPROVE_DOCUMENTS, code)
    refuse_if_disahkan(consultation, by=by, attempted="pengesahan ulang")
    if legal_kind not in LegalKind.values or not legal_kind:
        raise ValidationError({"legal_kind": "Pilih bentuk hukum (Perbup, Perwal atau SK)."})
    if not number.strip():
        raise ValidationError({"number": "Nomor Perbup/Perwal/SK wajib diisi."})
    closed_on = (
        timezone.localtime(consultation.closed_at).date() if consultation.closed_at else None
    )
    if closed_on and date < closed_on:
        raise ValidationError(
            {"date": "Tanggal pengesahan tidak boleh sebelum konsultasi ditutup."}
        )
    problems = pengesahan_problems(consultation)
    if problems:
        raise ValidationError(problems)
    version = consultation.version
    document_version_set_legal_basis(
        version=version, kind=legal_kind, number=number.strip(), date=date, by=by
    )
    with recording_pengesahan(version.pk):
        document_version_transition(
            obj=version, action=DocAction.APPROVE, by=by, reason="Pengesahan Kepala Daerah"
        )
    record = Pengesahan(
        consultation=consultation,
        legal_kind=legal_kind,
        number=number.strip(),
        date=date,
        recorded_by=_user(by),
    )
    if signed_file is not None:
        record.signed_file.save(signed_file.name or "pengesahan.pdf", signed_file, save=False)
    record.full_clean()
    record.save()
    old = consultation.state
    consultation.state = ConsultationState.DISAHKAN
    consultation.save(update_fields=["state"])
    audit_record(
        actor=by,
        obj=consultation,
        action=Action.TRANSITION,
        changes=[
            {"field": "state", "old": old, "new": consultation.state},
            {"field": "pengesahan", "old": None, "new": str(record)},
        ],
        reason="Pengesahan Kepala Daerah",
        region_code=code,
    )
    _record_cycle_close(
        consultation,
        closed_on or date,
        pengesahan_on=date,
        pengesahan_number=f"{record.get_legal_kind_display()} {record.number}",
    )
    return record


def pending_queue(consultation: Consultation) -> QuerySet[Comment]:
    return consultation.comments.filter(status=CommentStatus.PENDING)
