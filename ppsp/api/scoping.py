"""Scoped read-only viewsets: the same region scope as the UI, out of scope answers 404."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated

from ppsp.api.pagination import Pagination
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for

MIN_YEAR, MAX_YEAR = 1990, 2100


def int_param(
    value: str | None, name: str, low: int = MIN_YEAR, high: int = MAX_YEAR
) -> int | None:
    """Parse an integer query parameter within [low, high]; 400 with a message otherwise."""
    if value in (None, ""):
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise ValidationError({name: f"harus bilangan bulat {low}–{high}"}) from None
    if not low <= number <= high:
        raise ValidationError({name: f"harus bilangan bulat {low}–{high}"})
    return number


KABKOTA = OpenApiParameter("kabkota", OpenApiTypes.STR, description="kode kab/kota, mis. 15.07")
PROVINCE = OpenApiParameter("province", OpenApiTypes.STR, description="kode provinsi, mis. 15")
YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="tahun (1990–2100)")
SUBSECTOR = OpenApiParameter("subsector", OpenApiTypes.STR, description="kode subsektor")
COMMON = (KABKOTA, PROVINCE)
# Accepted on every list besides its documented filters (pagination, DRF's format override).
PAGING = frozenset({"page", "page_size", "format"})


def documented(*parameters: OpenApiParameter) -> Any:
    """Class decorator: document the list filters and accept exactly those.

    The OpenAPI parameters are the one list of a list endpoint's filters: the schema shows
    them and `check_query` refuses any other query parameter with 400, so a misspelt or
    unsupported filter (e.g. `?tingkat=` before it existed) never silently returns every row.
    """
    every = (*COMMON, *parameters)

    def wrap(cls: Any) -> Any:
        cls.query_filters = frozenset(p.name for p in every)
        return extend_schema_view(list=extend_schema(parameters=list(every)))(cls)

    return wrap


def check_query(params: Any, allowed: frozenset[str]) -> None:
    """400 naming each unknown query parameter and the filters this list accepts."""
    unknown = sorted(set(params) - allowed - PAGING)
    if unknown:
        accepted = ", ".join(sorted(allowed))
        raise ValidationError(
            {name: f"parameter tidak dikenal; yang tersedia: {accepted}" for name in unknown}
        )


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):  # type: ignore[misc,unused-ignore]
    """List/retrieve rows inside the user's scope for `permission`.

    Subclasses set `permission`, `region_prefix` (lookup path from the model to `Region`,
    ending in "__", or "" for Region itself) and `base_queryset()`; `filter_rows` applies the
    query parameters. The common filters `kabkota` and `province` work on `region_prefix`.
    """

    permission: ClassVar[Permission]
    region_prefix: ClassVar[str] = "region__"
    query_filters: ClassVar[frozenset[str]] = frozenset(p.name for p in COMMON)
    permission_classes = [IsAuthenticated]
    pagination_class = Pagination
    lookup_value_regex = r"[0-9]{1,9}"

    def base_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def filter_rows(self, rows: QuerySet[Any], params: Any) -> QuerySet[Any]:
        return rows

    def get_queryset(self) -> QuerySet[Any]:
        rows = self.base_queryset()
        if getattr(self, "swagger_fake_view", False):
            return rows.none()
        scope = scope_for(self.request.user, self.permission)
        if scope.empty:
            return rows.none()
        rows = rows.filter(scope.region_q(self.region_prefix))
        params = self.request.query_params
        if self.action == "list":
            check_query(params, self.query_filters)
        if kabkota := params.get("kabkota"):
            rows = rows.filter(**{f"{self.region_prefix}kabkota_code": kabkota[:5]})
        if province := params.get("province"):
            rows = rows.filter(**{f"{self.region_prefix}province_code": province[:2]})
        return self.filter_rows(rows, params)

    def get_object(self) -> Model:
        # Out-of-scope objects are simply absent from get_queryset: 404, never 403.
        return super().get_object()  # type: ignore[no-any-return]
