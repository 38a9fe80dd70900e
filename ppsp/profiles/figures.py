"""Headline figure: akses sanitasi layak / aman (air limbah) of a kab/kota, per source.

Two sources legitimately differ: the household survey of the kab/kota (EHRA, sanitation
ladder of the latest computed round, % of households with a known rung) and the values
recorded for the Universal Access trigger (e.g. SUSENAS, ``cycles.IndicatorValue``). Each
value carries its source and year, and pages show all of them side by side, never one as
"the" value. Units: percent of households. A fixed number of queries for many kab/kota.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ppsp.cycles.models import IndicatorValue
from ppsp.ehra.models import DesaResult, SurveyRound

LAYAK = ("Layak bersama", "Layak sendiri", "Aman")
INDICATORS = {
    "akses-sanitasi-layak": "layak",
    "akses-sanitasi-aman": "aman",
}


@dataclass(frozen=True)
class SourcedValue:
    indicator: str  # "layak" | "aman"
    value: float  # % of households
    source: str  # e.g. "EHRA 2026", "SUSENAS 2024"
    year: int

    @property
    def label(self) -> str:
        return f"{self.value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + f" % ({self.source})"


def ladder_shares(ladders: Iterable[dict[str, list[float]]]) -> dict[str, float]:
    """% layak and % aman from desa ladders ({rung: [count, pct]}), unknown rung left out."""
    totals: dict[str, int] = {}
    for ladder in ladders:
        for rung, (count, _pct) in ladder.items():
            totals[rung] = totals.get(rung, 0) + int(count)
    known = sum(v for k, v in totals.items() if k != "Tidak diketahui")
    if not known:
        return {}
    return {
        "layak": round(100.0 * sum(totals.get(r, 0) for r in LAYAK) / known, 2),
        "aman": round(100.0 * totals.get("Aman", 0) / known, 2),
    }


def sanitasi_access(region_ids: Iterable[int]) -> dict[int, list[SourcedValue]]:
    """Every known akses sanitasi layak/aman value per kab/kota id, newest first per source."""
    ids = list(region_ids)
    out: dict[int, list[SourcedValue]] = {pk: [] for pk in ids}
    latest: dict[int, SurveyRound] = {}
    for survey in SurveyRound.objects.filter(region_id__in=ids, computed_at__isnull=False).order_by(
        "-year"
    ):
        latest.setdefault(survey.region_id, survey)
    ladders: dict[int, list[dict[str, list[float]]]] = {}
    for survey_id, ladder in DesaResult.objects.filter(
        survey__in=list(latest.values())
    ).values_list("survey_id", "ladder"):
        ladders.setdefault(survey_id, []).append(ladder or {})
    for region_id, survey in latest.items():
        for indicator, value in ladder_shares(ladders.get(survey.pk, [])).items():
            out[region_id].append(
                SourcedValue(indicator, value, f"EHRA {survey.year}", survey.year)
            )
    seen: set[tuple[int, str]] = set()
    for row in IndicatorValue.objects.filter(
        region_id__in=ids, indicator_key__in=list(INDICATORS)
    ).order_by("-year"):
        if (row.region_id, row.indicator_key) in seen:
            continue
        seen.add((row.region_id, row.indicator_key))
        source = row.source or "nilai tercatat"
        if str(row.year) not in source:
            source = f"{source}, {row.year}"
        out[row.region_id].append(
            SourcedValue(INDICATORS[row.indicator_key], row.value, source, row.year)
        )
    return out
