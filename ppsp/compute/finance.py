"""Budget-history arithmetic of Proses 3: APBD murni, growth rate and projection.

These are the building blocks; :mod:`ppsp.compute.fiscal` uses them for the PT-03 fiscal
capacity (b) and komitmen (c), and :mod:`ppsp.compute.funding_gap` computes Tabel 5.1 with
Gap 1 (a − b) and Gap 2 (a − c). ``GapTable`` and ``gap_table`` are re-exported here, where
the public compute API (DESIGN.md §4) names them.

Sources are sections of ``domain/domain-ppsp.md`` §10. Amounts are in rupiah
(full rupiah: round only for display, §10.6). Pure functions, no I/O.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Sequence

from ppsp.compute.funding_gap import GapTable, gap_table
from ppsp.compute.series import finite_amounts, same_length

__all__ = ["GapTable", "apbd_murni", "gap_table", "growth_rate", "project"]

_METHODS = ("mean", "cagr")


def apbd_murni(
    belanja_sanitasi: Sequence[float], dak: Sequence[float], pinjaman_hibah: Sequence[float]
) -> list[float]:
    """APBD murni for sanitation, per year.

    Parameters
    ----------
    belanja_sanitasi : Sequence[float]
        Realised APBD sanitation spending per year [Rp].
    dak : Sequence[float]
        Sanitation-related DAK per year [Rp]: DAK Sanitasi + DAK Lingkungan
        Hidup + DAK Perumahan & Permukiman, already summed.
    pinjaman_hibah : Sequence[float]
        Loans/grants passed on (diteruspinjamkan/diterushibahkan) per year [Rp].

    Returns
    -------
    list[float]
        ``belanja_sanitasi - dak - pinjaman_hibah`` per year [Rp]
        (domain-ppsp.md §10.1, §10.4 row 4, §16.2 item 5). A negative year is
        returned as is: it signals inconsistent input for the Pokja to check.
    """
    spend = finite_amounts(belanja_sanitasi, "belanja_sanitasi")
    grants = finite_amounts(dak, "dak")
    loans = finite_amounts(pinjaman_hibah, "pinjaman_hibah")
    same_length([("belanja_sanitasi", spend), ("dak", grants), ("pinjaman_hibah", loans)])
    return [s - g - h for s, g, h in zip(spend, grants, loans, strict=True)]


def growth_rate(history: Sequence[float], *, method: str = "mean") -> float:
    """Average yearly growth rate of a spending series.

    Parameters
    ----------
    history : Sequence[float]
        Yearly amounts X_0 .. X_m, oldest first, m >= 1 (the guide uses five
        years n-4..n) [Rp]. Every value must be >= 0 and every value used as a
        denominator > 0.
    method : {"mean", "cagr"}, default "mean"
        ``"mean"``: arithmetic mean of the m yearly rates
        ``(X_t / X_{t-1}) - 1``, the guide's "rata-rata pertumbuhan".
        ``"cagr"``: compound rate ``(X_m / X_0) ** (1/m) - 1``.

    Returns
    -------
    float
        Growth rate per year as a fraction (0.05 = 5 %/year).

    Notes
    -----
    domain-ppsp.md §10.2 (column "Rata-rata pertumbuhan") and §10.5 (both
    methods, default "mean"). By the AM-GM inequality "mean" >= "cagr".
    """
    if method not in _METHODS:
        raise ValueError(f"method must be one of {_METHODS}, got {method!r}")
    series = finite_amounts(history, "history")
    if len(series) < 2:
        raise ValueError("history needs at least two years")
    if any(v < 0.0 for v in series):
        raise ValueError("history must not hold negative amounts")
    if method == "cagr":
        if series[0] <= 0.0:
            raise ValueError("the first year must be > 0 for a compound rate")
        return float((series[-1] / series[0]) ** (1.0 / (len(series) - 1)) - 1.0)
    if any(v <= 0.0 for v in series[:-1]):
        raise ValueError("every year but the last must be > 0 for yearly rates")
    rates = [now / before - 1.0 for before, now in itertools.pairwise(series)]
    return math.fsum(rates) / len(rates)


def project(base: float, growth: float, years: int) -> list[float]:
    """Geometric projection of an amount over the plan years.

    Parameters
    ----------
    base : float
        Amount in the base year t = 0 (usually the last realised year) [Rp].
    growth : float
        Growth rate per year as a fraction, >= -1 (e.g. from :func:`growth_rate`).
    years : int
        Number of projected years (5 for an SSK), >= 0.

    Returns
    -------
    list[float]
        ``base · (1 + growth) ** t`` for t = 1..years [Rp].

    Notes
    -----
    domain-ppsp.md §10.4 row A and §10.5. A first-year override with the
    already-budgeted APBD (KUA-PPAS) is left to the caller.
    """
    start = float(base)
    rate = float(growth)
    if not (math.isfinite(start) and math.isfinite(rate)):
        raise ValueError("base and growth must be finite")
    if rate < -1.0:
        raise ValueError(f"growth must be >= -1, got {rate}")
    if isinstance(years, bool):
        raise ValueError("years must be an integer, not a bool")
    try:
        span = operator.index(years)
    except TypeError:
        raise ValueError(f"years must be an integer, got {years!r}") from None
    if span < 0:
        raise ValueError(f"years must be >= 0, got {span}")
    return [start * (1.0 + rate) ** t for t in range(1, span + 1)]
