"""EHRA sampling: sample size, stratification, allocation and systematic selection.

Every function here is pure (no I/O, no Django). Sources are sections of
``domain/ehra-risk.md`` (the EHRA reference shipped with the design notes).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "Stratification",
    "allocate",
    "desa_count",
    "krejcie_morgan",
    "random_start",
    "slovin",
    "stratify",
    "systematic_positions",
    "systematic_sample",
]

T = TypeVar("T")

# Relative slack before a ceiling, so float noise (80.0000000000001) does not add one.
_CEIL_SLACK = 1e-9


def _count(value: int, name: str) -> int:
    """Return ``value`` as a non-negative ``int``; reject bools, floats and negatives."""
    if isinstance(value, bool):
        raise ValueError(f"{name} must be an integer, not a bool")
    try:
        number = operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer, got {value!r}") from None
    if number < 0:
        raise ValueError(f"{name} must be >= 0, got {number}")
    return number


def _open_unit(value: float, name: str) -> float:
    """Return ``value`` as a float strictly between 0 and 1."""
    number = float(value)
    if not 0.0 < number < 1.0:
        raise ValueError(f"{name} must be strictly between 0 and 1, got {value!r}")
    return number


def _ceil(value: float) -> int:
    return math.ceil(value * (1.0 - _CEIL_SLACK))


def krejcie_morgan(population: int, *, chi2: float = 3.841, p: float = 0.5, d: float = 0.05) -> int:
    """Sample size for a finite population by Krejcie and Morgan (1970).

    Parameters
    ----------
    population : int
        Population size N, in sampling units (households), N >= 1.
    chi2 : float, default 3.841
        Chi-square value for one degree of freedom at the confidence level
        (3.841 for alpha = 0.05). Dimensionless, > 0.
    p : float, default 0.5
        Assumed population proportion, 0 < p < 1 (0.5 gives the largest n).
    d : float, default 0.05
        Degree of accuracy (margin of error) as a proportion, 0 < d < 1.

    Returns
    -------
    int
        Sample size n in units, rounded **up**, never more than N.

    Notes
    -----
    ``n = ceil( X² · N · P(1-P) / ( d² · (N-1) + X² · P(1-P) ) )``
    (ehra-risk.md §2.2). For large N with the defaults n tends to 384.1, hence
    the EHRA minimum of 400 respondents. The published 1970 table rounds to the
    nearest integer instead (e.g. N = 500 gives 217 there, 218 here); rounding
    up keeps n at or above the formula.

    Examples
    --------
    >>> krejcie_morgan(100), krejcie_morgan(1000)
    (80, 278)
    """
    n_pop = _count(population, "population")
    if n_pop < 1:
        raise ValueError("population must be >= 1")
    chi2 = float(chi2)
    if not (math.isfinite(chi2) and chi2 > 0.0):
        raise ValueError(f"chi2 must be finite and > 0, got {chi2!r}")
    p = _open_unit(p, "p")
    d = _open_unit(d, "d")
    spread = chi2 * p * (1.0 - p)
    size = spread * n_pop / (d * d * (n_pop - 1) + spread)
    return min(n_pop, max(1, _ceil(size)))


def slovin(population: int, *, e: float = 0.05) -> int:
    """Sample size by the Slovin formula (optional calculator).

    Parameters
    ----------
    population : int
        Population size N in units, N >= 1.
    e : float, default 0.05
        Margin of error as a proportion, 0 < e < 1.

    Returns
    -------
    int
        ``n = ceil( N / (1 + N·e²) )`` units, at most N.

    Notes
    -----
    Common in Indonesian theses but not found in the EHRA guides; offer it only
    as an alternative to :func:`krejcie_morgan` (ehra-risk.md §2.2).
    """
    n_pop = _count(population, "population")
    if n_pop < 1:
        raise ValueError("population must be >= 1")
    e = _open_unit(e, "e")
    return min(n_pop, max(1, _ceil(n_pop / (1.0 + n_pop * e * e))))


def desa_count(respondents: int, *, per_desa: int = 40) -> int:
    """Number of desa/kelurahan needed for a number of respondents.

    Parameters
    ----------
    respondents : int
        Target number of households (e.g. from :func:`krejcie_morgan`), >= 0.
    per_desa : int, default 40
        Households interviewed per desa (EHRA minimum 40 = 8 RT x 5), >= 1.

    Returns
    -------
    int
        ``ceil(respondents / per_desa)`` desa (ehra-risk.md §2.1, §2.2 way (b)).
    """
    total = _count(respondents, "respondents")
    each = _count(per_desa, "per_desa")
    if each < 1:
        raise ValueError("per_desa must be >= 1")
    return -(-total // each)


@dataclass(frozen=True, eq=False)
class Stratification:
    """Strata of a set of desa and the cut-offs that produced them.

    The array is read-only; compare records with ``numpy.array_equal`` on
    ``strata`` (field-wise ``==`` is disabled because arrays have no truth value).

    Attributes
    ----------
    strata : numpy.ndarray of int8
        Stratum per desa, 0..4 = number of criteria K1..K4 met.
    density_cutoff : float
        K1 cut-off actually used (same unit as the densities, e.g. jiwa/km²).
    poverty_cutoff : float
        K2 cut-off actually used (percent of KK that are Pra-KS or KS-1).
    """

    strata: npt.NDArray[np.int8]
    density_cutoff: float
    poverty_cutoff: float


def _finite_column(values: npt.ArrayLike, name: str) -> npt.NDArray[np.float64]:
    column = np.asarray(values, dtype=np.float64)
    if column.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional")
    if not np.isfinite(column).all():
        raise ValueError(f"{name} must hold finite numbers only")
    return column


def stratify(
    density: npt.ArrayLike,
    poverty: npt.ArrayLike,
    river: npt.ArrayLike,
    flood: npt.ArrayLike,
    *,
    density_cutoff: float | None = None,
    poverty_cutoff: float | None = None,
) -> Stratification:
    """Assign each desa/kelurahan its EHRA stratum (0..4), vectorised.

    Parameters
    ----------
    density : array_like of float, shape (m,)
        K1 kepadatan penduduk = Σ penduduk / luas wilayah (e.g. jiwa/km²).
    poverty : array_like of float, shape (m,)
        K2 angka kemiskinan = (Σ Pra-KS + Σ KS-1) / Σ KK x 100 [%].
    river : array_like of bool, shape (m,)
        K3: area crossed by a river/drainage/irrigation channel used or likely
        to be used for MCK and dumping waste.
    flood : array_like of bool, shape (m,)
        K4: area (often) flooded in a way that disturbs residents.
    density_cutoff, poverty_cutoff : float, optional
        K1/K2 are met when the value is strictly above the cut-off. Default
        (None): the mean over the given desa, i.e. over the kab/kota.

    Returns
    -------
    Stratification
        ``strata = [K1 > c1] + [K2 > c2] + K3 + K4`` per desa, each criterion
        weighing 1, plus the cut-offs used (store them with the result).

    Notes
    -----
    ehra-risk.md §2.3: strata = number of criteria met; the K1/K2 threshold is
    not stated in the sources, "above the kab/kota average" is the configurable
    default. Values must be finite: impute missing data before calling.
    """
    dens = _finite_column(density, "density")
    pov = _finite_column(poverty, "poverty")
    riv = np.asarray(river, dtype=np.bool_)
    fld = np.asarray(flood, dtype=np.bool_)
    if not (dens.shape == pov.shape == riv.shape == fld.shape):
        raise ValueError("density, poverty, river and flood must have the same length")
    if dens.size == 0:
        raise ValueError("at least one desa is needed")
    cut_k1 = float(dens.mean()) if density_cutoff is None else float(density_cutoff)
    cut_k2 = float(pov.mean()) if poverty_cutoff is None else float(poverty_cutoff)
    if not (math.isfinite(cut_k1) and math.isfinite(cut_k2)):
        raise ValueError("cut-offs must be finite")
    met = (
        (dens > cut_k1).astype(np.int8)
        + (pov > cut_k2).astype(np.int8)
        + riv.astype(np.int8)
        + fld.astype(np.int8)
    )
    met.flags.writeable = False
    return Stratification(strata=met, density_cutoff=cut_k1, poverty_cutoff=cut_k2)


def allocate(strata_sizes: Mapping[int, int], total: int) -> dict[int, int]:
    """Allocate a number of desa to strata in proportion to their size.

    Parameters
    ----------
    strata_sizes : Mapping[int, int]
        Stratum id → number of desa in it (N_h >= 0).
    total : int
        Number of desa to sample (e.g. 30), >= 0.

    Returns
    -------
    dict[int, int]
        Stratum id → n_h, keys in ascending order. ``Σ n_h = min(total, Σ N_h)``
        and ``0 <= n_h <= N_h``.

    Notes
    -----
    Largest-remainder (Hamilton) method, in exact integer arithmetic
    (ehra-risk.md §2.4, §8.1, §11.7). With ``T = min(total, ΣN_h)`` each stratum
    first gets ``floor(T·N_h / ΣN_h)``; the seats left over go one each to the
    strata with the largest remainders ``T·N_h mod ΣN_h``. Ties are broken by
    the larger stratum first, then by the smaller stratum id.

    Caps: when ``total >= ΣN_h`` every stratum is taken whole (a census). When
    ``total < ΣN_h`` each quota ``T·N_h/ΣN_h`` is at most N_h and a stratum gets
    a left-over seat only if its quota has a non-zero remainder, so ``n_h <= N_h``
    holds without any redistribution step. Like every largest-remainder method,
    raising ``total`` can lower one stratum's n_h (the "Alabama paradox").
    """
    target = _count(total, "total")
    sizes = {key: _count(size, f"strata_sizes[{key!r}]") for key, size in strata_sizes.items()}
    ordered = sorted(sizes)
    whole = sum(sizes.values())
    if target >= whole:
        return {key: sizes[key] for key in ordered}
    floors = {key: target * sizes[key] // whole for key in ordered}
    left_over = target - sum(floors.values())
    by_remainder = sorted(
        ordered, key=lambda key: (-(target * sizes[key] % whole), -sizes[key], key)
    )
    for key in by_remainder[:left_over]:
        floors[key] += 1
    return floors


def systematic_positions(population: int, n: int, start: int) -> npt.NDArray[np.int64]:
    """0-based positions of a systematic sample, vectorised.

    Parameters
    ----------
    population : int
        Number of units N in the ordered frame, >= 0.
    n : int
        Number of units to select, 0 <= n <= N.
    start : int
        0-based position of the first selected unit, ``0 <= start < N/n``.

    Returns
    -------
    numpy.ndarray of int64, shape (n,)
        ``floor(start + j·k)`` for j = 0..n-1, with interval ``k = N/n``
        (computed exactly as ``(start·n + j·N) // n``); strictly increasing.

    Notes
    -----
    ehra-risk.md §2.4 (2021 alternative): ``I = N_strata / n_strata``, R1
    random in 1..I, R2 = R1 + I, … The source's 1-based R1 is ``start + 1``.
    """
    n_pop = _count(population, "population")
    size = _count(n, "n")
    first = _count(start, "start")
    if size > n_pop:
        raise ValueError(f"n ({size}) must not exceed the population ({n_pop})")
    if size == 0:
        return np.zeros(0, dtype=np.int64)
    if first * size >= n_pop:
        raise ValueError(f"start must satisfy 0 <= start < N/n = {n_pop}/{size}, got {first}")
    steps = np.arange(size, dtype=np.int64)
    return (first * size + steps * n_pop) // size


def random_start(population: int, n: int, *, seed: int | None = None) -> int:
    """Draw the random start of a systematic sample.

    Parameters
    ----------
    population : int
        Number of units N, >= 1.
    n : int
        Number of units to select, 1 <= n <= N.
    seed : int, optional
        Non-negative seed for ``numpy.random.default_rng``; None draws from
        operating-system entropy.

    Returns
    -------
    int
        A start uniform over ``0 .. ceil(N/n) - 1`` (every start with
        ``start < N/n``), 0-based (ehra-risk.md §2.4, §11.7).
    """
    n_pop = _count(population, "population")
    size = _count(n, "n")
    if not 1 <= size <= n_pop:
        raise ValueError(f"n must satisfy 1 <= n <= N, got n={size}, N={n_pop}")
    if seed is not None:
        _count(seed, "seed")
    choices = -(-n_pop // size)
    return int(np.random.default_rng(seed).integers(0, choices))


def systematic_sample(
    units: Sequence[T], n: int, *, start: int | None = None, seed: int | None = None
) -> list[T]:
    """Select n units from an ordered frame by systematic random sampling.

    Parameters
    ----------
    units : Sequence
        The sampling frame in its listing order (desa within a stratum, RT
        within a desa, households within an RT).
    n : int
        Number of units to select, 0 <= n <= len(units).
    start : int, optional
        0-based position of the first selected unit, ``0 <= start < N/n``.
        When None, it is drawn by :func:`random_start` with ``seed``.
    seed : int, optional
        Seed for the draw of ``start``; ignored when ``start`` is given.

    Returns
    -------
    list
        n distinct positions of ``units`` in frame order:
        ``units[floor(start + j·N/n)]`` for j = 0..n-1 (ehra-risk.md §2.4).

    Notes
    -----
    Recording: ``systematic_sample(u, n, seed=s)`` equals
    ``systematic_sample(u, n, start=random_start(len(u), n, seed=s))``. For an
    auditable selection call :func:`random_start` first, store seed, start, N, n
    and the frame order, and re-run with ``start=``; the stored start is
    authoritative (numpy does not promise equal random streams across versions).
    When N/n is not an integer, inclusion probabilities are only close to n/N.
    """
    size = _count(n, "n")
    if size == 0:
        return []
    if start is None:
        start = random_start(len(units), size, seed=seed)
    return [units[int(i)] for i in systematic_positions(len(units), size, start)]
