"""Permission expectations of Konsultasi publik (issue 8).

Public pages answer everyone for a published consultation (an unpublished one is 404 for
everyone: test_it_hides_unpublished_consultations in tests/test_permission_matrix.py);
management pages are scoped like documents, moderation like editing. Objects belong to the
target's kab/kota code[:5] (tests/consultation/support.py).
"""

from __future__ import annotations

from tests.documents.matrix import document_version
from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    everyone,
    national_only,
    no_kwargs,
    post_only,
    scoped,
)


def _consultation(code: str) -> dict[str, object]:
    from tests.consultation.support import consultation_in

    return {"pk": consultation_in(code[:5]).pk}


def _comment(code: str) -> dict[str, object]:
    from tests.consultation.support import comment_in

    return {"pk": comment_in(code[:5]).pk}


def _token(code: str) -> dict[str, object]:
    from tests.consultation.support import comment_in

    return {"token": comment_in(code[:5]).token}


def _signed(code: str) -> dict[str, object]:
    """The target's published consultation with a recorded pengesahan and its signed PDF."""
    import datetime as dt

    from django.core.files.base import ContentFile

    from ppsp.consultation.models import Consultation, Pengesahan

    pk = _consultation(code)["pk"]
    consultation = Consultation.objects.get(pk=pk)
    pengesahan = getattr(consultation, "pengesahan", None) or Pengesahan(
        consultation=consultation, legal_kind="perbup", number="1", date=dt.date(2025, 1, 2)
    )
    if not pengesahan.signed_file:
        pengesahan.signed_file.save("sah.pdf", ContentFile(b"%PDF-1.4 sah"), save=True)
    return {"pk": pk}


def _draft(code: str) -> dict[str, object]:
    """The target's published consultation with its fixed draft PDF finished."""
    from django.core.files.base import ContentFile

    from ppsp.consultation.models import Consultation
    from ppsp.docgen.models import RenderedFile, RenderState

    consultation = Consultation.objects.get(pk=_consultation(code)["pk"])
    rendered = consultation.draft_pdf or RenderedFile.objects.create(
        version=consultation.version, fmt="pdf"
    )
    if rendered.state != RenderState.DONE:
        rendered.file.save("draf.pdf", ContentFile(b"%PDF-1.4 draf"), save=False)
        rendered.state, rendered.size = RenderState.DONE, 13
        rendered.save()
    Consultation.objects.filter(pk=consultation.pk).update(draft_pdf=rendered, draft_pages=1)
    return {"pk": consultation.pk, "number": consultation.version.number}


def _meeting(code: str) -> dict[str, object]:
    from tests.consultation.support import meeting_in

    return {"pk": meeting_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "consultation:public_index": (no_kwargs, everyone(200)),
    "consultation:public": (_consultation, everyone(200)),
    "consultation:public_comment": (_consultation, everyone(405)),  # POST only
    "consultation:public_matrix": (_consultation, everyone(200)),
    "consultation:public_signed_file": (_signed, everyone(200)),
    "consultation:own_comment": (_token, everyone(200)),
    "consultation:public_draft": (_draft, everyone(200)),
    "consultation:draft_refresh": (_consultation, post_only),
    "consultation:spam_models": (no_kwargs, national_only),
    "consultation:spam_retrain": (no_kwargs, post_only),
    "consultation:kabkota": (by_kabkota, scoped(SEES)),
    "consultation:create": (document_version, scoped(EDITS)),
    "consultation:manage": (_consultation, scoped(SEES)),
    "consultation:transition": (_consultation, post_only),
    "consultation:moderation": (_consultation, scoped(EDITS)),
    "consultation:moderation_action": (_consultation, post_only),
    "consultation:block": (_comment, post_only),
    "consultation:meeting_add": (_consultation, post_only),
    "consultation:meeting": (_meeting, scoped(SEES)),
    "consultation:tanggapan": (_consultation, scoped(SEES)),
    "consultation:tanggapan_xlsx": (_consultation, scoped(SEES)),
    "consultation:response_set": (_comment, post_only),
    "consultation:changes": (_consultation, scoped(SEES)),
    "consultation:qa_set": (_consultation, post_only),
    "consultation:pengesahan": (_consultation, post_only),
}
