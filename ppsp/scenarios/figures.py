"""Headline figures of Tabel 5.1 (domain-ppsp.md §10.6), one selector each, for the
Tabel 5.1 of record of a kab/kota: the one of its chosen scenario.

Units: rupiah per plan year and 5-year totals. (a) need per subsector and total comes from
the scenario's lines; (b) APBD murni and (c) komitmen come from the fiscal capacity
(``ppsp.finance.selectors.budgets``) of the scenario's fiscal year; Gap 1 = a − b,
Gap 2 = a − c (``ppsp.compute.finance.gap_table``). The scenario page, its XLSX export,
the MPS budget check and the documents all read these, so the figures agree everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from ppsp.regions.models import Region
from ppsp.scenarios.models import Scenario
from ppsp.scenarios.selectors import Table51, chosen_scenario, table51

__all__ = ["Tabel51Figure", "komitmen_total", "tabel51_figures", "tabel51_of_record"]


@dataclass(frozen=True)
class Tabel51Figure:
    scenario: Scenario
    table: Table51

    @property
    def source(self) -> str:
        return (
            f"Tabel 5.1, skenario {self.scenario.name} "
            f"(kemampuan keuangan TA {self.scenario.fiscal_year})"
        )

    def total(self, key: str) -> float:
        """5-year total of need_total (a), apbd_murni (b), komitmen (c), gap1, gap2 [Rp]."""
        return float(self.table.gaps.totals[key])

    def per_year(self, key: str) -> list[float]:
        return [float(v) for v in getattr(self.table.gaps, key)]


def tabel51_figures(scenario: Scenario) -> Tabel51Figure:
    """The Tabel 5.1 figures of one scenario (what its page and XLSX show)."""
    return Tabel51Figure(scenario, table51(scenario))


def tabel51_of_record(region: Region) -> Tabel51Figure | None:
    """Tabel 5.1 of the kab/kota's chosen scenario; None before a scenario is chosen."""
    scenario = chosen_scenario(region)
    return tabel51_figures(scenario) if scenario is not None else None


def komitmen_total(region: Region) -> tuple[int, str] | None:
    """(c) komitmen pendanaan sanitasi, 5-year total in Rp, with its source text; None when
    there is no chosen scenario or its fiscal capacity has no komitmen."""
    figure = tabel51_of_record(region)
    if figure is None or figure.table.fiscal is None or not figure.table.fiscal.c:
        return None
    return round(figure.total("komitmen")), figure.source
