"""Monev formulas (issue 10): gap and traffic light of a target, and the kab/kota ranking.

Pure numpy; every input is a ratio in [0, 1] unless stated otherwise.

Ranking score (points, 0–100) of kab/kota *k* in year *t*::

    skor_k = 100 × (w_S·S_k + w_K·K_k + w_T·T_k + w_R·R_k) / (w_S + w_K + w_T + w_R)

- S_k  stage progress: index of the current PPSP stage / number of stages (ppsp.programme),
  a finished current stage counting whole;
- K_k  data completeness: realisation entries (a number or an explicit "not available"
  code) / (programme rows of the year + sasaran indicators);
- T_k  timeliness: 1 when the report was submitted on or before the deadline
  (31 January of year t+1), 0 when late or not submitted;
- R_k  budget realisation: Σ realised Rp / Σ planned Rp of the year, capped at 1.

Default weights are equal (0.25 each). Each component is clipped to [0, 1] and missing
values (NaN) count as 0, so the score is bounded and monotone in every component. Ranks
are dense-free competition ranks (1 = best; ties share the smaller rank, "1224").
Source: anchors-systems.md §1–§3 (e-Monev/NAWASIS practice of composite progress scores).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

DEFAULT_WEIGHTS = (0.25, 0.25, 0.25, 0.25)
GREEN_AT = 0.9  # traffic light: ≥ 90 % of the planned progress
AMBER_AT = 0.6  # ≥ 60 %; below is red


def _unit(values: ArrayLike) -> NDArray[np.float64]:
    array = np.asarray(values, dtype=np.float64)
    return np.clip(np.nan_to_num(array, nan=0.0, posinf=1.0, neginf=0.0), 0.0, 1.0)


def ranking_scores(
    stage: ArrayLike,
    completeness: ArrayLike,
    timeliness: ArrayLike,
    realisation: ArrayLike,
    weights: tuple[float, float, float, float] = DEFAULT_WEIGHTS,
) -> NDArray[np.float64]:
    """Composite score per kab/kota in points 0–100 (formula in the module docstring)."""
    w = np.asarray(weights, dtype=np.float64)
    if w.shape != (4,) or np.any(w < 0) or w.sum() <= 0:
        raise ValueError("bobot harus empat bilangan tak negatif dengan jumlah > 0")
    parts = np.vstack([_unit(stage), _unit(completeness), _unit(timeliness), _unit(realisation)])
    return np.asarray(100.0 * (w @ parts) / w.sum(), dtype=np.float64)


def competition_ranks(scores: ArrayLike) -> NDArray[np.int64]:
    """Rank 1 for the highest score; equal scores share the best rank ("1224")."""
    s = np.round(np.asarray(scores, dtype=np.float64), 9)
    if s.size == 0:
        return np.zeros(0, dtype=np.int64)
    return np.asarray(1 + (s[None, :] > s[:, None]).sum(axis=1), dtype=np.int64)


def safe_ratio(numerator: ArrayLike, denominator: ArrayLike) -> NDArray[np.float64]:
    """numerator / denominator, NaN where the denominator is 0 (nothing planned)."""
    num = np.asarray(numerator, dtype=np.float64)
    den = np.asarray(denominator, dtype=np.float64)
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


@dataclass(frozen=True)
class TargetStatus:
    gap: float  # target − realised, in the indicator's unit (positive: behind)
    progress: float  # (realised − baseline) / (target − baseline), NaN without a distance
    light: str  # "hijau", "kuning", "merah" or "" when unknown


def target_status(
    realised: float | None, target: float | None, baseline: float | None
) -> TargetStatus:
    """Gap and traffic light of one indicator (or a budget with baseline 0).

    progress = (realised − baseline) / (target − baseline); hijau when ≥ 0.9, kuning when
    ≥ 0.6, merah below. A target equal to the baseline counts as met when realised ≥ target.
    """
    if realised is None or target is None:
        return TargetStatus(float("nan"), float("nan"), "")
    base = 0.0 if baseline is None else float(baseline)
    gap = float(target) - float(realised)
    distance = float(target) - base
    if distance == 0:
        progress = 1.0 if float(realised) >= float(target) else 0.0
    else:
        progress = (float(realised) - base) / distance
    light = "hijau" if progress >= GREEN_AT else "kuning" if progress >= AMBER_AT else "merah"
    return TargetStatus(gap, progress, light)


DIRECT, RATIO = "direct", "ratio"


def derived_value(
    kind: str, numerator: float | None, denominator: float | None = None, scale: float = 100.0
) -> float | None:
    """A sasaran realisation derived from imported sector figures (issue 10 item 5).

    - ``direct``: the figure itself, Σ numerator (e.g. SIPD realisasi APBD in Rp summed over
      the SKPD rows of one sub-kegiatan code);
    - ``ratio``: ``scale × Σ numerator / Σ denominator`` (percent with scale 100), e.g. STBM
      akses jamban sehat = 100 × Σ_desa (KK JSP + KK JSSP) / Σ_desa jumlah KK, or SIPSN
      sampah terkelola = 100 × terkelola (ton/tahun) / timbulan (ton/tahun).

    None when an input is missing or the denominator is not positive; rounded to 2 decimals.
    Source: anchors-systems.md §2.1–§2.2, §2.6 (STBM, SIPSN, SIPD as systems of record).

    >>> derived_value("ratio", 759, 800)
    94.88
    >>> derived_value("direct", 1187500000)
    1187500000.0
    """
    if numerator is None:
        return None
    if kind == DIRECT:
        return round(float(numerator), 2)
    if denominator is None or denominator <= 0:
        return None
    return round(scale * float(numerator) / float(denominator), 2)
