"""Inputs of a zone plan drawn from the stored data: desa population and area berisiko.

The population of a zone is the sum of its desa's latest population (regions.Population),
carried to the cycle year with the stated growth; its risk class is the population-
weighted mean of the desa's area berisiko class for the subsector, when an EHRA round of
the kab/kota has classed them (issue 5; looked up through the app registry so that this
app does not depend on it). Typed projections are checked against the stated rate
(`ppsp.compute.projection.contradictions`).

The growth rate is either stated for the zone or, left blank, taken per desa from the
Form 2 profile (% pertumbuhan penduduk, filled per kecamatan or with the kab/kota rate;
domain-ppsp.md §8.2); the zone then grows at the population-weighted mean of those rates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from ppsp.compute.projection import contradictions, project_population
from ppsp.ehra.models import AreaRisk
from ppsp.profiles.selectors import profile_for_kabkota
from ppsp.regions.models import Population, Region


@dataclass(frozen=True)
class DesaInputs:
    population: float  # carried to the base year [jiwa]
    risk_class: int | None  # population-weighted area berisiko class, None when not classed
    classed: int  # how many desa had a class
    growth: float  # zone rate [1/year]: the stated one, or the weighted Form 2 rates


def _latest_population(desa: Sequence[Region], up_to: int) -> dict[int, tuple[int, int]]:
    """desa id -> (year, penduduk) of its latest figure no later than `up_to`."""
    latest: dict[int, tuple[int, int]] = {}
    rows = Population.objects.filter(region__in=desa, year__lte=up_to).values_list(
        "region_id", "year", "penduduk"
    )
    for region_id, year, people in rows:
        if region_id not in latest or year > latest[region_id][0]:
            latest[region_id] = (year, people)
    return latest


def area_classes(region: Region, fiscal_year: int, subsector: str) -> dict[int, int]:
    """desa id -> final area berisiko class (1–4) of the latest EHRA round, if any."""
    rows = (
        AreaRisk.objects.filter(
            survey__region=region, survey__year__lte=fiscal_year, component=subsector
        )
        .select_related("survey")
        .order_by("-survey__year")
    )
    out: dict[int, int] = {}
    year = None
    for row in rows:
        if year is None:
            year = row.survey.year
        if row.survey.year != year:
            break
        if row.final_class:
            out[row.desa_id] = row.final_class
    return out


def profile_rates(region: Region, fiscal_year: int) -> dict[str, float]:
    """desa code -> growth rate [1/year] from the Form 2 profile of the cycle year, if typed."""
    return {
        code: p.growth_pct / 100
        for code, p in profile_for_kabkota(region.code, fiscal_year).items()
        if p.pk is not None and p.growth_pct is not None
    }


def _rates(
    region: Region, fiscal_year: int, desa: Sequence[Region], growth: float | None
) -> dict[int, float]:
    """desa id -> rate: the stated zone rate, else each desa's Form 2 rate."""
    if growth is not None:
        return {d.pk: growth for d in desa}
    found = profile_rates(region, fiscal_year)
    missing = [d.name for d in desa if d.code not in found]
    if missing:
        raise ValidationError(
            "Isi pertumbuhan penduduk zona, atau lengkapi % pertumbuhan penduduk di profil "
            f"Form 2 {fiscal_year} untuk desa: " + ", ".join(sorted(missing)) + "."
        )
    return {d.pk: found[d.code] for d in desa}


def desa_inputs(
    region: Region,
    fiscal_year: int,
    subsector: str,
    desa: Sequence[Region],
    growth: float | None,
    method: str,
) -> DesaInputs:
    outside = [d.name for d in desa if d.kabkota_code != region.code or d.level != 4]
    if outside:
        raise ValidationError(f"Desa di luar kab/kota ini: {', '.join(outside)}.")
    latest = _latest_population(desa, fiscal_year)
    missing = [d.name for d in desa if d.pk not in latest]
    if missing:
        raise ValidationError(
            "Data penduduk belum ada untuk desa: " + ", ".join(sorted(missing)) + "."
        )
    rates = _rates(region, fiscal_year, desa, growth)
    carried: dict[int, float] = {}
    for d in desa:
        year, count = latest[d.pk]
        gap = fiscal_year - year
        carried[d.pk] = (
            project_population(count, rates[d.pk], gap, method=method)[-1]
            if gap > 0
            else float(count)
        )
    total = math.fsum(carried.values())
    zone_rate = (
        math.fsum(carried[d.pk] * rates[d.pk] for d in desa) / total
        if total > 0
        else math.fsum(rates.values()) / len(rates)
    )
    classes = area_classes(region, fiscal_year, subsector)
    weighted = [(carried[d.pk], classes[d.pk]) for d in desa if d.pk in classes]
    people = math.fsum(p for p, _ in weighted)
    risk = round(math.fsum(p * c for p, c in weighted) / people) if people > 0 else None
    return DesaInputs(total, risk, len(weighted), zone_rate)


def _id(value: float, digits: int = 0) -> str:
    """Indonesian number format: 10.612 and 2,00."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def check_typed(
    base: float, growth: float, typed: Sequence[float | None], years: list[int], method: str
) -> None:
    """Refuse typed projections the stated rate cannot produce, naming the years."""
    if not any(v is not None for v in typed):
        return
    flagged = contradictions(base, growth, typed, method=method)
    if not flagged:
        return
    expected = project_population(base, growth, len(typed), method=method)
    parts = [
        f"{years[k]} (diketik {_id(typed[k] or 0)}, seharusnya ± {_id(expected[k])})"
        for k in flagged
    ]
    raise ValidationError(
        f"Proyeksi penduduk yang diketik bertentangan dengan laju {_id(growth * 100, 2)} %/tahun "
        f"({method}): " + "; ".join(parts) + ". Perbaiki laju atau proyeksinya."
    )
