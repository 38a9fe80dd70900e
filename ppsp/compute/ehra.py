"""EHRA household records → indicator %, component scores and the Indeks Risiko Sanitasi.

Vectorised over households with ``numpy.bincount``; national rounds (83,763 desa × 40
households) are routine. The indicators are expressions over the answer columns of
the one questionnaire definition (:mod:`ppsp.compute.questionnaire_2021`), so the risk
mapping and the form cannot drift. Source: ehra-risk.md §4.1–§4.5, §8.2, §11.2–§11.6.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from ppsp.compute.questionnaire import (
    All,
    Answered,
    Any_,
    Expr,
    In,
    Not,
    Questionnaire,
    Selected,
    evaluate,
    referenced_codes,
)
from ppsp.compute.vocabulary import EHRA_COMPONENTS

__all__ = [
    "COMPONENTS",
    "DEFAULT_IRS_2021",
    "EXCLUDED_SECTIONS",
    "Households",
    "Indicator",
    "IrsConfig",
    "IrsResult",
    "check_indicators",
    "component_scores",
    "equal_weights",
    "irs",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

COMPONENTS = EHRA_COMPONENTS  # the IRS components, defined in compute.vocabulary
EXCLUDED_SECTIONS = ("H",)  # diare: impact, not risk (ehra-risk.md §1, §11.6)


@dataclass(frozen=True, eq=False)
class Households:
    """EHRA household records of one round.

    Attributes
    ----------
    desa : numpy.ndarray of int64, shape (n,)
        Desa index 0..n_desa-1 of each household (position in the caller's desa list).
    n_desa : int
        Number of desa (rows of every per-desa output).
    approved : numpy.ndarray of bool, shape (n,)
        Only approved (verified) records count; the others are ignored entirely.
    answers : Mapping[str, numpy.ndarray]
        Answer columns as laid out by ``questionnaire.answer_columns`` (int16 codes with
        0 = skipped, bool per multi-select option, float64 with NaN = missing).
    """

    desa: IntArray
    n_desa: int
    approved: npt.NDArray[np.bool_]
    answers: Mapping[str, npt.NDArray[np.generic]]

    @property
    def size(self) -> int:
        """Number of household records n."""
        return int(self.desa.shape[0])


@dataclass(frozen=True)
class Indicator:
    """One IRS sub-variable ("sumber bahaya").

    ``risk`` marks a household at risk; the denominator is the approved households of
    the desa for which ``applicable`` holds (``denominator="applicable"``), or all
    approved households of the desa (``"all"``, the 2021 text "total sampel per
    kawasan", ehra-risk.md §4.3, §11.3). ``weight`` is relative within the component.
    """

    key: str
    component: str
    label: str
    risk: Expr
    applicable: Expr
    weight: float = 1.0
    denominator: str = "applicable"


@dataclass(frozen=True)
class IrsConfig:
    """Versioned indicator set (ehra-risk.md §11.1–§11.2); ``method`` e.g. ``ehra_2021``."""

    method: str
    indicators: tuple[Indicator, ...]

    def with_weights(self, weights: Mapping[str, float]) -> IrsConfig:
        """A copy with some indicator weights replaced (Pokja decision, §4.3)."""
        items = tuple(
            replace(i, weight=float(weights.get(i.key, i.weight))) for i in self.indicators
        )
        return IrsConfig(self.method, items)


def _ans(*codes: str) -> Expr:
    return Any_(tuple(Answered(code) for code in codes))


_UNPROTECTED = ("K", "L", "N", "P", "Q")  # sumur gali/mata air tidak terlindungi, sungai, danau
_OTHER_USES = ("F.1.1.B", "F.1.1.C", "F.1.1.D", "F.1.1.E")
_GREY = ("E.1.A", "E.1.B", "E.1.C", "E.1.D")
_FIVE_TIMES = ("B", "C", "D", "E", "F")  # §3.1: the five critical CTPS times

DEFAULT_IRS_2021 = IrsConfig(
    "ehra_2021",
    (
        Indicator("air_minum_tidak_terlindungi", "sumber_air",
                  "Sumber air minum tidak terlindungi",
                  Selected("F.1.1.A", _UNPROTECTED), Answered("F.1.1.A")),
        Indicator("air_lain_tidak_terlindungi", "sumber_air",
                  "Penggunaan sumber air tidak terlindungi (masak, cuci, mandi, gosok gigi)",
                  Any_(tuple(Selected(c, _UNPROTECTED) for c in _OTHER_USES)), _ans(*_OTHER_USES)),
        Indicator("kelangkaan_air", "sumber_air", "Kelangkaan air",
                  In("F.1.6", (1,)), Answered("F.1.6")),
        Indicator("tangki_septik_suspek_tidak_aman", "air_limbah",
                  "Tangki septik suspek tidak aman",
                  Any_((In("D.1", (4,)), In("D.3", (4, 5, 6, 7)),
                        All((In("D.3", (2, 3)), In("D.11", (3, 4)), In("D.12", (3, 4, 5)))))),
                  Answered("D.1")),
        Indicator("pencemaran_isi_tangki", "air_limbah",
                  "Pencemaran karena pembuangan isi tangki septik",
                  Any_((In("D.10", (2, 3)), In("D.14", (2,)))), In("D.3", (2, 3))),
        Indicator("pencemaran_spal", "air_limbah", "Pencemaran karena SPAL",
                  Any_(tuple(In(c, (1, 2, 3)) for c in _GREY)), _ans(*_GREY)),
        Indicator("pengelolaan_sampah", "persampahan", "Pengelolaan sampah tidak memadai",
                  Selected("C.4", ("E", "F", "G", "H", "I", "J")), Answered("C.4")),
        Indicator("pengangkutan_sampah", "persampahan",
                  "Frekuensi dan ketepatan pengangkutan sampah tidak memadai",
                  Any_((In("C.8", (3, 4, 5)), In("C.9", (2,)))), Answered("C.8")),
        Indicator("pengolahan_sampah", "persampahan", "Sampah tidak diolah setempat",
                  All((In("C.6", (2,)), Not(In("C.13", (1,))))), Answered("C.6")),
        Indicator("genangan_air", "genangan", "Adanya genangan air",
                  In("E.3.1", (1,)), Answered("E.3.1")),
        Indicator("ctps_lima_waktu", "phbs", "Tidak CTPS di lima waktu penting",
                  Not(All(tuple(Selected("G.3", (t,)) for t in _FIVE_TIMES))), Answered("G.1")),
        Indicator("jamban_tidak_bersih", "phbs", "Lantai dan dinding jamban tidak bebas tinja",
                  In("D.5", (2,)), Answered("D.5")),
        Indicator("jamban_kecoa_lalat", "phbs", "Jamban tidak bebas kecoa dan lalat",
                  In("D.6", (2,)), Answered("D.6")),
        Indicator("penggelontor", "phbs", "Penggelontor/air jamban tidak berfungsi",
                  In("D.7", (2,)), Answered("D.7")),
        Indicator("tidak_ada_sabun", "phbs", "Tidak terlihat sabun di dalam/dekat jamban",
                  Any_((In("G.1", (2,)), In("G.5", (2,)))), Answered("G.1")),
        Indicator("pencemaran_wadah_air", "phbs",
                  "Pencemaran pada wadah penyimpanan dan penanganan air",
                  Any_((In("F.1.2", (2,)), In("F.2.3", (2,)), In("F.2.5", (2,)))),
                  _ans("F.1.2", "F.2.3", "F.2.5")),
        Indicator("perilaku_babs", "phbs", "Perilaku BABS",
                  Any_((In("D.1", (4,)), Selected("D.2", tuple("ABCDEFG")))), _ans("D.1", "D.2")),
    ),
)  # fmt: skip


def equal_weights(config: IrsConfig) -> IrsConfig:
    """The same indicators with weight 1 each (mean of % per component, §4.2, §4.3)."""
    return config.with_weights({i.key: 1.0 for i in config.indicators})


def check_indicators(definition: Questionnaire, config: IrsConfig) -> None:
    """Raise ValueError unless every indicator reads existing, risk-eligible questions.

    Every code in ``risk`` and ``applicable`` must be a question of ``definition``; no
    indicator may read section H (diare), components must be in :data:`COMPONENTS`,
    weights finite and ≥ 0 (ehra-risk.md §1, §3.2, §11.2, §11.6).
    """
    codes = definition.codes()
    for item in config.indicators:
        used = referenced_codes(item.risk) | referenced_codes(item.applicable)
        if missing := sorted(used - codes):
            raise ValueError(f"indicator {item.key} reads unknown questions {missing}")
        if any(code.split(".")[0] in EXCLUDED_SECTIONS for code in used):
            raise ValueError(f"indicator {item.key} reads section H (diare)")
        if item.component not in COMPONENTS:
            raise ValueError(f"indicator {item.key}: unknown component {item.component!r}")
        if not (np.isfinite(item.weight) and item.weight >= 0):
            raise ValueError(f"indicator {item.key}: weight must be finite and >= 0")
        if item.denominator not in ("applicable", "all"):
            raise ValueError(f"indicator {item.key}: denominator must be applicable|all")


@dataclass(frozen=True, eq=False)
class IrsResult:
    """IRS of one round per group (desa, or strata for ``ehra_2014``).

    Attributes
    ----------
    indicators : tuple[str, ...]
        Indicator keys, the columns of the (m, k) arrays.
    at_risk, denominator : numpy.ndarray of int64, shape (m, k)
        Approved households at risk / in the denominator, per group and indicator.
    percent : numpy.ndarray of float64, shape (m, k)
        ``100 · at_risk / denominator`` in % (0..100), NaN where the denominator is 0.
    components : numpy.ndarray of float64, shape (m, 5)
        Component scores 0..100 in :data:`COMPONENTS` order.
    total : numpy.ndarray of float64, shape (m,)
        IRS = Σ component scores, 0..500 points; NaN when a component is NaN.
    households : numpy.ndarray of int64, shape (m,)
        Approved households per group.
    """

    indicators: tuple[str, ...]
    at_risk: IntArray
    denominator: IntArray
    percent: FloatArray
    components: FloatArray
    total: FloatArray
    households: IntArray


def component_scores(percent: npt.ArrayLike, config: IrsConfig) -> tuple[FloatArray, FloatArray]:
    """Component scores and IRS from indicator percentages.

    Parameters
    ----------
    percent : array_like of float, shape (m, k)
        % households at risk per group and indicator (k = ``len(config.indicators)``),
        NaN where not defined.
    config : IrsConfig
        Indicators with their component and relative weight.

    Returns
    -------
    components : numpy.ndarray, shape (m, 5)
        ``C_c = Σ_i w_i·p_i / Σ_i w_i`` over the indicators i of component c whose %
        is defined (0..100); NaN when none is defined or all weights are 0.
    total : numpy.ndarray, shape (m,)
        ``IRS = Σ_c C_c`` (0..500 points).

    Notes
    -----
    ehra-risk.md §4.2 (component = mean of its sub-variable %, IRS = sum of five),
    §4.3 (2021: Σ indeks risiko × bobot; weights configurable). Weights are relative
    within a component, so equal weights give the mean of % (§4.3 consistency check).
    Decision (§11.3): an indicator with no applicable household in a group drops out
    and the others of its component are re-weighted.
    """
    pct = np.asarray(percent, dtype=np.float64)
    if pct.ndim != 2 or pct.shape[1] != len(config.indicators):
        raise ValueError("percent must have shape (m, number of indicators)")
    weights = np.array([i.weight for i in config.indicators], dtype=np.float64)
    defined = np.isfinite(pct)
    weighted = np.where(defined, pct, 0.0) * weights
    present = defined * weights
    out = np.full((pct.shape[0], len(COMPONENTS)), np.nan)
    for col, name in enumerate(COMPONENTS):
        members = np.array([i.component == name for i in config.indicators], dtype=np.bool_)
        if not members.any():
            continue
        den = present[:, members].sum(axis=1)
        num = weighted[:, members].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[:, col] = np.where(den > 0, num / np.where(den > 0, den, 1.0), np.nan)
    return out, out.sum(axis=1)


def irs(
    households: Households,
    config: IrsConfig = DEFAULT_IRS_2021,
    *,
    groups: npt.ArrayLike | None = None,
    n_groups: int | None = None,
) -> IrsResult:
    """Indicator %, component scores and IRS per desa (or per strata).

    Parameters
    ----------
    households : Households
        Records of one round; unapproved records are ignored.
    config : IrsConfig, default DEFAULT_IRS_2021
        Indicators, denominators and weights.
    groups, n_groups : array_like of int, int, optional
        Group index 0..n_groups-1 per household (e.g. the desa's strata for the
        ``ehra_2014`` method, §4.5); default the desa index.

    Returns
    -------
    IrsResult
        ``p = 100 · #(approved ∧ applicable ∧ risk) / #(approved ∧ applicable)`` per
        group and indicator, then :func:`component_scores` (ehra-risk.md §4.2–§4.5).
        Section H (diare) is never read (§1, §11.6).
    """
    group = households.desa if groups is None else np.asarray(groups, dtype=np.int64)
    size = households.n_desa if n_groups is None else int(n_groups)
    n = households.size
    if group.shape != (n,) or households.approved.shape != (n,):
        raise ValueError("desa/groups and approved must have one entry per household")
    if n and (group.min() < 0 or group.max() >= size):
        raise ValueError("group index out of range")
    ok = np.asarray(households.approved, dtype=np.bool_)
    base = np.bincount(group[ok], minlength=size).astype(np.int64)
    k = len(config.indicators)
    at_risk = np.zeros((size, k), dtype=np.int64)
    denominator = np.zeros((size, k), dtype=np.int64)
    for col, item in enumerate(config.indicators):
        risk = evaluate(item.risk, households.answers, n)
        if item.denominator == "all":
            counted = ok
            denominator[:, col] = base
        else:
            counted = ok & evaluate(item.applicable, households.answers, n)
            denominator[:, col] = np.bincount(group[counted], minlength=size)
        at_risk[:, col] = np.bincount(group[counted & risk], minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        percent = np.where(denominator > 0, 100.0 * at_risk / np.maximum(denominator, 1), np.nan)
    components, total = component_scores(percent, config)
    return IrsResult(
        indicators=tuple(i.key for i in config.indicators),
        at_risk=at_risk,
        denominator=denominator,
        percent=percent,
        components=components,
        total=total,
        households=base,
    )
