"""Records shared between computation steps of different processes.

`CostLine` is the hand-over from Proses 3 (the chosen sanitation scenario: cost need per
zone, kegiatan type and year) to Proses 4 (programme/kegiatan rows of Lampiran 4 and the
MPS). Amounts are in rupiah (Rp), one per year starting at `first_year`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ppsp.compute.vocabulary import KEGIATAN_TYPES, SUBSECTORS

__all__ = ["KEGIATAN_TYPES", "SUBSECTORS", "CostLine"]


@dataclass(frozen=True)
class CostLine:
    subsector: str  # one of SUBSECTORS
    kegiatan_type: str  # one of KEGIATAN_TYPES (domain-ppsp.md §9.1)
    zone: str  # zone name or code within the kab/kota ("" when kab/kota-wide)
    description: str  # e.g. "IPAL komunal Zona 2", in Bahasa Indonesia
    first_year: int  # fiscal year of amounts_by_year[0]
    amounts_by_year: tuple[float, ...]  # Rp per year
    priority: int = 0  # 1 = highest; 0 = not ranked
    funding_source: str = ""  # suggested source, "" when open

    @property
    def total(self) -> float:
        return float(sum(self.amounts_by_year))
