"""Permission expectations of planning documents (issue 4 part B).

Objects belong to the target's kab/kota code[:5] (an SSK from tests/cycles/support.py).
"""

from __future__ import annotations

from tests.matrix_support import (
    EDITS,
    SEES,
    Expect,
    Kwargs,
    by_kabkota,
    logged_in_only,
    no_kwargs,
    post_only,
    scoped,
)


def document_version(code: str) -> dict[str, object]:
    """The SSK version of the target's kab/kota (also used by tests/consultation/matrix.py)."""
    from tests.cycles.support import ssk

    return {"pk": ssk(code[:5]).versions.get().pk}


def document_file(code: str) -> dict[str, object]:
    """A PDF uploaded to the SSK version of the target's kab/kota (created once)."""
    from django.core.files.base import ContentFile

    from ppsp.documents.models import DocumentFile

    version = document_version(code)["pk"]
    stored = DocumentFile.objects.filter(version_id=version).first()
    if stored is None:
        stored = DocumentFile(version_id=version, label="matriks")
        stored.file.save("matriks.pdf", ContentFile(b"%PDF-1.4 matrix"), save=True)
    return {"pk": stored.pk}


def _document(code: str) -> dict[str, object]:
    from tests.cycles.support import ssk

    return {"pk": ssk(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "documents:index": (no_kwargs, logged_in_only()),
    "documents:kabkota": (by_kabkota, scoped(SEES)),
    "documents:create": (by_kabkota, scoped(EDITS)),
    "documents:version": (document_version, scoped(SEES)),
    "documents:version_edit": (document_version, scoped(EDITS)),
    "documents:version_transition": (document_version, post_only),
    "documents:file_upload": (document_version, post_only),
    "documents:file": (document_file, scoped(SEES)),
    "documents:new_version": (_document, post_only),
}
