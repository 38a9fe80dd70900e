"""Equal-interval classing of indicator values into risk scores 1..k.

Used for the secondary-data indicators of the Instrumen Profil Sanitasi and for
the IRS of desa (ehra-risk.md §4.4, §5.3, §8.2, §11.4). Pure functions, no I/O.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["equal_interval", "equal_interval_array", "equal_interval_edges"]


def _classes(classes: int) -> int:
    if isinstance(classes, bool):
        raise ValueError("classes must be an integer, not a bool")
    try:
        count = operator.index(classes)
    except TypeError:
        raise ValueError(f"classes must be an integer, got {classes!r}") from None
    if count < 1:
        raise ValueError(f"classes must be >= 1, got {count}")
    return count


def _span(low: float, high: float, classes: int) -> float:
    span = high - low
    if not math.isfinite(span * classes):
        raise ValueError("the range max - min is too large to class")
    return span


def equal_interval_array(
    values: npt.ArrayLike, classes: int = 4, *, higher_is_worse: bool = True
) -> npt.NDArray[np.int64]:
    """Vectorised equal-interval classes (national sizes: 83,763 desa and more).

    Parameters
    ----------
    values : array_like of float, shape (m,)
        Indicator values of one kab/kota and one round, in the indicator's own
        unit (%, jiwa/ha, IRS points …). Must be finite.
    classes : int, default 4
        Number of classes k >= 1.
    higher_is_worse : bool, default True
        True for "bad-when-high" indicators (density, poverty, IRS): the top
        interval gets class k. False for "good-when-high" indicators (akses air,
        jamban, sampah terangkut): the same intervals are labelled in reverse,
        so class k is still the worst.

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
        Class 1..k per value.

    Notes
    -----
    ehra-risk.md §4.4 and §5.3: ``w = (max - min) / k``; interval i (1..k) is
    ``[min + (i-1)·w, min + i·w)``, the top one also includes ``max``. Computed
    as ``i = min(k, floor((v - min)·k / (max - min)) + 1)``, which puts min in
    class 1 and max in class k and is monotone in v. When all values are equal
    there is no spread to rank, and every value gets class 1 in both directions.
    With ``higher_is_worse=False`` the class is ``k + 1 - i``.
    """
    count = _classes(classes)
    data = np.asarray(values, dtype=np.float64)
    if data.ndim != 1:
        raise ValueError("values must be one-dimensional")
    if data.size == 0:
        return np.zeros(0, dtype=np.int64)
    if not np.isfinite(data).all():
        raise ValueError("values must be finite")
    low = float(data.min())
    high = float(data.max())
    span = _span(low, high, count)
    if span == 0.0:
        return np.ones(data.shape, dtype=np.int64)
    scaled = np.floor((data - low) * count / span).astype(np.int64)
    forward = np.minimum(scaled, count - 1) + 1
    return forward if higher_is_worse else (count + 1) - forward


def equal_interval(
    values: Sequence[float], classes: int = 4, *, higher_is_worse: bool = True
) -> list[int]:
    """Class each value 1..classes by equal intervals between min and max.

    Parameters
    ----------
    values : Sequence[float]
        Indicator values (finite), in the indicator's unit.
    classes : int, default 4
        Number of classes k >= 1.
    higher_is_worse : bool, default True
        Direction of the indicator; see :func:`equal_interval_array`.

    Returns
    -------
    list[int]
        Class per value, in input order. Lower bounds inclusive, the top class
        includes max; all-equal values → all 1 (ehra-risk.md §4.4, §5.3).

    Examples
    --------
    ehra-risk.md §8.2: min 110, max 250, w = 35.

    >>> equal_interval([110.0, 144.9, 145.0, 202.4, 215.0, 250.0])
    [1, 1, 2, 3, 4, 4]
    """
    return [int(c) for c in equal_interval_array(values, classes, higher_is_worse=higher_is_worse)]


def equal_interval_edges(values: Sequence[float], classes: int = 4) -> list[float]:
    """Interval edges for display: ``[min, min + w, …, max]`` (k + 1 numbers).

    Parameters
    ----------
    values : Sequence[float]
        Indicator values (finite, at least one).
    classes : int, default 4
        Number of classes k >= 1.

    Returns
    -------
    list[float]
        ``min + i·(max - min)/k`` for i = 0..k, in the values' unit; the last
        edge is exactly max (ehra-risk.md §4.4). Class i covers
        ``[edge[i-1], edge[i])`` and the last class also covers max. Edges are
        rounded for display only; :func:`equal_interval_array` does not compare
        against them.
    """
    count = _classes(classes)
    data = np.asarray(values, dtype=np.float64)
    if data.ndim != 1 or data.size == 0:
        raise ValueError("values must be a non-empty one-dimensional sequence")
    if not np.isfinite(data).all():
        raise ValueError("values must be finite")
    low = float(data.min())
    high = float(data.max())
    span = _span(low, high, count)
    return [low + span * i / count for i in range(count)] + [high]
