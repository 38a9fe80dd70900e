"""Proses 4 computations: Lampiran 4 rows from the chosen scenario, the checks of the
program/kegiatan/indikasi pendanaan workbook, and the SWOT position (PT-02).

All amounts are in rupiah (Rp, integers); Rp juta only for display. Sources:
domain-ppsp.md §10.6 (Tabel 5.1, ±1 Rp juta display rounding), §11.2 (one source per row;
APBD K total against the 5-year kemampuan pendanaan, non-priority kegiatan to the Daftar
Tunggu), §13 (SWOT x = ΣS − ΣW, y = ΣO − ΣT, quadrant → strategy type).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ppsp.compute.records import CostLine

YEARS = 5  # an SSK window holds five fiscal years
JUTA = 1_000_000  # Rp per Rp juta

# kegiatan type of the cost model (records.KEGIATAN_TYPES) -> (kategori, SIDLACOM stage).
# Kategori follow the "Indikasi Kegiatan Sanitasi" sheet (§11.1 #3); the SIDLACOM stage is
# the step of the sanitation development cycle the kegiatan belongs to [I].
KEGIATAN_MAP: dict[str, tuple[str, str]] = {
    "studi_desain": ("perencanaan_teknis", "D"),
    "advokasi": ("pemicuan_sosialisasi", "S"),
    "penyiapan_lahan": ("lainnya", "L"),
    "konstruksi": ("konstruksi", "C"),
    "om": ("operasi_pemeliharaan", "O"),
}


@dataclass(frozen=True)
class RowDraft:
    """A Lampiran 4 row proposed from one cost line (amounts in Rp, five years)."""

    subsector: str
    kegiatan_type: str
    kategori: str
    sidlacom: str
    zone: str
    description: str
    amounts: tuple[int, ...]
    priority: int
    funding_source: str

    @property
    def total(self) -> int:
        return sum(self.amounts)


def drafts_from_cost_lines(
    lines: Iterable[CostLine], *, first_year: int, default_source: str = "apbd_kabkota"
) -> list[RowDraft]:
    """One row per cost line, amounts re-based on `first_year` and rounded to whole rupiah.

    Years of a line before `first_year` or after `first_year + 4` are dropped; the line's
    suggested funding source is kept, else `default_source` (APBD kab/kota may fund any
    kegiatan through internalisasi, §11.2). Lines with no amount inside the window are
    skipped.
    """
    drafts = []
    for line in lines:
        amounts = [0] * YEARS
        for offset, amount in enumerate(line.amounts_by_year):
            index = line.first_year + offset - first_year
            if 0 <= index < YEARS:
                amounts[index] += round(amount)
        if not any(amounts):
            continue
        kategori, stage = KEGIATAN_MAP.get(line.kegiatan_type, ("lainnya", "S"))
        drafts.append(
            RowDraft(
                subsector=line.subsector,
                kegiatan_type=line.kegiatan_type,
                kategori=kategori,
                sidlacom=stage,
                zone=line.zone,
                description=line.description,
                amounts=tuple(amounts),
                priority=line.priority,
                funding_source=line.funding_source or default_source,
            )
        )
    return drafts


def need_by_subsector(lines: Iterable[CostLine], *, first_year: int) -> dict[str, int]:
    """Tabel 5.1 row "a" per subsector (Rp, five years from `first_year`)."""
    need: dict[str, int] = {}
    for draft in drafts_from_cost_lines(lines, first_year=first_year):
        need[draft.subsector] = need.get(draft.subsector, 0) + draft.total
    return need


def to_juta(amount: float) -> int:
    """Rp → Rp juta as printed (half up)."""
    return int((amount + JUTA / 2) // JUTA)


@dataclass(frozen=True)
class SumMismatch:
    subsector: str
    rows_total: int  # Rp
    need_total: int  # Rp

    @property
    def difference_juta(self) -> int:
        return to_juta(self.rows_total) - to_juta(self.need_total)


def subsector_mismatches(
    rows_total: Mapping[str, int], need: Mapping[str, int], *, tolerance_juta: int = 1
) -> list[SumMismatch]:
    """Subsectors whose Lampiran 4 sum differs from Tabel 5.1 by more than the tolerance.

    Compared in Rp juta as displayed: |juta(Σ rows) − juta(need)| ≤ `tolerance_juta`
    passes (§10.6: published cells are rounded, sums may differ by ±1).
    """
    problems = []
    for subsector in sorted(set(rows_total) | set(need)):
        mismatch = SumMismatch(subsector, rows_total.get(subsector, 0), need.get(subsector, 0))
        if abs(mismatch.difference_juta) > tolerance_juta:
            problems.append(mismatch)
    return problems


@dataclass(frozen=True)
class BudgetRow:
    key: int  # row id
    priority: int  # 1 = highest; 0 = not ranked (treated as lowest)
    total: int  # Rp over five years


@dataclass(frozen=True)
class BudgetCheck:
    apbd_total: int  # Rp, Σ APBD kab/kota rows kept as prioritas
    komitmen: int  # Rp, 5-year kemampuan pendanaan / komitmen
    to_waiting_list: tuple[int, ...]  # row keys proposed for the Daftar Tunggu
    moved_total: int  # Rp, Σ of the proposed rows

    @property
    def over_budget(self) -> int:
        return max(0, self.apbd_total - self.komitmen)

    @property
    def remaining_total(self) -> int:
        return self.apbd_total - self.moved_total


def _rank(row: BudgetRow) -> tuple[int, int, int]:
    # lowest priority first: unranked (0) before rank n before rank n-1; larger rows first
    return (0 if row.priority == 0 else 1, -row.priority, -row.total)


def propose_waiting_list(rows: Sequence[BudgetRow], komitmen: int) -> BudgetCheck:
    """Which APBD kab/kota rows to move to the Daftar Tunggu so that Σ ≤ komitmen (§11.2).

    Rows are taken lowest priority first (unranked, then the largest rank number; among
    equals the larger row first) until the remaining total fits the komitmen. Nothing is
    proposed when Σ rows ≤ komitmen.
    """
    total = sum(r.total for r in rows)
    moved: list[int] = []
    moved_total = 0
    for row in sorted(rows, key=_rank):
        if total - moved_total <= komitmen:
            break
        moved.append(row.key)
        moved_total += row.total
    return BudgetCheck(total, komitmen, tuple(moved), moved_total)


# --- SWOT (PT-02) -------------------------------------------------------------------------

QUADRANTS = {
    1: ("I", "agresif"),  # S > W, O > T: use strengths to seize opportunities
    2: ("II", "diversifikasi"),  # S > W, T > O: use strengths against threats
    3: ("III", "turn_around"),  # W > S, O > T: fix weaknesses to seize opportunities
    4: ("IV", "defensif"),  # W > S, T > O: minimise weaknesses, avoid threats
}


@dataclass(frozen=True)
class SwotFactor:
    kind: str  # "S", "W", "O" or "T"
    weight: float  # bobot, share of its group (0–1)
    score: float  # skor (typically 1–4 or 1–5)

    @property
    def value(self) -> float:
        return self.weight * self.score


@dataclass(frozen=True)
class SwotPosition:
    x: float  # ΣS − ΣW (weighted scores, dimensionless)
    y: float  # ΣO − ΣT
    quadrant: str  # I–IV
    strategy: str  # agresif, diversifikasi, turn_around, defensif


def swot_position(factors: Iterable[SwotFactor]) -> SwotPosition:
    """x = Σ bobot·skor of S − of W, y = of O − of T; quadrant from the signs (§13).

    Ties on an axis count as the favourable side (x = 0 as strength, y = 0 as opportunity).
    """
    sums = {"S": 0.0, "W": 0.0, "O": 0.0, "T": 0.0}
    for factor in factors:
        if factor.kind not in sums:
            raise ValueError(f"jenis faktor SWOT tidak dikenal: {factor.kind!r}")
        sums[factor.kind] += factor.value
    x = round(sums["S"] - sums["W"], 6)
    y = round(sums["O"] - sums["T"], 6)
    number = {(True, True): 1, (True, False): 2, (False, True): 3, (False, False): 4}[
        (x >= 0, y >= 0)
    ]
    quadrant, strategy = QUADRANTS[number]
    return SwotPosition(x, y, quadrant, strategy)
