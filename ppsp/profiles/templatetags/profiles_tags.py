from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import number_format

from ppsp.profiles.columns import COLUMNS, Column
from ppsp.profiles.selectors import Profile

register = template.Library()
GRID = [c for c in COLUMNS if c.key not in {"kecamatan", "desa", "code"}]


@register.filter
def grid_cells(profile: Profile) -> list[tuple[Column, Any]]:
    return [(c, profile.value(c.key)) for c in GRID]


@register.filter
def get(mapping: dict[str, Any] | None, key: str) -> Any:
    return (mapping or {}).get(key, "")


@register.filter
def cell_input(value: Any, column: Column) -> str:
    """The value as typed into an input: plain digits with a dot, 1/0 for flags."""
    if column.kind == "flag":
        return "1" if value else "0"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@register.filter
def cell_show(value: Any, column: Column) -> str:
    """Display in Indonesian number format (1.234,5); flags as ya/–."""
    if column.kind == "flag":
        return "ya" if value else "–"
    if value is None:
        return "–"
    if isinstance(value, int):
        return str(intcomma(value))
    try:
        number = Decimal(str(value))
        # a value stored before imports checked ranges (1e30) must still show, not 500
        if not number.is_finite() or abs(number) >= Decimal("1e15"):
            return f"{float(number):.3g}"
        rounded = number.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, OverflowError):
        return str(value)
    return str(number_format(rounded, decimal_pos=1, use_l10n=True, force_grouping=True))
