"""Reads for the system suggestion per desa (compute.zoning) from the stored data.

Density and flooding come from the EHRA sampling frame of the kab/kota (K1 kepadatan in
jiwa/km², K4 rawan banjir; issue 5) and the area berisiko classes from its latest round,
both read from the ehra models; a kelurahan counts as urban. When the Form 2
profile of the desa exists (``ppsp.profiles``), its kepadatan netto
(bruto when the built-up area is unknown), urban/rural (RTRW, else BPS), CBD and luas
genangan take precedence. Without either the density is unknown and only the drainase
priority can be suggested.
"""

from __future__ import annotations

from dataclasses import dataclass

from ppsp.compute.vocabulary import SSK_SUBSECTORS
from ppsp.compute.zoning import (
    AIR_LIMBAH,
    PERSAMPAHAN,
    DesaFacts,
    Suggestion,
    suggest,
    thresholds_from,
)
from ppsp.ehra.models import FrameDesa
from ppsp.profiles.selectors import profile_for_kabkota
from ppsp.regions.models import Kind, Level, Population, Region
from ppsp.scenarios.models import UnitCostTable
from ppsp.scenarios.zone_inputs import area_classes

SUBSECTORS = SSK_SUBSECTORS  # the three with zones and systems (compute.vocabulary)


@dataclass(frozen=True)
class DesaRow:
    desa: Region
    population: int | None
    facts: DesaFacts
    suggestion: Suggestion


@dataclass(frozen=True)
class SystemGroup:
    key: str
    label: str
    desa: int
    population: int


def _frame_facts(region: Region, year: int) -> dict[int, tuple[float, bool]]:
    """desa id -> (density jiwa/ha, flood-prone) from the latest EHRA frame, if any."""
    rows = FrameDesa.objects.filter(
        frame__survey__region=region, frame__survey__year__lte=year
    ).order_by("-frame__survey__year")
    out: dict[int, tuple[float, bool]] = {}
    latest = None
    for row in rows.select_related("frame__survey"):
        latest = latest or row.frame.survey.year
        if row.frame.survey.year != latest:
            break
        out[row.desa_id] = (row.density / 100.0, bool(row.flood))  # jiwa/km² -> jiwa/ha
    return out


def _profile_facts(
    region: Region, year: int
) -> dict[str, tuple[float | None, bool | None, bool, bool]]:
    """desa code -> (density jiwa/ha, urban or None, CBD, genangan) from the Form 2 profile."""
    out = {}
    for code, p in profile_for_kabkota(region.code, year).items():
        if p.pk is None:  # no Form 2 row for this desa and year
            continue
        density = p.kepadatan_netto if p.kepadatan_netto is not None else p.kepadatan_bruto
        kind = p.urban_rtrw or p.urban_bps
        urban = None if kind is None else kind == 1
        out[code] = (density, urban, bool(p.cbd), bool(p.luas_genangan))
    return out


def desa_suggestions(region: Region, year: int) -> list[DesaRow]:
    desa = list(Region.objects.filter(kabkota_code=region.code, level=Level.DESA).order_by("code"))
    population: dict[int, tuple[int, int]] = {}
    for region_id, y, count in Population.objects.filter(
        region__in=desa, year__lte=year
    ).values_list("region_id", "year", "penduduk"):
        if region_id not in population or y > population[region_id][0]:
            population[region_id] = (y, count)
    frame = _frame_facts(region, year)
    risks = {s: area_classes(region, year, s) for s in SUBSECTORS}
    table = UnitCostTable.objects.filter(active=True).order_by("-year").first()
    limits = thresholds_from(table.zoning_thresholds if table else None)
    rows = []
    profiles = _profile_facts(region, year)
    for d in desa:
        density, wet = frame.get(d.pk, (None, False))
        urban, cbd = d.kind == Kind.KELURAHAN, False
        if d.code in profiles:
            p_density, p_urban, cbd, p_wet = profiles[d.code]
            density = p_density if p_density is not None else density
            urban = p_urban if p_urban is not None else urban
            wet = wet or p_wet
        facts = DesaFacts(
            density=density,
            urban=urban,
            cbd=cbd,
            wet=wet,
            risk=tuple((s, risks[s][d.pk]) for s in SUBSECTORS if d.pk in risks[s]),
        )
        people = population.get(d.pk)
        rows.append(DesaRow(d, people[1] if people else None, facts, suggest(facts, limits)))
    return rows


def groups(rows: list[DesaRow], subsector: str) -> list[SystemGroup]:
    """Desa and population per suggested system: the starting point for zones."""
    labels = AIR_LIMBAH if subsector == "air_limbah" else PERSAMPAHAN
    out = []
    for key, label in [*labels.items(), ("", "Belum dapat disarankan")]:
        members = [r for r in rows if (getattr(r.suggestion, subsector) or "") == key]
        if members:
            people = sum(r.population or 0 for r in members)
            out.append(SystemGroup(key, label, len(members), people))
    return out
