from __future__ import annotations

import math
from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


def _unknown(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


@register.filter
def pct(value: Any) -> str:
    """A ratio as a whole percentage, '-' when unknown."""
    return "-" if _unknown(value) else f"{100 * float(value):.0f}%"


@register.filter
def num(value: Any) -> str:
    """A number with the locale's grouping, at most two decimals; '-' when unknown."""
    if _unknown(value):
        return "-"
    number = float(value)
    places = 0 if number == int(number) else 2
    return number_format(round(number, places), decimal_pos=places, force_grouping=True)
