"""Sanitation access ladder ("akses sanitasi") from EHRA 2021 answers, per household and desa.

Source: ehra-risk.md §10.1–§10.3 (mapping [I]); results must be reported as
"menurut data EHRA" because the official series is SUSENAS (§10.3).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ppsp.compute.ehra import Households
from ppsp.compute.questionnaire import column_name

__all__ = [
    "AMAN",
    "BABS_TERBUKA",
    "BELUM_LAYAK",
    "LABELS",
    "LAYAK_BERSAMA",
    "LAYAK_SENDIRI",
    "UNKNOWN",
    "LadderConfig",
    "LadderResult",
    "ladder",
    "ladder_households",
]

QUESTIONS = ("D.1", "D.3", "D.10", "D.12", "D.13", "D.14")  # read by the ladder

UNKNOWN, BABS_TERBUKA, BELUM_LAYAK, LAYAK_BERSAMA, LAYAK_SENDIRI, AMAN = range(6)
LABELS = {
    UNKNOWN: "Tidak diketahui",
    BABS_TERBUKA: "BABS di tempat terbuka",
    BELUM_LAYAK: "Belum layak",
    LAYAK_BERSAMA: "Layak bersama",
    LAYAK_SENDIRI: "Layak sendiri",
    AMAN: "Aman",
}


@dataclass(frozen=True)
class LadderConfig:
    """Open points of §10.3 as settings.

    ``emptied_codes``: D.12 answers that count as "disedot dalam 3–5 tahun" (default 1, 2);
    ``emptier_codes``: D.13 answers accepted (default 1, 2); ``sludge_codes``: D.14
    answers that count as safe disposal (default 1 = IPLT; add 3 to accept burial).
    """

    emptied_codes: tuple[int, ...] = (1, 2)
    emptier_codes: tuple[int, ...] = (1, 2)
    sludge_codes: tuple[int, ...] = (1,)


def _col(households: Households, code: str) -> npt.NDArray[np.int64]:
    return np.asarray(households.answers[column_name(code)], dtype=np.int64)


def ladder_households(
    households: Households,
    urban: npt.ArrayLike,
    config: LadderConfig | None = None,
) -> npt.NDArray[np.int8]:
    """Ladder rung per household (0 unknown, 1 BABS terbuka … 5 aman).

    Parameters
    ----------
    households : Households
        EHRA records (approval is not applied here; see :func:`ladder`).
    urban : array_like of bool, shape (n_desa,)
        Desa is urban by the BPS classification (Form 2 item h, ehra-risk.md §5.2).
    config : LadderConfig, optional
        Open points of the mapping.

    Returns
    -------
    numpy.ndarray of int8, shape (n,)
        ehra-risk.md §10.3, first matching rule wins: D.1 = 4 → 1 BABS terbuka;
        D.3 = 7 or D.10 ∈ {2, 3} → 2 belum layak (direct discharge); D.3 ∈ {5, 6} → 2;
        D.3 = 4 in an urban desa → 2; otherwise (D.3 ∈ {1, 2, 3}, or 4 rural):
        D.1 ∈ {2, 3} → 3 layak bersama; D.3 = 1 → 5 aman; D.3 ∈ {2, 3} with D.12,
        D.13, D.14 in the configured codes → 5 aman; else 4 layak sendiri.
        No D.1, or a latrine with no D.3 answer → 0 unknown.
    """
    cfg = config or LadderConfig()
    d1 = _col(households, "D.1")
    d3 = _col(households, "D.3")
    d10 = _col(households, "D.10")
    town = np.asarray(urban, dtype=np.bool_)
    if town.shape != (households.n_desa,):
        raise ValueError("urban must have one flag per desa")
    is_urban = town[households.desa]
    emptied = (
        np.isin(d3, (2, 3))
        & np.isin(_col(households, "D.12"), cfg.emptied_codes)
        & np.isin(_col(households, "D.13"), cfg.emptier_codes)
        & np.isin(_col(households, "D.14"), cfg.sludge_codes)
    )
    rung = np.full(households.size, UNKNOWN, dtype=np.int8)
    improved = np.isin(d3, (1, 2, 3)) | ((d3 == 4) & ~is_urban)
    shared = np.isin(d1, (2, 3))
    choices = [
        d1 == 4,
        (d3 == 7) | np.isin(d10, (2, 3)),
        np.isin(d3, (5, 6)),
        (d3 == 4) & is_urban,
        improved & shared,
        improved & ((d3 == 1) | emptied),
        improved,
    ]
    values = [BABS_TERBUKA, BELUM_LAYAK, BELUM_LAYAK, BELUM_LAYAK, LAYAK_BERSAMA, AMAN]
    values.append(LAYAK_SENDIRI)
    known = d1 != 0
    for cond, value in zip(reversed(choices), reversed(values), strict=True):
        rung[known & cond] = value
    return rung


@dataclass(frozen=True, eq=False)
class LadderResult:
    """Ladder per household and its distribution per desa.

    Attributes
    ----------
    rung : numpy.ndarray of int8, shape (n,)
        Rung per household, 0..5 (see :data:`LABELS`).
    counts : numpy.ndarray of int64, shape (n_desa, 6)
        Approved households per desa and rung (column 0 = unknown).
    percent : numpy.ndarray of float64, shape (n_desa, 6)
        % of approved households with a known rung, columns 1..5 (column 0 is the %
        of unknown among all approved); NaN where a desa has none.
    """

    rung: npt.NDArray[np.int8]
    counts: npt.NDArray[np.int64]
    percent: npt.NDArray[np.float64]


def ladder(
    households: Households, urban: npt.ArrayLike, config: LadderConfig | None = None
) -> LadderResult:
    """Sanitation ladder per household and per desa, approved records only.

    Parameters
    ----------
    households : Households
        EHRA records of one round.
    urban : array_like of bool, shape (n_desa,)
        Urban flag per desa (BPS).
    config : LadderConfig, optional
        Open points of ehra-risk.md §10.3.

    Returns
    -------
    LadderResult
        Counts via ``bincount(desa·6 + rung)``; rung % = count / Σ known × 100 (%),
        ehra-risk.md §10.2–§10.3.
    """
    rung = ladder_households(households, urban, config)
    ok = np.asarray(households.approved, dtype=np.bool_)
    m = households.n_desa
    flat = households.desa[ok] * 6 + rung[ok]
    counts = np.bincount(flat, minlength=m * 6).reshape(m, 6).astype(np.int64)
    known = counts[:, 1:].sum(axis=1, keepdims=True)
    total = counts.sum(axis=1, keepdims=True)
    percent = np.full((m, 6), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        percent[:, 1:] = np.where(known > 0, 100.0 * counts[:, 1:] / np.maximum(known, 1), np.nan)
        percent[:, 0] = np.where(
            total[:, 0] > 0, 100.0 * counts[:, 0] / np.maximum(total[:, 0], 1), np.nan
        )
    return LadderResult(rung=rung, counts=counts, percent=percent)
