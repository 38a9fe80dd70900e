"""Page-number pagination with a capped `page_size` (kept apart: DRF settings import it).

`CachedCountPagination` is for long lists (the national realisation rows, 50 000+ per
year; the 2 570 indicator values of a year): a count of at least `LARGE_COUNT` rows is kept
in the process's local cache for `COUNT_TTL` seconds per exact query, so paging through a
national list does not recount it every time (and reading the count costs no query).
Smaller counts are always exact; a large one may lag inserts/deletes by up to COUNT_TTL s.
"""

from __future__ import annotations

import hashlib
from functools import cached_property

from django.core.cache import caches
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from rest_framework.pagination import PageNumberPagination

LARGE_COUNT = 1_000  # counting 2 570 joined rows costs PostgreSQL ≈ 4 ms
COUNT_TTL = 30  # seconds


class Pagination(PageNumberPagination):  # type: ignore[misc,unused-ignore]
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class CachedCountPaginator(Paginator):  # type: ignore[type-arg]
    @cached_property
    def count(self) -> int:
        query = getattr(self.object_list, "query", None)
        if query is None:
            return int(Paginator.count.func(self))  # type: ignore[attr-defined]
        try:
            sql, params = query.sql_with_params()
        except EmptyResultSet:
            return 0
        key = "api-count:" + hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()
        cached = caches["local"].get(key)
        if cached is not None:
            return int(cached)
        total = int(Paginator.count.func(self))  # type: ignore[attr-defined]
        if total >= LARGE_COUNT:
            caches["local"].set(key, total, COUNT_TTL)
        return total


class CachedCountPagination(Pagination):
    django_paginator_class = CachedCountPaginator
