"""Bindings the guides' outlines need beyond the chapter bindings of `bind_plan`:
Bab 3.5's "Perkiraan besaran pendanaan sanitasi ke depan" and the MPS's Bab 3 per subsector.

Both read through the same selectors as their siblings (Tabel 5.1 of the document's period,
the Lampiran 4 rows), so the figures equal the ones of Tabel 5.1 and Lampiran 4.
"""

from __future__ import annotations

from ppsp.docgen import bind_plan, periods
from ppsp.docgen.doc import Block, Missing, Table
from ppsp.docgen.fmt import rp_juta
from ppsp.regions.models import Region
from ppsp.scenarios.figures import tabel51_figures


def pendanaan(region: Region, facts: dict[str, str]) -> list[Block]:
    """Perkiraan besaran pendanaan sanitasi ke depan (domain-ppsp.md §10.4), Rp juta per year:
    (b) APBD murni and (c) komitmen of the chosen scenario's fiscal capacity."""
    start, end = periods.years_of(facts)
    scenario = periods.scenario(region, start)
    if scenario is None:
        return [
            Missing(
                periods.unavailable(
                    "Kemampuan pendanaan dan skenario terpilih (Proses 3, menu Skenario)",
                    start,
                    end,
                )
            )
        ]
    figure = tabel51_figures(scenario)
    gaps, totals = figure.table.gaps, figure.table.gaps.totals
    rows = (
        ("Perkiraan APBD murni untuk sanitasi (b)", gaps.apbd_murni, totals["apbd_murni"]),
        ("Perkiraan komitmen pendanaan sanitasi (c)", gaps.komitmen, totals["komitmen"]),
    )
    body = [[label, *map(rp_juta, values), rp_juta(total)] for label, values, total in rows]
    years = [str(y) for y in figure.table.years]
    return [
        Table(
            "Perkiraan besaran pendanaan sanitasi ke depan (x Rp juta)",
            ["Uraian", *years, "Total"],
            body,
            numeric=set(range(1, len(years) + 2)),
            source=figure.source,
        )
    ]


def program_subsektor(subsector: str, region: Region, facts: dict[str, str]) -> list[Block]:
    """The Lampiran 4 rows of one subsector (MPS Bab 3.x), numbered again from 1, with
    their own "Jumlah" row."""
    return bind_plan.program_kegiatan(region, facts, subsector=subsector)
