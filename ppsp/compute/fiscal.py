"""Fiscal capacity (PT-03 "Perkiraan Kemampuan Keuangan Daerah"): ratios, the projected
APBD murni for sanitation (b) and the komitmen pendanaan (c).

This is where (b) and (c) of Tabel 5.1 are projected; the gaps themselves are computed
in :mod:`ppsp.compute.funding_gap`. Builds on :mod:`ppsp.compute.finance` (``apbd_murni``,
``growth_rate``, ``project``).
Sources: ``domain/domain-ppsp.md`` §10.1–§10.5 and §16.2 items 5, 6 and 9. Amounts are
full rupiah (Rp) per year; round for display only. Pure functions, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ppsp.compute.finance import growth_rate, project
from ppsp.compute.series import finite_amounts

__all__ = [
    "KOMITMEN_MODES",
    "Capacity",
    "Proportions",
    "capacity_projection",
    "komitmen_projection",
    "proportions",
]

KOMITMEN_MODES = ("path", "pct_apbd", "per_capita", "growth")
"""How the komitmen (c) is stated: amounts per year, % of APBD, Rp per capita, growth."""


def _ratio(num: float, den: float) -> float | None:
    return num / den if den > 0 else None


@dataclass(frozen=True)
class Proportions:
    """The last three rows of the Tabel Rekapitulasi Realisasi Belanja Sanitasi (§10.2).

    Each list holds one value per year; None where the denominator is zero.

    Attributes
    ----------
    sanitasi_of_belanja_langsung : list of float or None
        Row 11: total belanja sanitasi / total belanja langsung APBD.
    investasi_of_sanitasi : list of float or None
        Row 12: investasi sanitasi / total belanja sanitasi.
    om_of_sanitasi : list of float or None
        Row 13: O&M sanitasi / total belanja sanitasi.
    """

    sanitasi_of_belanja_langsung: list[float | None]
    investasi_of_sanitasi: list[float | None]
    om_of_sanitasi: list[float | None]


def proportions(
    belanja_sanitasi: Sequence[float],
    investasi: Sequence[float],
    om: Sequence[float],
    belanja_langsung: Sequence[float],
) -> Proportions:
    """Rows 11–13 of the belanja table (domain-ppsp.md §10.2, §16.2 item 9).

    All series hold one amount per year [Rp] and must have the same length.
    """
    total = finite_amounts(belanja_sanitasi, "belanja_sanitasi")
    inv = finite_amounts(investasi, "investasi")
    upkeep = finite_amounts(om, "om")
    direct = finite_amounts(belanja_langsung, "belanja_langsung")
    if not len(total) == len(inv) == len(upkeep) == len(direct):
        raise ValueError("all series must cover the same years")
    return Proportions(
        sanitasi_of_belanja_langsung=[_ratio(s, d) for s, d in zip(total, direct, strict=True)],
        investasi_of_sanitasi=[_ratio(i, s) for i, s in zip(inv, total, strict=True)],
        om_of_sanitasi=[_ratio(o, s) for o, s in zip(upkeep, total, strict=True)],
    )


@dataclass(frozen=True)
class Capacity:
    """The projection of APBD murni for sanitation (§10.4 rows A–C).

    Attributes
    ----------
    growth : float
        Growth rate used (fraction per year).
    gross : list[float]
        Row A: projected APBD murni per plan year [Rp].
    om_existing : list[float]
        Row B: O&M of the assets already built, per plan year [Rp] (zeros when not
        deducted).
    available : list[float]
        Row C = A − B: (b) of Tabel 5.1 [Rp].
    """

    growth: float
    gross: list[float]
    om_existing: list[float]
    available: list[float]


def capacity_projection(
    history: Sequence[float],
    *,
    years: int = 5,
    offset: int = 1,
    method: str = "mean",
    first_year_override: float | None = None,
    om_existing: Sequence[float] | None = None,
) -> Capacity:
    """Projected APBD murni for sanitation over the plan years: (b) of Tabel 5.1.

    Parameters
    ----------
    history : sequence of float
        Realised APBD murni for sanitation, oldest first, n-4..n [Rp]
        (:func:`ppsp.compute.finance.apbd_murni`).
    years : int
        Number of plan years (5 for an SSK).
    offset : int
        Years from the last realised year n to the first plan year, >= 1 (n = 2025 and
        a plan starting 2027 give 2).
    method : {"mean", "cagr"}
        Growth rate method (:func:`ppsp.compute.finance.growth_rate`).
    first_year_override : float, optional
        The already-adopted APBD (KUA-PPAS) for the first plan year [Rp]; the later
        years then grow from it at the same rate (§10.5).
    om_existing : sequence of float, optional
        O&M of assets already built, per plan year [Rp], deducted when given (§10.4 B).

    Returns
    -------
    Capacity
        ``A_t = X_n · (1 + g) ** (offset + k)`` for plan year k = 0..years-1, or
        ``override · (1 + g) ** k``; ``C_t = A_t − B_t``.
    """
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 1:
        raise ValueError(f"offset must be an integer >= 1, got {offset!r}")
    series = finite_amounts(history, "history")
    rate = growth_rate(series, method=method)
    if first_year_override is None:
        gross = project(series[-1], rate, offset - 1 + years)[offset - 1 :]
    else:
        first = float(first_year_override)
        if not math.isfinite(first) or first < 0:
            raise ValueError("first_year_override must be a finite amount >= 0")
        gross = [first, *project(first, rate, years - 1)] if years else []
    upkeep = [0.0] * years if om_existing is None else finite_amounts(om_existing, "om_existing")
    if len(upkeep) != years:
        raise ValueError(f"om_existing must hold {years} amounts, got {len(upkeep)}")
    return Capacity(
        growth=rate,
        gross=gross,
        om_existing=upkeep,
        available=[a - b for a, b in zip(gross, upkeep, strict=True)],
    )


def komitmen_projection(
    mode: str,
    *,
    years: int = 5,
    path: Sequence[float] | None = None,
    pct: float | None = None,
    apbd_total: Sequence[float] | None = None,
    per_capita: float | None = None,
    population: Sequence[float] | None = None,
    first: float | None = None,
    growth: float | None = None,
) -> list[float]:
    """Komitmen pendanaan sanitasi (c) per plan year (domain-ppsp.md §10.4 row D, §16.2 item 6).

    Parameters
    ----------
    mode : {"path", "pct_apbd", "per_capita", "growth"}
        ``"path"``: the agreed amounts per year, as given in ``path`` [Rp].
        ``"pct_apbd"``: ``pct / 100 · apbd_total_t`` (``pct`` in percent of the total
        APBD of each plan year [Rp]; sanitation is typically 1–4 %, §10.7).
        ``"per_capita"``: ``per_capita · population_t`` (Rp per person × projected jiwa).
        ``"growth"``: ``first · (1 + growth) ** k`` for k = 0..years-1 (``growth`` a
        fraction per year).
    years : int
        Number of plan years.

    Returns
    -------
    list[float]
        Komitmen per plan year [Rp].

    Raises
    ------
    ValueError
        When the inputs the mode needs are missing, of the wrong length, negative or
        not finite.
    """
    if mode not in KOMITMEN_MODES:
        raise ValueError(f"mode must be one of {KOMITMEN_MODES}, got {mode!r}")

    def series(values: Sequence[float] | None, name: str) -> list[float]:
        if values is None:
            raise ValueError(f"mode {mode!r} needs {name}")
        numbers = finite_amounts(values, name)
        if len(numbers) != years or any(v < 0 for v in numbers):
            raise ValueError(f"{name} must hold {years} amounts >= 0")
        return numbers

    def scalar(value: float | None, name: str, *, lower: float = 0.0) -> float:
        if value is None or not math.isfinite(float(value)) or float(value) < lower:
            raise ValueError(f"mode {mode!r} needs a finite {name} >= {lower}")
        return float(value)

    if mode == "path":
        return series(path, "path")
    if mode == "pct_apbd":
        share = scalar(pct, "pct") / 100.0
        return [share * a for a in series(apbd_total, "apbd_total")]
    if mode == "per_capita":
        rupiah = scalar(per_capita, "per_capita")
        return [rupiah * p for p in series(population, "population")]
    start = scalar(first, "first")
    rate = scalar(growth, "growth", lower=-1.0)
    return [start, *project(start, rate, years - 1)] if years else []
