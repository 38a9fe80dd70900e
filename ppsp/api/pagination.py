"""Page-number pagination with a capped `page_size` (kept apart: DRF settings import it)."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):  # type: ignore[misc,unused-ignore]
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
