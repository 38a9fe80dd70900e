"""Realisation values derived from imported sector figures, so figures are not typed twice.

`RealisationMapping` (data) says which figures give which realisation; this module reads the
figures of one kab/kota (and its desa) in one query and applies the formula of
`ppsp.compute.monev.derived_value`. The year used is the newest year up to the report year
that has the figures; it is shown with the value ("STBM 2024").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ppsp.compute.monev import derived_value
from ppsp.exchange.models import DerivationTarget, RealisationMapping, SectorFigure
from ppsp.regions.models import Region

SHORT = {"sipsn": "SIPSN", "stbm": "STBM", "sipd": "SIPD"}


@dataclass(frozen=True)
class Derived:
    """A value offered for a realisation entry, with where it comes from."""

    value: Decimal
    system: str
    year: int
    label: str  # the mapping's name, shows the formula

    @property
    def note(self) -> str:
        """The source recorded with an accepted value, e.g. 'STBM 2024'."""
        return f"{SHORT.get(self.system, self.system.upper())} {self.year}"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _indicator_mapping(
    mappings: list[RealisationMapping], indicator: str, subsector: str
) -> RealisationMapping | None:
    text = _norm(indicator)
    for mapping in mappings:
        if mapping.subsector and mapping.subsector != subsector:
            continue
        if any(phrase in text for phrase in mapping.phrases()):
            return mapping
    return None


def _sum(totals: dict[tuple[str, int], Decimal], codes: list[str], year: int) -> float | None:
    found = [totals[(c, year)] for c in codes if (c, year) in totals]
    return float(sum(found)) if found else None


def _apply(
    mapping: RealisationMapping, totals: dict[tuple[str, int], Decimal], years: list[int]
) -> Derived | None:
    numerator, denominator = mapping.codes("numerator"), mapping.codes("denominator")
    for year in years:  # newest first
        value = derived_value(
            mapping.kind,
            _sum(totals, numerator, year),
            _sum(totals, denominator, year),
            float(mapping.scale),
        )
        if value is not None:
            return Derived(Decimal(str(value)), mapping.system, year, mapping.label)
    return None


def derived_realisations(
    kabkota: Region,
    year: int,
    indicators: Iterable[tuple[int, str, str]],
    rows: Iterable[tuple[int, str]],
) -> tuple[dict[int, Derived], dict[int, Derived]]:
    """Offered values per sasaran node pk and per programme row pk (two queries in all).

    `indicators`: (node pk, indicator text, subsector); `rows`: (row pk, sub-kegiatan code).
    """
    mappings = list(RealisationMapping.objects.all())
    indicator_maps = [m for m in mappings if m.target == DerivationTarget.INDICATOR]
    row_maps = [m for m in mappings if m.target == DerivationTarget.ROW_BUDGET]
    chosen = {
        pk: m
        for pk, text, subsector in indicators
        if (m := _indicator_mapping(indicator_maps, text, subsector)) is not None
    }
    row_codes = {pk: "".join(code.split()) for pk, code in rows if code.strip()}
    wanted = {c for m in chosen.values() for c in (*m.codes("numerator"), *m.codes("denominator"))}
    if row_codes:
        wanted |= {c for m in row_maps for c in m.codes("numerator")}
    if not wanted:
        return {}, {}
    totals: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    by_code: dict[str, dict[tuple[str, int], Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    figures = SectorFigure.objects.filter(
        region__kabkota_code=kabkota.code, indicator__in=wanted, year__lte=year
    ).values_list("indicator", "year", "key", "value")
    for indicator, fig_year, key, value in figures:
        totals[(indicator, fig_year)] += value
        if key:
            by_code["".join(key.split("|", 1)[0].split())][(indicator, fig_year)] += value
    years = sorted({y for _, y in totals}, reverse=True)
    offered_indicators = {
        pk: d for pk, m in chosen.items() if (d := _apply(m, totals, years)) is not None
    }
    offered_rows: dict[int, Derived] = {}
    for pk, code in row_codes.items():
        for mapping in row_maps:
            if code in by_code and (d := _apply(mapping, by_code[code], years)) is not None:
                offered_rows[pk] = d
                break
    return offered_indicators, offered_rows
