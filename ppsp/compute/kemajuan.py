"""Kemajuan: progress of an indicator of the previous SSK toward its target.

Source: ``domain/domain-ppsp.md`` §14 ("Measuring progress": baseline and target of the
old SSK, current value from EHRA / secondary data; ``achievement_pct = (current −
baseline_old) / (target_old − baseline_old)``, status tercapai / sebagian / belum [I]).

Formula (all values in the indicator's own unit, e.g. % rumah tangga)::

    achievement = (current − baseline) / (target − baseline) × 100   [%]
    clamped to 0 … 100

Because numerator and denominator are both differences from the baseline, the same
formula serves "lower is better" indicators (BABS 29 % → 0 %: moving down is progress).
When ``target == baseline`` the ratio is undefined: the indicator counts as reached (100)
when the current value is at least as good as the target in the indicator's direction
(``current ≤ target`` when lower is better, ``current ≥ target`` otherwise), else 0.

Status: **tercapai** when the target is met in the indicator's direction; **belum** when
there is no progress at all (achievement 0: current at or worse than the baseline);
**sebagian** in between. A missing current value (NaN) gives NaN achievement and status
``tidak_ada_data``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["STATUSES", "achievement", "status"]

TERCAPAI, SEBAGIAN, BELUM, NO_DATA = "tercapai", "sebagian", "belum", "tidak_ada_data"
STATUSES = (TERCAPAI, SEBAGIAN, BELUM, NO_DATA)

Floats = npt.NDArray[np.float64]
Values = Sequence[float] | Floats


def _met(current: Floats, target: Floats, lower_better: npt.NDArray[np.bool_]) -> Floats:
    return np.where(lower_better, current <= target, current >= target)


def achievement(
    baseline: Values, target: Values, current: Values, lower_is_better: Sequence[bool] | None = None
) -> Floats:
    """Achievement [% of the way from baseline to target], clamped to 0 … 100; NaN = no data."""
    base = np.asarray(baseline, dtype=np.float64)
    goal = np.asarray(target, dtype=np.float64)
    now = np.asarray(current, dtype=np.float64)
    lower = (
        np.zeros(base.shape, dtype=bool)
        if lower_is_better is None
        else np.asarray(lower_is_better, dtype=bool)
    )
    if not (base.shape == goal.shape == now.shape == lower.shape):
        raise ValueError("baseline, target, current and lower_is_better must have one shape")
    span = goal - base
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        raw = np.where(span != 0, (now - base) / np.where(span != 0, span, 1.0) * 100.0, 0.0)
    flat = np.where(_met(now, goal, lower), 100.0, 0.0)
    result = np.clip(np.where(span != 0, raw, flat), 0.0, 100.0)
    missing = ~(np.isfinite(base) & np.isfinite(goal) & np.isfinite(now))
    return np.where(missing, np.nan, result)


def status(
    baseline: Values, target: Values, current: Values, lower_is_better: Sequence[bool] | None = None
) -> list[str]:
    """Status per indicator: tercapai / sebagian / belum / tidak_ada_data (see module doc)."""
    pct = achievement(baseline, target, current, lower_is_better)
    out: list[str] = []
    for value in pct.tolist():
        if not np.isfinite(value):
            out.append(NO_DATA)
        elif value >= 100.0:
            out.append(TERCAPAI)
        elif value > 0.0:
            out.append(SEBAGIAN)
        else:
            out.append(BELUM)
    return out
