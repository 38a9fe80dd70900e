"""Fiscal capacity, growth projection and the Tabel 5.1 funding gaps (Proses 3).

Sources are sections of ``domain/domain-ppsp.md`` §10. Amounts are in rupiah
(full rupiah: round only for display, §10.6). Pure functions, no I/O.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

__all__ = ["GapTable", "apbd_murni", "gap_table", "growth_rate", "project"]

_METHODS = ("mean", "cagr")


def _amounts(values: Sequence[float], name: str) -> list[float]:
    numbers = [float(v) for v in values]
    if not all(math.isfinite(v) for v in numbers):
        raise ValueError(f"{name} must hold finite numbers only")
    return numbers


def _same_length(named: Sequence[tuple[str, Sequence[float]]]) -> int:
    lengths = [(name, len(values)) for name, values in named]
    if len({length for _, length in lengths}) > 1:
        raise ValueError(f"all series must cover the same years, got lengths {lengths}")
    return lengths[0][1] if lengths else 0


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
    spend = _amounts(belanja_sanitasi, "belanja_sanitasi")
    grants = _amounts(dak, "dak")
    loans = _amounts(pinjaman_hibah, "pinjaman_hibah")
    _same_length([("belanja_sanitasi", spend), ("dak", grants), ("pinjaman_hibah", loans)])
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
    series = _amounts(history, "history")
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


@dataclass(frozen=True)
class GapTable:
    """Tabel 5.1: need, capacity, commitment and the two gaps per year [Rp].

    Attributes
    ----------
    need_total : list[float]
        (a) Jumlah kebutuhan biaya: air limbah + persampahan + drainase (+ any
        other need row) per year.
    apbd_murni : list[float]
        (b) Perkiraan APBD murni untuk sanitasi per year.
    komitmen : list[float]
        (c) Perkiraan komitmen pendanaan sanitasi per year.
    gap1 : list[float]
        Gap 1 = a - b per year (positive: funding missing).
    gap2 : list[float]
        Gap 2 = a - c per year.
    """

    need_total: list[float]
    apbd_murni: list[float]
    komitmen: list[float]
    gap1: list[float]
    gap2: list[float]

    @property
    def totals(self) -> dict[str, float]:
        """Total over the plan years per field (the table's "Total" column) [Rp]."""
        return {f.name: math.fsum(getattr(self, f.name)) for f in fields(self)}


def gap_table(
    need: Mapping[str, Sequence[float]], apbd_murni: Sequence[float], komitmen: Sequence[float]
) -> GapTable:
    """Build Tabel 5.1 "Rekapitulasi Indikasi Kebutuhan Biaya" with its gaps.

    Parameters
    ----------
    need : Mapping[str, Sequence[float]]
        Need per subsector row (e.g. "air_limbah", "persampahan", "drainase")
        → amount per plan year [Rp], from the "Rekapitulasi" sheet of the
        program/kegiatan template.
    apbd_murni : Sequence[float]
        (b) projected APBD murni for sanitation per year [Rp].
    komitmen : Sequence[float]
        (c) projected komitmen pendanaan per year [Rp].

    Returns
    -------
    GapTable
        ``a_t = Σ_rows need_t``; ``gap1_t = a_t - b_t``; ``gap2_t = a_t - c_t``;
        ``.totals`` sums each over the years (domain-ppsp.md §10.6, §16.2 item 7).
        With no need rows, a is zero every year.

    Notes
    -----
    Computed in full rupiah; published tables show Rp juta, so printed sums may
    differ by ±1 juta from sums of printed cells (§10.6).
    """
    capacity = _amounts(apbd_murni, "apbd_murni")
    commitment = _amounts(komitmen, "komitmen")
    rows = {name: _amounts(values, f"need[{name!r}]") for name, values in need.items()}
    years = _same_length([*rows.items(), ("apbd_murni", capacity), ("komitmen", commitment)])
    total = [math.fsum(row[t] for row in rows.values()) for t in range(years)]
    return GapTable(
        need_total=total,
        apbd_murni=capacity,
        komitmen=commitment,
        gap1=[a - b for a, b in zip(total, capacity, strict=True)],
        gap2=[a - c for a, c in zip(total, commitment, strict=True)],
    )
