"""Helpers for EHRA tests: a round per kab/kota, synthetic exports, approved records."""

from __future__ import annotations

import csv
import io

from ppsp.compute.ehra_synthetic import synthetic_households
from ppsp.compute.questionnaire import question_name
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.ehra.arrays import rows_from_households
from ppsp.ehra.models import AreaRisk, Household, ReviewState, SurveyRound
from ppsp.regions.models import Level, Region


def ehra_round(kabkota: str, year: int = 2026) -> SurveyRound:
    survey, _ = SurveyRound.objects.get_or_create(
        region=Region.objects.get(code=kabkota), year=year
    )
    return survey


def export_csv(
    desa_codes: list[str], per_desa: int = 5, *, seed: int = 1, prefix: str = "uuid"
) -> bytes:
    """A Kobo-style CSV (group prefixes, _uuid) with synthetic answers for these desa."""
    data = synthetic_households(EHRA_2021, len(desa_codes), per_desa, seed=seed)
    rows = rows_from_households(EHRA_2021, data)
    names = [question_name(q.code) for q in EHRA_2021.questions()]
    section = {question_name(q.code): s.code for s in EHRA_2021.sections for q in s.questions}
    header = [f"sec_{section[n]}/{n}" for n in names] + ["_uuid"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for i, row in enumerate(rows):
        desa = desa_codes[int(data.desa[i])]
        row["ID_4"] = desa
        row["ID_2"] = desa[:5]
        row["ID_5"] = str(1 + i % 8)
        writer.writerow([row.get(n, "") for n in names] + [f"{prefix}-{i:05d}"])
    return buffer.getvalue().encode()


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
