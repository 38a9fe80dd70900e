"""Public read-only endpoints (no authentication): published data only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from ppsp.api import serializers as s
from ppsp.api.pagination import Pagination
from ppsp.api.scoping import YEAR, check_query, documented, int_param
from ppsp.api.views import DOC_TYPE
from ppsp.documents.models import DocumentVersion, Status
from ppsp.documents.selectors import period_contains


@documented(DOC_TYPE, YEAR)
class PublicDocumentViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[misc,unused-ignore]
    """Metadata of approved (disahkan) BPS/SSK/MPS versions of every kab/kota."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    pagination_class = Pagination
    serializer_class = s.DocumentVersionSerializer
    lookup_value_regex = r"[0-9]{1,9}"

    def get_queryset(self) -> QuerySet[DocumentVersion]:
        rows = (
            DocumentVersion.objects.filter(status=Status.APPROVED)
            .select_related("document__region")
            .order_by("pk")
        )
        params = self.request.query_params
        if self.action == "list":
            check_query(params, self.query_filters)
        if kabkota := params.get("kabkota"):
            rows = rows.filter(document__region__kabkota_code=kabkota[:5])
        if province := params.get("province"):
            rows = rows.filter(document__region__province_code=province[:2])
        if doc_type := params.get("doc_type"):
            rows = rows.filter(document__doc_type=doc_type)
        if (year := int_param(params.get("year"), "year")) is not None:
            rows = rows.filter(period_contains(year, "document__"))
        return rows
