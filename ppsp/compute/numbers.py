"""Numbers written the Indonesian way in generated texts: '.' groups thousands and ','
marks decimals (1.234,5), as in the official tables."""

from __future__ import annotations


def id_number(value: float, decimals: int = 0, *, strip_zeros: bool = False) -> str:
    """`value` rounded to `decimals` places in Indonesian notation; with `strip_zeros`,
    trailing decimal zeros (and a bare decimal comma) are dropped: 12,50 → 12,5; 3,00 → 3."""
    text = f"{value:,.{decimals}f}"
    if strip_zeros and decimals:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")
