"""Tabel 5.1 and its funding gaps: Gap 1 = a − b and Gap 2 = a − c, per plan year.

(a) is the need of the chosen scenario (sum of the subsector rows), (b) the projected APBD
murni for sanitation and (c) the projected komitmen pendanaan — both from the fiscal
capacity (:mod:`ppsp.compute.fiscal`). The app reads it through
``scenarios.selectors.table51`` / ``scenarios.figures.tabel51_of_record`` (one selector for
pages, XLSX, API and documents). ``ppsp.compute.finance`` re-exports both names (DESIGN.md
§4). Source: domain-ppsp.md §10.6, §16.2 item 7. Amounts are full rupiah (Rp); pure
functions, no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from ppsp.compute.series import finite_amounts, same_length

__all__ = ["GapTable", "gap_table"]


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
    capacity = finite_amounts(apbd_murni, "apbd_murni")
    commitment = finite_amounts(komitmen, "komitmen")
    rows = {name: finite_amounts(values, f"need[{name!r}]") for name, values in need.items()}
    years = same_length([*rows.items(), ("apbd_murni", capacity), ("komitmen", commitment)])
    total = [math.fsum(row[t] for row in rows.values()) for t in range(years)]
    return GapTable(
        need_total=total,
        apbd_murni=capacity,
        komitmen=commitment,
        gap1=[a - b for a, b in zip(total, capacity, strict=True)],
        gap2=[a - c for a, c in zip(total, commitment, strict=True)],
    )
