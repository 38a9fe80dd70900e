"""Inputs of a zone plan drawn from the stored data: desa population and area berisiko.

The population of a zone is the sum of its desa's latest population (regions.Population),
carried to the cycle year with the stated growth; its risk class is the population-
weighted mean of the desa's area berisiko class for the subsector, when an EHRA round of
the kab/kota has classed them (issue 5; looked up through the app registry so that this
app does not depend on it). Typed projections are checked against the stated rate
(`ppsp.compute.projection.contradictions`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError

from ppsp.compute.projection import contradictions, project_population
from ppsp.regions.models import Population, Region


@dataclass(frozen=True)
class DesaInputs:
    population: float  # carried to the base year [jiwa]
    risk_class: int | None  # population-weighted area berisiko class, None when not classed
    classed: int  # how many desa had a class


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
    if not apps.is_installed("ppsp.ehra"):
        return {}
    area_model = apps.get_model("ehra", "AreaRisk")
    rows = (
        area_model.objects.filter(
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


def desa_inputs(
    region: Region,
    fiscal_year: int,
    subsector: str,
    desa: Sequence[Region],
    growth: float,
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
    carried: dict[int, float] = {}
    for d in desa:
        year, count = latest[d.pk]
        gap = fiscal_year - year
        carried[d.pk] = (
            project_population(count, growth, gap, method=method)[-1] if gap > 0 else float(count)
        )
    classes = area_classes(region, fiscal_year, subsector)
    weighted = [(carried[d.pk], classes[d.pk]) for d in desa if d.pk in classes]
    people = math.fsum(p for p, _ in weighted)
    risk = round(math.fsum(p * c for p, c in weighted) / people) if people > 0 else None
    return DesaInputs(sum(carried.values()), risk, len(weighted))


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
