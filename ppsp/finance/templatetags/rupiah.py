"""Amount filters: computed in full rupiah, shown in Rp juta (domain-ppsp.md §10.6)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def juta(value: Any, digits: int = 0) -> str:
    """Rupiah → Rp juta, grouped by the active locale ('1.234' in Indonesian)."""
    if value is None or value == "":
        return "–"
    return number_format(float(value) / 1e6, int(digits), use_l10n=True, force_grouping=True)


@register.filter
def rp(value: Any) -> str:
    """Whole rupiah, grouped."""
    if value is None or value == "":
        return "–"
    return number_format(round(float(value)), 0, use_l10n=True, force_grouping=True)


@register.filter
def pct(value: Any, digits: int = 1) -> str:
    """A fraction as percent ('0.05' → '5,0 %')."""
    if value is None or value == "":
        return "–"
    return number_format(float(value) * 100, int(digits), use_l10n=True) + " %"


@register.filter
def at(values: Any, index: int) -> Any:
    """values[index] for lists in templates."""
    try:
        return values[index]
    except (IndexError, KeyError, TypeError):
        return None


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """mapping[key] in templates (None when absent)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
