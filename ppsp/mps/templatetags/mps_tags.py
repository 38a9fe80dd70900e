from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`mapping[key]` in a template, "" when absent."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""


@register.filter
def mps_years(row: Any, first_year: int) -> list[int]:
    """Years whose MPS carries this row: prioritas rows with an amount in the year."""
    if getattr(row, "status", "") != "prioritas":
        return []
    return [first_year + i for i, amount in enumerate(row.amounts) if amount]


@register.filter
def zip_with(left: Any, right: Any) -> list[tuple[Any, Any]]:
    """Pairs of two equally long lists, for old → new columns."""
    return list(zip(left, right, strict=False))
