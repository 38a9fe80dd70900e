"""Headline figures of an EHRA round's sample: frame size N, minimum respondents, desa and
households drawn and collected (one selector, used by the sampling page and documents).

Units: KK (frame N), households (rumah tangga), desa. Sources: ``SamplingFrame`` (N stored
at draw time from ``ppsp.regions.figures.population_total``: KK of ONE year), the frame's
selected desa and their RT draw, and the imported ``Household`` records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ppsp.compute.area_risk import final_class
from ppsp.compute.sampling import desa_count
from ppsp.ehra.models import (
    AreaRisk,
    DesaResult,
    FrameDesa,
    Household,
    SamplingFrame,
    SurveyRound,
)


@dataclass(frozen=True)
class SampleFigures:
    frame_kk: int | None  # N of the sample-size formula (KK of the kab/kota)
    min_respondents: int  # Krejcie–Morgan / Slovin result for N
    per_desa: int  # households per desa (EHRA minimum 40)
    min_desa: int  # ceil(min_respondents / per_desa)
    drawn_desa: int  # desa selected in the frame
    drawn_households: int  # RT slots × households per RT over the selected desa
    households_planned: int  # drawn_desa × per_desa
    collected_households: int  # household records imported for the round


def sample_figures(survey: SurveyRound, frame: SamplingFrame | None = None) -> SampleFigures | None:
    frame = frame or SamplingFrame.objects.filter(survey=survey).first()
    if frame is None:
        return None
    selected = list(
        FrameDesa.objects.filter(frame=frame, selected=True).values_list(
            "rt_selected", "households_per_rt"
        )
    )
    drawn = sum(len(rts or []) * per_rt for rts, per_rt in selected)
    return SampleFigures(
        frame_kk=frame.population,
        min_respondents=frame.sample_size,
        per_desa=frame.per_desa,
        min_desa=desa_count(frame.sample_size, per_desa=frame.per_desa),
        drawn_desa=len(selected),
        drawn_households=drawn,
        households_planned=len(selected) * frame.per_desa,
        collected_households=Household.objects.filter(survey=survey).count(),
    )


def irs_by_desa(survey: SurveyRound) -> dict[str, float | None]:
    """IRS (indeks risiko sanitasi, 0–100 points) per desa code of a computed round."""
    return dict(
        DesaResult.objects.filter(survey=survey).values_list("desa__code", "irs").order_by()
    )


def area_class_by_desa(survey: SurveyRound, component: str) -> dict[str, int]:
    """Area berisiko class (1–4) per desa code for one SSK component: the Pokja's verified
    class where one was recorded (audited override), else the computed class."""
    return {
        code: final_class(computed, override)
        for code, computed, override in AreaRisk.objects.filter(
            survey=survey, component=component
        ).values_list("desa__code", "risk_class", "override_class")
    }


def area_classes(survey: SurveyRound, components: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """`area_class_by_desa` of several components: component -> desa code -> class."""
    return {component: area_class_by_desa(survey, component) for component in components}


def area_class_counts(survey: SurveyRound, component: str) -> dict[int, int]:
    """Number of desa per area berisiko class (1–4; 0 = not classable) of one component."""
    return dict(sorted(Counter(area_class_by_desa(survey, component).values()).items()))
