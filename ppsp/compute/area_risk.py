"""Area berisiko sanitasi: IMPACT × EXPOSURE per desa and component, classed 1..4.

Combines the EHRA IRS (:mod:`ppsp.compute.ehra`), secondary data (Instrumen Profil
Sanitasi, Form 2) and the persepsi OPD as in the Pedoman Pemutakhiran SSK 2016/2017.
Source: ehra-risk.md §4.4, §5.3, §6, §7.1–§7.3, §8.3, §11.4–§11.5.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from ppsp.compute.ehra import COMPONENTS
from ppsp.compute.scoring import equal_interval_array
from ppsp.compute.vocabulary import RISK_CLASSES, SSK_SUBSECTORS

__all__ = [
    "IRS_FOR_SSK",
    "RISK_CLASSES",
    "SECONDARY_INDICATORS",
    "SSK_COMPONENTS",
    "AreaRiskConfig",
    "AreaRiskInputs",
    "AreaRiskResult",
    "aggregate_opd",
    "area_risk",
    "class_within",
    "secondary_exposure",
    "secondary_scores",
    "weighted_score",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

# The three SSK subsectors, each with its own area berisiko (ehra-risk.md §7.1).
SSK_COMPONENTS = SSK_SUBSECTORS
# ehra-risk.md §7.1 [I]: which IRS component feeds which SSK component.
IRS_FOR_SSK = {"air_limbah": "air_limbah", "persampahan": "persampahan", "drainase": "genangan"}
# ehra-risk.md §7.3: the default labels and colours (compute.vocabulary.RISK_CLASSES).
_THIRDS = (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0)
# ehra-risk.md §5.1–§5.3 [I]: Form 2 secondary EXPOSURE indicators per SSK component and
# their direction (True = bad when high). Coverage shares are % of KK; genangan in ha.
SECONDARY_INDICATORS: dict[str, tuple[tuple[str, bool], ...]] = {
    "air_limbah": (("jamban_pribadi_pct", False), ("tangki_septik_pct", False)),
    "persampahan": (("sampah_terangkut", False), ("tps", False)),
    "drainase": (("luas_genangan", True),),
}


def class_within(
    values: npt.ArrayLike,
    groups: npt.ArrayLike,
    classes: int = 4,
    *,
    higher_is_worse: bool = True,
) -> IntArray:
    """Equal-interval class 1..classes of each value within its group (kab/kota).

    Parameters
    ----------
    values : array_like of float, shape (m,)
        Scores in their own unit (IRS points, %, AREA 1..16); NaN = not classable.
    groups : array_like of int, shape (m,)
        Kab/kota (and round) of each desa; min/max are taken within the group.
    classes : int, default 4
        Number of classes k.
    higher_is_worse : bool, default True
        Direction (see ``scoring.equal_interval_array``).

    Returns
    -------
    numpy.ndarray of int64, shape (m,)
        ``scoring.equal_interval_array`` over the finite values of each group:
        ``w = (max − min)/k``, lower bounds inclusive, max in class k, all-equal → 1;
        0 where the value is NaN (ehra-risk.md §4.4, §5.3, §11.4).
    """
    data = np.asarray(values, dtype=np.float64)
    grp = np.asarray(groups, dtype=np.int64)
    if data.ndim != 1 or grp.shape != data.shape:
        raise ValueError("values and groups must be one-dimensional and of equal length")
    out = np.zeros(data.shape, dtype=np.int64)
    finite = np.flatnonzero(np.isfinite(data))
    if finite.size == 0:
        return out
    order = finite[np.argsort(grp[finite], kind="stable")]
    keys = grp[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    for lo, hi in zip(starts, np.r_[starts[1:], keys.size], strict=True):
        rows = order[lo:hi]
        out[rows] = equal_interval_array(data[rows], classes, higher_is_worse=higher_is_worse)
    return out


def secondary_scores(
    values: npt.ArrayLike,
    higher_is_worse: tuple[bool, ...],
    groups: npt.ArrayLike,
    classes: int = 4,
) -> IntArray:
    """Score each secondary-data indicator 1..4 per desa within its kab/kota.

    Parameters
    ----------
    values : array_like of float, shape (m, j)
        Raw indicator values (jiwa, jiwa/ha, % KK miskin, % akses …); NaN = no data.
    higher_is_worse : tuple of bool, length j
        Direction per indicator: True for density/poverty/genangan, False for
        coverage indicators (akses air, jamban, sampah terangkut), §5.3 [I].
    groups : array_like of int, shape (m,)
        Kab/kota of each desa.
    classes : int, default 4

    Returns
    -------
    numpy.ndarray of int64, shape (m, j)
        Equal-interval scores, 4 = worst, 0 = no data (ehra-risk.md §5.3).
    """
    data = np.asarray(values, dtype=np.float64)
    if data.ndim != 2 or data.shape[1] != len(higher_is_worse):
        raise ValueError("values must have shape (m, len(higher_is_worse))")
    cols = [
        class_within(data[:, j], groups, classes, higher_is_worse=worse)
        for j, worse in enumerate(higher_is_worse)
    ]
    return np.stack(cols, axis=1) if cols else np.zeros(data.shape, dtype=np.int64)


def secondary_exposure(
    values: Mapping[str, npt.ArrayLike], groups: npt.ArrayLike, classes: int = 4
) -> FloatArray:
    """S_sek: the secondary-data EXPOSURE score 1..4 per desa and SSK component.

    Parameters
    ----------
    values : Mapping[str, array_like of float, shape (m,)]
        Raw Form 2 indicator values keyed as in :data:`SECONDARY_INDICATORS`
        (% of KK with jamban pribadi / tangki septik, % sampah terangkut, number of
        TPS, luas genangan in ha); NaN = no data. A missing key counts as no data.
    groups : array_like of int, shape (m,)
        Kab/kota of each desa (scores are relative within it).
    classes : int, default 4

    Returns
    -------
    numpy.ndarray of float64, shape (m, 3)
        Columns follow :data:`SSK_COMPONENTS`. Each indicator is scored by
        :func:`secondary_scores` (equal interval, 4 = worst, direction per indicator,
        ehra-risk.md §5.3) and the component score is the equal-weight mean of the
        indicators present (:func:`weighted_score`); NaN where none is present.
    """
    grp = np.asarray(groups, dtype=np.int64)
    out = np.full((grp.shape[0], len(SSK_COMPONENTS)), np.nan)
    for k, name in enumerate(SSK_COMPONENTS):
        spec = SECONDARY_INDICATORS[name]
        raw = np.stack(
            [
                np.asarray(values.get(key, np.full(grp.shape, np.nan)), dtype=np.float64)
                for key, _ in spec
            ],
            axis=1,
        )
        scores = secondary_scores(raw, tuple(worse for _, worse in spec), grp, classes)
        out[:, k] = weighted_score(scores, (1.0,) * len(spec))
    return out


def weighted_score(scores: npt.ArrayLike, weights: tuple[float, ...]) -> FloatArray:
    """Weighted mean of scores along the last axis, skipping missing ones.

    Parameters
    ----------
    scores : array_like of float, shape (..., j)
        Scores 1..4; NaN or 0 = missing.
    weights : tuple of float, length j
        Weights ≥ 0 in any unit (0–100 % or fractions); normalised to Σ = 1.

    Returns
    -------
    numpy.ndarray of float64, shape (...)
        ``Σ w_j·S_j / Σ w_j`` over the present scores (range 1..4); NaN when none is
        present. ehra-risk.md §5.3 "Total Skor = w1·V1 + … + wn·Vn", §7.1 (Σw = 1).
        Decision: a missing source is dropped and the others re-weighted (§4.5, §11.4).
    """
    data = np.asarray(scores, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if data.shape[-1] != w.size or not (np.isfinite(w).all() and (w >= 0).all()):
        raise ValueError("weights must be finite, >= 0 and one per score")
    present = np.isfinite(data) & (data > 0)
    den = (present * w).sum(axis=-1)
    num = (np.where(present, data, 0.0) * w).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)


def aggregate_opd(ratings: npt.ArrayLike, method: str = "mean_half_up") -> FloatArray:
    """One persepsi-OPD score per desa × component from several raters.

    Parameters
    ----------
    ratings : array_like of float, shape (m, c, r)
        Score 1..4 of each rater r; NaN = that rater did not score the cell.
    method : {"mean_half_up", "median_half_up", "mean"}
        ``mean_half_up`` (default): ``floor(mean + 0.5)``; ``median_half_up``:
        ``floor(median + 0.5)``; ``mean``: unrounded.

    Returns
    -------
    numpy.ndarray of float64, shape (m, c)
        Aggregated score 1..4, NaN where no rater scored (ehra-risk.md §6, §11.5:
        aggregation not specified in the sources; mean rounded half-up is the
        configurable default).
    """
    data = np.asarray(ratings, dtype=np.float64)
    if data.ndim != 3:
        raise ValueError("ratings must have shape (m, components, raters)")
    given = np.isfinite(data)
    if ((data[given] < 1) | (data[given] > 4)).any():
        raise ValueError("OPD ratings must be between 1 and 4")
    count = given.sum(axis=2)
    if method in ("mean", "mean_half_up"):
        with np.errstate(invalid="ignore", divide="ignore"):
            value = np.where(given, data, 0.0).sum(axis=2) / np.where(count > 0, count, 1)
    elif method == "median_half_up":
        value = np.full(count.shape, np.nan)
        has = count > 0
        value[has] = np.nanmedian(data[has], axis=-1)
    else:
        raise ValueError(f"unknown aggregation {method!r}")
    if method.endswith("half_up"):
        value = np.floor(value + 0.5)
    return np.where(count > 0, value, np.nan)


@dataclass(frozen=True)
class AreaRiskConfig:
    """Pokja-agreed weights (ehra-risk.md §7.1–§7.2; seed defaults [I]).

    ``impact_weights``: w1..wj of the IMPACT parameters (equal by default);
    ``source_weights``: per SSK component (a_sek, a_irs, a_opd), ⅓ each by default;
    ``opd_aggregation``: see :func:`aggregate_opd`; ``classes``: number of classes.
    """

    impact_weights: tuple[float, ...] = (0.25, 0.25, 0.25, 0.25)
    source_weights: Mapping[str, tuple[float, float, float]] = field(
        default_factory=lambda: dict.fromkeys(SSK_COMPONENTS, _THIRDS)
    )
    opd_aggregation: str = "mean_half_up"
    classes: int = 4


@dataclass(frozen=True, eq=False)
class AreaRiskInputs:
    """Per-desa inputs of one round.

    Attributes
    ----------
    kabkota : numpy.ndarray of int64, shape (m,)
        Kab/kota index of each desa (classing is within a kab/kota).
    impact : numpy.ndarray of float64, shape (m, j)
        IMPACT parameter scores 1..4 (from :func:`secondary_scores`), 0/NaN = missing.
    secondary : numpy.ndarray of float64, shape (m, 3)
        EXPOSURE score 1..4 from secondary data per SSK component (e.g.
        :func:`weighted_score` of that component's :func:`secondary_scores`).
    irs_components : numpy.ndarray of float64, shape (m, 5)
        EHRA component scores 0..100 (``IrsResult.components``); NaN = not surveyed.
    opd : numpy.ndarray of float64, shape (m, 3, r)
        Persepsi OPD ratings 1..4 per rater; NaN = not rated.
    """

    kabkota: IntArray
    impact: FloatArray
    secondary: FloatArray
    irs_components: FloatArray
    opd: FloatArray


@dataclass(frozen=True, eq=False)
class AreaRiskResult:
    """Scores per desa; the (m, 3) arrays follow :data:`SSK_COMPONENTS`.

    ``impact`` (m,) 1..4; ``s_irs`` IRS class 1..4 of the feeding component (0 = none);
    ``s_opd`` aggregated OPD score; ``exposure`` E 1..4; ``area`` AREA = IMPACT × E,
    1..16; ``risk_class`` 1..4 within the kab/kota (0 = not classable).
    """

    impact: FloatArray
    s_irs: IntArray
    s_opd: FloatArray
    exposure: FloatArray
    area: FloatArray
    risk_class: IntArray


def area_risk(inputs: AreaRiskInputs, config: AreaRiskConfig | None = None) -> AreaRiskResult:
    """Area berisiko per desa and SSK component (air limbah, persampahan, drainase).

    Parameters
    ----------
    inputs : AreaRiskInputs
        IMPACT scores, secondary EXPOSURE scores, EHRA component scores, OPD ratings.
    config : AreaRiskConfig, optional
        Weights, OPD aggregation and class count.

    Returns
    -------
    AreaRiskResult
        ehra-risk.md §7.1 with its interpretation [I]:
        ``IMPACT = Σ_j w_j·S_impact[j]`` (Σw = 1, 1..4);
        ``S_irs[k]`` = equal-interval class of the IRS component feeding k within the
        kab/kota (§4.4; air limbah ← air limbah domestik, persampahan ← persampahan,
        drainase ← genangan); ``S_opd[k]`` = :func:`aggregate_opd`;
        ``E[k] = a_sek·S_sek[k] + a_irs·S_irs[k] + a_opd·S_opd[k]`` (Σa = 1, 1..4);
        ``AREA[k] = IMPACT × E[k]`` (1..16 points); class = equal interval of AREA[k]
        over the desa of the kab/kota (§7.1, §7.3). Missing sources are dropped and
        the rest re-weighted (:func:`weighted_score`).
    """
    cfg = config or AreaRiskConfig()
    groups = np.asarray(inputs.kabkota, dtype=np.int64)
    m = groups.shape[0]
    impact = weighted_score(inputs.impact, cfg.impact_weights)
    s_opd = aggregate_opd(inputs.opd, cfg.opd_aggregation)
    irs_cols = np.asarray(inputs.irs_components, dtype=np.float64)
    secondary = np.asarray(inputs.secondary, dtype=np.float64)
    if irs_cols.shape != (m, len(COMPONENTS)) or secondary.shape != (m, 3):
        raise ValueError("irs_components must be (m, 5) and secondary (m, 3)")
    if s_opd.shape != (m, 3) or impact.shape != (m,):
        raise ValueError("opd must be (m, 3, r) and impact (m, j)")
    s_irs = np.zeros((m, 3), dtype=np.int64)
    exposure = np.full((m, 3), np.nan)
    area = np.full((m, 3), np.nan)
    risk_class = np.zeros((m, 3), dtype=np.int64)
    for k, name in enumerate(SSK_COMPONENTS):
        column = irs_cols[:, COMPONENTS.index(IRS_FOR_SSK[name])]
        s_irs[:, k] = class_within(column, groups, cfg.classes)
        sources = np.stack([secondary[:, k], s_irs[:, k].astype(np.float64), s_opd[:, k]], 1)
        exposure[:, k] = weighted_score(sources, tuple(cfg.source_weights[name]))
        area[:, k] = impact * exposure[:, k]
        risk_class[:, k] = class_within(area[:, k], groups, cfg.classes)
    return AreaRiskResult(impact, s_irs, s_opd, exposure, area, risk_class)


def final_class(computed: int, override: int | None) -> int:
    """The area berisiko class of a desa that every page, export, API field and document
    shows: the Pokja's verified class where one was recorded, else the computed class.

    Units: class 0..4 (0 = not classable). Source: ehra-risk.md, verification of the
    computed classes by the Pokja (an audited override with its reason).

    >>> final_class(2, None), final_class(2, 4), final_class(0, None)
    (2, 4, 0)
    """
    return computed if override is None else override
