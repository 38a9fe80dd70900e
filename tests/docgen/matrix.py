"""Permission matrix of the document generator (issue 9): objects of the target kab/kota."""

from __future__ import annotations

from django.core.files.base import ContentFile

from tests.matrix_support import EDITS, SEES, Expect, Kwargs, everyone, post_only, scoped


def _version_pk(code: str) -> int:
    from tests.cycles.support import ssk

    pk: int = ssk(code[:5]).versions.get().pk
    return pk


def _rendered(code: str) -> dict[str, object]:
    from ppsp.docgen.models import RenderedFile, RenderState
    from ppsp.documents.models import DocumentVersion

    version = DocumentVersion.objects.get(pk=_version_pk(code))
    rendered = RenderedFile.objects.filter(version=version).first()
    if rendered is None:
        rendered = RenderedFile(version=version, fmt="pdf", state=RenderState.DONE, sha256="0")
        rendered.file.save("matrix.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return {"pk": rendered.pk}


def _approved(code: str) -> int:
    """An approved SSK 2021–2025 of the target with a generated PDF (public download)."""
    from ppsp.docgen.models import RenderedFile, RenderState
    from ppsp.documents.models import Status
    from tests.cycles.support import ssk

    version = ssk(code[:5], 2021, 2025, status=Status.APPROVED).versions.get()
    if not RenderedFile.objects.filter(version=version).exists():
        rendered = RenderedFile(version=version, fmt="pdf", state=RenderState.DONE, sha256="0")
        rendered.file.save("matrix.pdf", ContentFile(b"%PDF-1.4"), save=True)
    pk: int = version.pk
    return pk


by_version: Kwargs = lambda code: {"pk": _version_pk(code)}  # noqa: E731
by_section: Kwargs = lambda code: {"pk": _version_pk(code), "section": "1.1"}  # noqa: E731

EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "docgen:version": (by_version, scoped(SEES)),
    "docgen:narrative": (by_section, scoped(EDITS)),
    "docgen:render": (by_version, post_only),
    "docgen:diff": (by_version, scoped(SEES)),
    "docgen:status": (_rendered, scoped(SEES)),
    "docgen:download": (_rendered, scoped(SEES)),
    "docgen:public_files": (lambda code: {"pk": _approved(code)}, everyone(200)),
    "docgen:public_download": (lambda code: {"pk": _approved(code), "fmt": "pdf"}, everyone(200)),
}
