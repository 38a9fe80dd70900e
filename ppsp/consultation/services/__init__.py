"""Writes of the konsultasi publik: the consultation itself (create, update, publish, close,
reopen), each atomic, permission-checked and audited.

The other writes live beside it: public comments in `comments`, moderation in
`moderation`, public meetings in `meetings`, the Pokja's tanggapan in
`tanggapan`, swa-penilaian and pengesahan in `pengesahan`; the shared
guards in `guards`. Public comments come in without a user; everything else is
done by a signed-in user whose permission is checked in the region of the consultation.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ppsp.audit.services import audited_update
from ppsp.consultation.models import (
    Consultation,
    Paragraph,
)
from ppsp.consultation.services.guards import (
    acting_user,
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.consultation.workflow import (
    CONSULTATION,
    ConsultationAction,
    consultation_next,
)
from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context
from ppsp.cycles.models import UpdateCycle
from ppsp.cycles.outputs import cycle_set_finalisasi
from ppsp.documents.models import DocumentVersion

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
    require_permission(by, Permission.EDIT_DOCUMENTS, code)
    if version.locked:
        raise ValidationError(_("Versi yang sudah disahkan tidak dapat dikonsultasikan lagi."))
    if Consultation.objects.filter(version=version).exists():
        raise ValidationError(_("Versi ini sudah memiliki konsultasi publik."))
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("Tanggal tutup tidak boleh sebelum tanggal buka.")})
    paragraphs = split_paragraphs(version.summary)
    if not paragraphs:
        raise ValidationError(
            _(
                "Ringkasan versi ini masih kosong: isi ringkasan/bab draf dulu agar masyarakat "
                "dapat membaca dan mengomentari paragrafnya."
            )
        )
    consultation = Consultation(
        version=version,
        cycle=_cycle_for(version),
        title=title.strip() or str(version.document),
        introduction=introduction.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        premoderation=premoderation,
        created_by=acting_user(by),
    )
    with audited_update(
        consultation,
        ("title", "opens_on", "closes_on", "premoderation"),
        actor=by,
        created=True,
        reason=f"{len(paragraphs)} paragraf dari versi {version.number}",
        region_code=code,
    ):
        consultation.full_clean()
        consultation.save()
        Paragraph.objects.bulk_create(
            Paragraph(consultation=consultation, number=i, heading=h[:200], text=t)
            for i, (h, t) in enumerate(paragraphs, start=1)
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
    consultation = locked_consultation(consultation)
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="ubah konsultasi")
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("Tanggal tutup tidak boleh sebelum tanggal buka.")})
    fields = ("title", "introduction", "opens_on", "closes_on", "premoderation")
    with audited_update(consultation, fields, actor=by, region_code=consultation.region_code):
        consultation.title = title.strip() or consultation.title
        consultation.introduction = introduction.strip()
        consultation.opens_on, consultation.closes_on = opens_on, closes_on
        consultation.premoderation = premoderation
        consultation.full_clean()
        consultation.save()
    return consultation


@audits_refusals
@transaction.atomic
def consultation_transition(
    *, obj: Consultation, action: str, by: Any, reason: str = ""
) -> Consultation:
    """Publish, close or reopen (pengesahan has its own service); audited."""
    consultation = locked_consultation(obj)
    if action == ConsultationAction.APPROVE:
        raise ValidationError(_("Pengesahan dicatat melalui formulir pengesahan Kepala Daerah."))
    if consultation_next(consultation.state, action) is None:
        refuse_if_disahkan(consultation, by=by, attempted=action)

    def apply(ctx: Context) -> None:
        now = timezone.now()
        if action == ConsultationAction.PUBLISH:
            consultation.published_at = now
        elif action == ConsultationAction.CLOSE:
            consultation.closed_at = now
            record_cycle_close(consultation, timezone.localdate())
        elif action == ConsultationAction.REOPEN:
            consultation.closed_at = None

    draft_changes: list[dict[str, Any]] = []

    def publish_draft(ctx: Context) -> None:
        """On publication the full draft PDF is rendered and fixed (`services.draft`)."""
        if action != ConsultationAction.PUBLISH:
            return
        from ppsp.consultation.services.draft import draft_fix

        before = consultation.draft_pdf_id
        rendered = draft_fix(consultation, by=by, audit=False)
        if rendered.pk != before:
            draft_changes.append({"field": "draft_pdf", "old": before, "new": rendered.pk})

    CONSULTATION.transition(
        consultation,
        action,
        by,
        reason=reason,
        apply=apply,
        after=publish_draft,
        extra_changes=draft_changes,
        lock=False,
    )
    obj.state = consultation.state
    return consultation


def record_cycle_close(
    consultation: Consultation,
    closed_on: dt.date,
    *,
    pengesahan_on: dt.date | None = None,
    pengesahan_number: str = "",
) -> None:
    """Copy the Proses 5 facts onto the update cycle (its stand-in fields), if one is linked."""
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
