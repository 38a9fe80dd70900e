"""Demo EHRA round 2026 for Kabupaten Tanjung Jabung Timur (15.07). SYNTHETIC.

Households come from ``compute.ehra_synthetic`` (seeded random answers honouring the skip
logic), 40 per desa in the first 36 desa, all approved; the demo Pokja members of 15.07
(when present) send persepsi OPD scores drawn at random; IRS, ladder and area berisiko are
then computed and stored. Not real survey data. Idempotent: an existing round is left alone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from django.db import transaction

from ppsp.accounts.models import Role, RoleAssignment
from ppsp.compute.area_risk import SSK_COMPONENTS
from ppsp.compute.ehra_synthetic import synthetic_households
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.demo.data import DEMO_KABKOTA
from ppsp.ehra.arrays import answers_from_row, rows_from_households
from ppsp.ehra.models import Household, OpdRating, OpdSubmission, ReviewState, SurveyRound
from ppsp.ehra.services.results import round_compute
from ppsp.regions.models import Level, Region

YEAR = 2026
DESA = 36
PER_DESA = 40
SEED = 2026


@transaction.atomic
def load_ehra_demo(stdout: Any) -> None:
    region = Region.objects.get(code=DEMO_KABKOTA)
    if SurveyRound.objects.filter(region=region, year=YEAR).exists():
        stdout.write(f"EHRA demo {DEMO_KABKOTA} {YEAR}: sudah ada.")
        return
    survey = SurveyRound.objects.create(region=region, year=YEAR)
    desa = list(
        Region.objects.filter(kabkota_code=DEMO_KABKOTA, level=Level.DESA).order_by("code")[:DESA]
    )
    data = synthetic_households(EHRA_2021, len(desa), PER_DESA, seed=SEED)
    rows = rows_from_households(EHRA_2021, data)
    Household.objects.bulk_create(
        Household(
            survey=survey,
            submission_id=f"demo-{i:05d}",
            desa=desa[int(data.desa[i])],
            rt=str(1 + i % 8),
            answers={"ID_4": desa[int(data.desa[i])].code, **answers_from_row(EHRA_2021, row)},
            state=ReviewState.APPROVED,
        )
        for i, row in enumerate(rows)
    )
    raters = [
        a.user
        for a in RoleAssignment.objects.filter(
            role=Role.POKJA_KABKOTA, region=region
        ).select_related("user")
    ]
    rng = np.random.default_rng(SEED)
    for rater in raters:
        OpdRating.objects.bulk_create(
            OpdRating(survey=survey, desa=d, component=c, rater=rater, score=int(s))
            for d in desa
            for c, s in zip(SSK_COMPONENTS, rng.integers(1, 5, len(SSK_COMPONENTS)), strict=True)
        )
        OpdSubmission.objects.create(survey=survey, rater=rater, opd="contoh")
    with_irs = round_compute(survey=survey, by=None)
    stdout.write(
        f"EHRA demo {DEMO_KABKOTA} {YEAR}: {len(rows)} rumah tangga sintetis, "
        f"{len(raters)} penilai OPD, IRS untuk {with_irs} desa."
    )
