"""The full draft offered on the public page: one rendered PDF of the consulted version.

When a consultation is published the version's newest finished PDF is fixed as its public
draft (`Consultation.draft_pdf`); when the version has none, one render is queued through
docgen's background job and fixed at once, so the page shows the job's progress until the
file is there. The file is the one docgen stored (path never exposed; the public view
serves it through `core.files.file_response`), so the public reads exactly the pages the
Pokja published, however the draft's data change during the consultation. The page count
is read once from the file (pypdf) and stored beside it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.consultation.models import PUBLISHED_STATES, Consultation
from ppsp.consultation.services.guards import (
    audits_refusals,
    locked_consultation,
    refuse_if_disahkan,
    require_permission,
)
from ppsp.core import jobs
from ppsp.core.models import BackgroundJob
from ppsp.core.permissions import Permission
from ppsp.docgen.models import Format, RenderedFile, RenderState
from ppsp.docgen.selectors import latest_done
from ppsp.docgen.services import render_request

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DraftFile:
    """What the public page says about the full draft."""

    rendered: RenderedFile | None  # the fixed file (maybe still rendering); None: none yet
    pages: int | None
    job: BackgroundJob | None  # the render job while the file is not done

    @property
    def ready(self) -> bool:
        return self.rendered is not None and self.rendered.state == RenderState.DONE

    @property
    def failed(self) -> bool:
        return self.rendered is not None and self.rendered.state == RenderState.FAILED

    @property
    def size(self) -> int:
        return self.rendered.size if self.rendered is not None else 0


def pdf_page_count(rendered: RenderedFile) -> int | None:
    """Pages of a stored PDF (None when the file cannot be read)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with rendered.file.open("rb") as handle:
            return len(PdfReader(handle).pages)
    except (OSError, ValueError, PdfReadError) as error:
        log.warning("draft PDF %s unreadable: %s", rendered.pk, error)
        return None


def _draft_of_version(consultation: Consultation) -> RenderedFile | None:
    """The version's newest finished PDF, else one queued or running already."""
    version = consultation.version
    done = latest_done(version, Format.PDF)
    if done is not None:
        return done
    return (
        RenderedFile.objects.filter(
            version=version,
            fmt=Format.PDF,
            state__in=[RenderState.QUEUED, RenderState.RUNNING],
        )
        .order_by("-created_at", "-id")
        .first()
    )


def _fix(
    consultation: Consultation, rendered: RenderedFile, by: Any, reason: str, audit: bool
) -> None:
    old = consultation.draft_pdf_id
    consultation.draft_pdf = rendered
    consultation.draft_pages = None
    consultation.save(update_fields=["draft_pdf", "draft_pages"])
    if not audit:  # the caller's own audit row records the change (publication)
        return
    audit_record(
        actor=by,
        obj=consultation,
        action=Action.UPDATE,
        changes=[{"field": "draft_pdf", "old": old, "new": rendered.pk}],
        reason=reason,
        region_code=consultation.region_code,
    )


@transaction.atomic
def draft_fix(
    consultation: Consultation, *, by: Any, fresh: bool = False, audit: bool = True
) -> RenderedFile:
    """Fix the public draft PDF of a published consultation: the version's newest finished
    (or pending) PDF, or a render queued now (also when `fresh`). Atomic and audited (by
    the caller when `audit` is false: publication records it in its transition row);
    idempotent (a consultation that has a usable file keeps it unless `fresh`)."""
    consultation = locked_consultation(consultation)
    current = consultation.draft_pdf
    if (
        not fresh
        and current is not None
        and current.state != RenderState.FAILED
        and current.version_id == consultation.version_id
    ):
        return current
    rendered = None if fresh else _draft_of_version(consultation)
    if rendered is None:
        rendered = render_request(version=consultation.version, fmt=Format.PDF, by=by)
    _fix(
        consultation,
        rendered,
        by,
        _("draf lengkap PDF disusun ulang") if fresh else _("draf lengkap PDF ditetapkan"),
        audit,
    )
    return rendered


@audits_refusals
def draft_refresh(*, consultation: Consultation, by: Any) -> RenderedFile:
    """The Pokja renders the public draft again (e.g. after a failed render or a fix in the
    document) while the consultation is published and not yet disahkan."""
    require_permission(by, Permission.EDIT_DOCUMENTS, consultation.region_code)
    refuse_if_disahkan(consultation, by=by, attempted="susun ulang draf PDF")
    return draft_fix(consultation, by=by, fresh=True)


def draft_file(consultation: Consultation) -> DraftFile:
    """The public draft of a published consultation, fixing one on first use (consultations
    published before drafts were fixed at publication); a draft consultation has none."""
    if consultation.state not in PUBLISHED_STATES:
        return DraftFile(None, None, None)
    rendered = consultation.draft_pdf
    if rendered is None:
        rendered = draft_fix(consultation, by=None)
        consultation.draft_pdf = rendered
    job = None
    if rendered.state != RenderState.DONE:
        rendered.refresh_from_db()
    if rendered.state == RenderState.DONE:
        if consultation.draft_pages is None:
            pages = pdf_page_count(rendered)
            if pages is not None:
                Consultation.objects.filter(pk=consultation.pk).update(draft_pages=pages)
                consultation.draft_pages = pages
    else:
        job = jobs.latest_for(rendered)
    return DraftFile(rendered, consultation.draft_pages, job)


def servable_draft(consultation: Consultation, number: int) -> RenderedFile | None:
    """The file the public download may serve: the fixed, finished PDF of the consulted
    version `number` of a published consultation; None otherwise (the view answers 404)."""
    rendered = consultation.draft_pdf
    if (
        consultation.state not in PUBLISHED_STATES
        or rendered is None
        or rendered.state != RenderState.DONE
        or rendered.fmt != Format.PDF
        or rendered.version_id != consultation.version_id
        or consultation.version.number != number
        or not rendered.file
    ):
        return None
    return rendered
