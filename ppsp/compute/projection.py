"""Population projection per desa, zone or kab/kota: aritmetik and geometrik (Proses 3).

Sources: ``domain/domain-ppsp.md`` §8.2 (growth per kecamatan or one kab/kota rate in
Form 2), §9.2 (``penduduk_t = penduduk_0 * (1 + r) ** t``), §16.2 item 1. Pure functions.

Population is in jiwa (people); rates are fractions per year (0.02 = 2 %/year).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "METHODS",
    "contradictions",
    "implied_rate",
    "project_population",
]

METHODS = ("geometrik", "aritmetik")
"""Projection methods: geometric (compound) growth, the instruments' default, or linear."""

RTOL = 0.005
"""Relative tolerance for typed projections (0.5 %): rounding to whole people is allowed."""
ATOL = 1.0
"""Absolute tolerance for typed projections [jiwa]: one person either way."""


def _check(base: float, rate: float, method: str) -> tuple[float, float]:
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    start, growth = float(base), float(rate)
    if not (math.isfinite(start) and math.isfinite(growth)):
        raise ValueError("base and rate must be finite")
    if start < 0:
        raise ValueError(f"base population must be >= 0, got {start}")
    if growth <= -1.0:
        raise ValueError(f"rate must be > -1, got {growth}")
    return start, growth


def project_population(
    base: float, rate: float, years: int, *, method: str = "geometrik"
) -> list[float]:
    """Projected population for t = 1..years after the base year.

    Parameters
    ----------
    base : float
        Population in the base year t = 0 [jiwa], >= 0.
    rate : float
        Growth rate per year as a fraction, > -1.
    years : int
        Number of projected years, >= 0.
    method : {"geometrik", "aritmetik"}
        ``"geometrik"``: ``P_t = P_0 · (1 + r) ** t`` (domain-ppsp.md §9.2).
        ``"aritmetik"``: ``P_t = P_0 · (1 + r · t)``, floored at 0.

    Returns
    -------
    list[float]
        Unrounded projections [jiwa]; round for display only.
    """
    start, growth = _check(base, rate, method)
    if isinstance(years, bool) or not isinstance(years, int) or years < 0:
        raise ValueError(f"years must be an integer >= 0, got {years!r}")
    if method == "geometrik":
        return [start * (1.0 + growth) ** t for t in range(1, years + 1)]
    return [max(0.0, start * (1.0 + growth * t)) for t in range(1, years + 1)]


def implied_rate(base: float, later: float, years: int, *, method: str = "geometrik") -> float:
    """The growth rate that carries ``base`` to ``later`` in ``years`` years.

    ``geometrik``: ``(P_t / P_0) ** (1 / t) - 1``; ``aritmetik``: ``(P_t / P_0 - 1) / t``.
    Both need ``base > 0`` and ``years >= 1``.
    """
    start, _ = _check(base, 0.0, method)
    end = float(later)
    if start <= 0 or not math.isfinite(end) or end < 0:
        raise ValueError("implied_rate needs base > 0 and a finite later population >= 0")
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise ValueError(f"years must be an integer >= 1, got {years!r}")
    if method == "geometrik":
        return float((end / start) ** (1.0 / years) - 1.0)
    return (end / start - 1.0) / years


def contradictions(
    base: float,
    rate: float,
    typed: Sequence[float | None],
    *,
    method: str = "geometrik",
    rtol: float = RTOL,
    atol: float = ATOL,
) -> list[int]:
    """Positions of typed projections that contradict the stated rate.

    The Instrumen lets the Pokja type projected population next to the growth rate it
    states (Form 2, domain-ppsp.md §8.2); a typed value that the rate cannot produce is
    a data error to flag, not to correct silently.

    Parameters
    ----------
    base : float
        Population in the base year [jiwa].
    rate : float
        The stated growth rate per year (fraction).
    typed : sequence of float or None
        Typed populations for t = 1..len(typed) [jiwa]; None = not typed.
    method : {"geometrik", "aritmetik"}
    rtol, atol : float
        A value contradicts when ``|typed - projected| > max(atol, rtol · projected)``.

    Returns
    -------
    list[int]
        Zero-based positions in ``typed`` (position k is year t = k + 1).
    """
    projected = project_population(base, rate, len(typed), method=method)
    flagged = []
    for k, (value, expected) in enumerate(zip(typed, projected, strict=True)):
        if value is None:
            continue
        if not math.isfinite(float(value)) or abs(float(value) - expected) > max(
            atol, rtol * expected
        ):
            flagged.append(k)
    return flagged
