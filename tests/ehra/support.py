"""Helpers for EHRA tests: a round per kab/kota, synthetic exports, approved records."""

from __future__ import annotations

from ppsp.ehra.models import AreaRisk, Household, ReviewState, SurveyRound
from ppsp.regions.models import Level, Region
from tests.ehra.export_fixtures import answer_rows, kobo_table, to_csv


def ehra_round(kabkota: str, year: int = 2026) -> SurveyRound:
    survey, _ = SurveyRound.objects.get_or_create(
        region=Region.objects.get(code=kabkota), year=year
    )
    return survey


def export_csv(
    desa_codes: list[str], per_desa: int = 5, *, seed: int = 1, prefix: str = "uuid"
) -> bytes:
    """A KoboToolbox CSV export ("both" layout, ``/`` groups) of synthetic answers."""
    rows = answer_rows(desa_codes, per_desa, seed)
    return to_csv(kobo_table(rows, uuid=prefix + "-{:05d}"))


def desa_of(kabkota: str, count: int) -> list[str]:
    return list(
        Region.objects.filter(kabkota_code=kabkota, level=Level.DESA)
        .order_by("code")
        .values_list("code", flat=True)[:count]
    )


def household_in(kabkota: str) -> Household:
    survey = ehra_round(kabkota)
    desa = Region.objects.filter(kabkota_code=kabkota, level=Level.DESA).order_by("code").first()
    household, _ = Household.objects.get_or_create(
        survey=survey,
        submission_id="matrix-1",
        defaults={"desa": desa, "answers": {"D_1": 1}, "state": ReviewState.RECEIVED},
    )
    return household


def area_in(kabkota: str) -> AreaRisk:
    survey = ehra_round(kabkota)
    desa = Region.objects.filter(kabkota_code=kabkota, level=Level.DESA).order_by("code").first()
    area, _ = AreaRisk.objects.get_or_create(
        survey=survey, desa=desa, component="air_limbah", defaults={"risk_class": 2}
    )
    return area


def import_run_in(kabkota: str) -> object:
    from ppsp.ehra.models import ImportRun

    run, _ = ImportRun.objects.get_or_create(
        survey=ehra_round(kabkota), filename="uji.csv", defaults={"content": b""}
    )
    return run
