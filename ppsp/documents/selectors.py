"""Reads of documents, always through the user's scope; access helpers answer 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.documents.models import Document, DocumentVersion, MethodVersion, Status
from ppsp.regions.models import Level, Region


def _check(user: Any, code: str, write: bool) -> None:
    permission = Permission.EDIT_DOCUMENTS if write else Permission.VIEW_DOCUMENTS
    if not scope_for(user, permission).covers(code):
        raise Http404


def get_document_for_user(user: Any, pk: int, *, write: bool = False) -> Document:
    document = get_object_or_404(Document.objects.select_related("region", "method_version"), pk=pk)
    _check(user, document.region.code, write)
    return document


def get_document_version_for_user(user: Any, pk: int, *, write: bool = False) -> DocumentVersion:
    version = get_object_or_404(
        DocumentVersion.objects.select_related(
            "document__region", "document__method_version", "created_by"
        ),
        pk=pk,
    )
    _check(user, version.document.region.code, write)
    return version


def visible_documents(user: Any) -> QuerySet[Document]:
    scope = scope_for(user, Permission.VIEW_DOCUMENTS)
    if scope.empty:
        return Document.objects.none()
    latest = DocumentVersion.objects.order_by("-number")
    return (
        Document.objects.filter(scope.region_q("region__"))
        .select_related("region", "method_version")
        .prefetch_related(Prefetch("versions", queryset=latest))
    )


def documents_of(kabkota_code: str) -> QuerySet[Document]:
    latest = DocumentVersion.objects.order_by("-number").prefetch_related("files")
    return (
        Document.objects.filter(region__code=kabkota_code)
        .select_related("region", "method_version")
        .prefetch_related(Prefetch("versions", queryset=latest))
    )


def method_versions(doc_type: str | None = None) -> QuerySet[MethodVersion]:
    qs = MethodVersion.objects.filter(active=True)
    return qs.filter(doc_type=doc_type) if doc_type else qs


def approved_version(document: Document) -> DocumentVersion | None:
    return document.versions.filter(status=Status.APPROVED).first()


def get_kabkota_for_user(user: Any, code: str, *, write: bool = False) -> Region:
    """The kab/kota with this code if the user may see (or write) its documents; else 404."""
    _check(user, code, write)
    return get_object_or_404(Region, code=code, level=Level.KABKOTA)
