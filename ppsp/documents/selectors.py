"""Reads of documents, always through the user's scope; access helpers answer 404."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.documents.models import Document, DocumentVersion, MethodVersion, Status


def _permission(write: bool) -> Permission:
    return Permission.EDIT_DOCUMENTS if write else Permission.VIEW_DOCUMENTS


def get_document_for_user(user: Any, pk: int, *, write: bool = False) -> Document:
    rows = Document.objects.select_related("region", "method_version")
    return object_for_user(user, rows, pk, _permission(write), "region.code")


def get_document_version_for_user(user: Any, pk: int, *, write: bool = False) -> DocumentVersion:
    rows = DocumentVersion.objects.select_related(
        "document__region", "document__method_version", "created_by"
    )
    return object_for_user(user, rows, pk, _permission(write), "document.region.code")


def period_contains(year: int, prefix: str = "") -> Q:
    """Documents (through ``prefix``, e.g. ``"document__"``) whose period contains ``year``."""
    return Q(**{f"{prefix}period_start__lte": year, f"{prefix}period_end__gte": year})


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
