"""Indonesian number formatting (1.234,5) and its inverse; no Django."""

from __future__ import annotations

from decimal import Decimal

MISSING = "DATA BELUM TERSEDIA"


def id_number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """1234.5 → "1.234,5" (thousands '.', decimal ','); None → "–"."""
    if value is None:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def rp_juta(rupiah: float | int | None) -> str:
    """Rupiah → Rp juta with one decimal in Indonesian format."""
    return "–" if rupiah is None else id_number(rupiah / 1e6, 1)


def parse_id_number(text: str) -> float:
    """Inverse of `id_number`: "1.234,5" → 1234.5 (used to read documents back)."""
    cleaned = text.strip().replace(".", "").replace(",", ".")
    return float(cleaned.replace("−", "-"))


class SafeDict(dict[str, str]):
    """str.format_map helper: unknown placeholders stay as they are."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: dict[str, str]) -> str:
    try:
        return text.format_map(SafeDict(values))
    except (ValueError, IndexError):
        return text
