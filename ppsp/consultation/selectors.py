"""Reads of consultations: scoped for staff (404 outside scope), published-only for the public."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from ppsp.consultation import sections
from ppsp.consultation.models import (
    PUBLISHED_STATES,
    Comment,
    CommentStatus,
    Consultation,
    Paragraph,
    PublicMeeting,
)
from ppsp.core.access import require
from ppsp.core.permissions import Permission

_RELATED = ("version__document__region", "version__document__method_version", "cycle")


def get_consultation_for_user(
    user: Any, pk: int, *, write: bool = False, moderate: bool = False
) -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related(*_RELATED), pk=pk)
    permission = (
        Permission.MODERATE_CONSULTATION
        if moderate
        else Permission.EDIT_DOCUMENTS
        if write
        else Permission.VIEW_DOCUMENTS
    )
    require(user, permission, consultation.region_code)
    return consultation


def get_comment_for_user(user: Any, pk: int, *, write: bool = False) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related(*(f"consultation__{r}" for r in _RELATED)), pk=pk
    )
    permission = Permission.EDIT_DOCUMENTS if write else Permission.VIEW_DOCUMENTS
    require(user, permission, comment.consultation.region_code)
    return comment


def get_meeting_for_user(user: Any, pk: int, *, write: bool = False) -> PublicMeeting:
    meeting = get_object_or_404(
        PublicMeeting.objects.select_related(*(f"consultation__{r}" for r in _RELATED)), pk=pk
    )
    permission = Permission.EDIT_DOCUMENTS if write else Permission.VIEW_DOCUMENTS
    require(user, permission, meeting.consultation.region_code)
    return meeting


def get_public_consultation(pk: int, *, light: bool = False) -> Consultation:
    """A published consultation for anyone (no login); 404 for drafts and unknown ids.

    `light` joins only what posting a comment needs (the document, for its region)."""
    related = ("version__document",) if light else _RELATED
    return get_object_or_404(
        Consultation.objects.select_related(*related), pk=pk, state__in=PUBLISHED_STATES
    )


def published_consultations() -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(state__in=PUBLISHED_STATES)
        .select_related("version__document__region")
        .order_by("-opens_on", "-id")
    )


def consultations_of(kabkota_code: str) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(version__document__region__code=kabkota_code)
        .select_related("version__document__region")
        .annotate(
            pending=Count("comments", filter=Q(comments__status=CommentStatus.PENDING)),
            shown=Count("comments", filter=Q(comments__status=CommentStatus.APPROVED)),
        )
        .order_by("-opens_on", "-id")
    )


def public_comments(consultation: Consultation) -> QuerySet[Comment]:
    """Comments shown to the public: approved only, with their tanggapan."""
    return (
        Comment.objects.filter(consultation=consultation, status=CommentStatus.APPROVED)
        .select_related("paragraph", "response", "meeting")
        .order_by("created_at", "id")
    )


def paragraphs_with_comments(consultation: Consultation) -> QuerySet[Paragraph]:
    shown = Comment.objects.filter(status=CommentStatus.APPROVED).select_related("response")
    return consultation.paragraphs.prefetch_related(
        Prefetch("comments", queryset=shown, to_attr="shown")
    )


def moderation_counts(consultation: Consultation) -> dict[str, int]:
    """Per status; the public page shows how many were moderated (hidden or spam)."""
    rows = (
        Comment.objects.filter(consultation=consultation)
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    counts = {s.value: 0 for s in CommentStatus}
    counts.update(dict(rows))
    counts["moderated"] = counts[CommentStatus.HIDDEN] + counts[CommentStatus.SPAM]
    return counts


def moderation_queue(consultation: Consultation, view: str = "pending") -> QuerySet[Comment]:
    qs = Comment.objects.filter(consultation=consultation).select_related(
        "paragraph", "moderated_by"
    )
    if view == "pending":
        return qs.filter(status=CommentStatus.PENDING, suspected=False).order_by("created_at")
    if view == "suspected":
        return qs.filter(status=CommentStatus.PENDING, suspected=True).order_by("-spam_score")
    if view in CommentStatus.values:
        return qs.filter(status=view).order_by("-created_at")
    return qs.order_by("-created_at")


def tanggapan_rows(consultation: Consultation, *, section: str = "") -> QuerySet[Comment]:
    """The tanggapan matrix: every accepted (shown) comment with its answer, if any.

    `section` (an outline number) keeps the comments that cite it or changed it; a chapter
    ("2") includes its sections ("2.4")."""
    rows = Comment.objects.filter(consultation=consultation, status=CommentStatus.APPROVED)
    if section:
        rows = rows.filter(
            Q(section=section)
            | Q(section__startswith=f"{section}.")
            | Q(response__changed_section=section)
            | Q(response__changed_section__startswith=f"{section}.")
        )
    return rows.select_related("paragraph", "response", "meeting").order_by(
        F("paragraph__number").asc(nulls_first=True), "created_at", "id"
    )


@dataclass(frozen=True)
class SectionChanges:
    """One outline section of the final and the accommodated comments that changed it."""

    number: str
    heading: str
    comments: tuple[Comment, ...]


def changes_by_section(consultation: Consultation) -> list[SectionChanges]:
    """Per section changed (outline order), the shown comments the Pokja marked
    diakomodasi there: the final's "which comments changed which section"."""
    accommodated = (
        Comment.objects.filter(
            consultation=consultation,
            status=CommentStatus.APPROVED,
            response__accommodated=True,
        )
        .select_related("paragraph", "response", "meeting")
        .order_by("created_at", "id")
    )
    grouped: dict[str, list[Comment]] = {}
    headings: dict[str, str] = {}
    for comment in accommodated:
        number = comment.response.changed_section
        grouped.setdefault(number, []).append(comment)
        headings.setdefault(number, comment.response.changed_section_title or number)
    order = sections.order_of(consultation)
    return [
        SectionChanges(number, headings[number], tuple(grouped[number]))
        for number in sorted(grouped, key=lambda n: (order.get(n, len(order)), n))
    ]


def meetings_of(consultation: Consultation) -> QuerySet[PublicMeeting]:
    return consultation.meetings.prefetch_related("attendance", "inputs")
