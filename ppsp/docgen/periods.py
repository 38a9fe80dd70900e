"""Which stored data a document of a given period binds (issue 16: history binds its own
period, never today's data).

A document covers the years ``start..end`` (SSK 2027–2031, BPS 2015–2015). Its data
window is the five years before the first plan year up to that year,
``start - DATA_YEARS .. start``: the EHRA round, the population year and the Form 2 year
are the latest inside that window. The plan-side inputs follow the cycle: the scenario,
the fiscal capacity and the visi/misi of the cycle year ``start - 1`` (or the latest cycle
whose five plan years cover ``start``), the Lampiran 4 plan whose five years cover
``start``. When nothing lies inside the window the binding says "data tidak tersedia untuk
periode ini" (`unavailable`), never falls back to another period.

`bound_inputs` lists the keys of what a version binds; the approval snapshot stores them
and `ppsp.core.freeze` refuses writes to them while the version is in force.
"""

from __future__ import annotations

from django.db.models import Max

from ppsp.documents.models import DocumentVersion
from ppsp.ehra.models import SurveyRound
from ppsp.finance.models import FiscalCapacity
from ppsp.mps.models import YEARS, Plan
from ppsp.profiles.models import DesaProfile
from ppsp.regions import figures
from ppsp.regions.models import Region
from ppsp.scenarios.models import Scenario, Vision

DATA_YEARS = 5
UNAVAILABLE = "data tidak tersedia untuk periode ini"


def unavailable(what: str, start: int, end: int) -> str:
    span = f"{start}" if start == end else f"{start}–{end}"
    return f"{what}: {UNAVAILABLE} ({span}; data tahun {start - DATA_YEARS}–{start})."


def years_of(facts: dict[str, str]) -> tuple[int, int]:
    return int(facts["tahun_awal"]), int(facts["tahun_akhir"])


def survey_round(region: Region, start: int) -> SurveyRound | None:
    return (
        SurveyRound.objects.filter(
            region=region, computed_at__isnull=False, year__range=(start - DATA_YEARS, start)
        )
        .order_by("-year", "-pk")
        .first()
    )


def population_year(region: Region, start: int) -> int | None:
    """The population year of a document starting in `start`: the one population selector
    (`regions.figures.population_year`) up to `start`, if within DATA_YEARS of it."""
    year = figures.population_year(region.code, up_to=start)
    return year if year is not None and year >= start - DATA_YEARS else None


def form2_year(region: Region, start: int) -> int | None:
    found = DesaProfile.objects.filter(
        desa__kabkota_code=region.code, year__range=(start - DATA_YEARS, start)
    ).aggregate(y=Max("year"))
    year: int | None = found["y"]
    return year


def scenario(region: Region, start: int) -> Scenario | None:
    """The chosen scenario of the cycle whose plan years cover `start` (latest first)."""
    return (
        Scenario.objects.filter(
            region=region, chosen=True, fiscal_year__range=(start - DATA_YEARS, start - 1)
        )
        .select_related("region")
        .order_by("-fiscal_year")
        .first()
    )


def plan(region: Region, start: int) -> Plan | None:
    """The Lampiran 4 plan whose five years cover `start` (latest first)."""
    return (
        Plan.objects.filter(region=region, first_year__range=(start - YEARS + 1, start))
        .order_by("-first_year")
        .first()
    )


def vision(region: Region, start: int) -> Vision | None:
    return Vision.objects.filter(region=region, fiscal_year=start - 1).first()


def bound_inputs(version: DocumentVersion) -> dict[str, list[int]]:
    """The input keys a version binds: {kind: [pk or year]} (see `ppsp.core.freeze`)."""
    document = version.document
    region, start = document.region, document.period_start
    found: dict[str, int | None] = {
        "version": version.pk,
        "ehra_round": getattr(survey_round(region, start), "pk", None),
        "population_year": population_year(region, start),
        "form2_year": form2_year(region, start),
        "plan": getattr(plan(region, start), "pk", None),
        "vision": getattr(vision(region, start), "pk", None),
    }
    chosen = scenario(region, start)
    if chosen is not None:
        found["scenario"] = chosen.pk
        capacity = FiscalCapacity.objects.filter(region=region, fiscal_year=chosen.fiscal_year)
        found["fiscal"] = capacity.values_list("pk", flat=True).first()
    return {kind: [value] for kind, value in found.items() if value is not None}
