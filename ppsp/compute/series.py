"""Checks shared by the yearly amount series of the finance rules (one value per plan year).

Amounts are full rupiah (Rp); a series must hold finite numbers, and the series of one
table must cover the same years. Pure functions, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["finite_amounts", "same_length"]


def finite_amounts(values: Sequence[float], name: str) -> list[float]:
    """The values as floats; ValueError naming the series when one is NaN or infinite.

    >>> finite_amounts([1, 2.5], "komitmen")
    [1.0, 2.5]
    """
    numbers = [float(v) for v in values]
    if not all(math.isfinite(v) for v in numbers):
        raise ValueError(f"{name} must hold finite numbers only")
    return numbers


def same_length(named: Sequence[tuple[str, Sequence[float]]]) -> int:
    """The common number of years of the named series; ValueError when they differ.

    >>> same_length([("a", [1, 2]), ("b", [3, 4])])
    2
    """
    lengths = [(name, len(values)) for name, values in named]
    if len({length for _, length in lengths}) > 1:
        raise ValueError(f"all series must cover the same years, got lengths {lengths}")
    return lengths[0][1] if lengths else 0
