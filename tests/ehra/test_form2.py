"""Form 2 (secondary data) feeds area berisiko and a Form 2 change recomputes it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.ehra import services
from ppsp.ehra.models import AreaRisk, Household, ImportRun
from ppsp.ehra.services import import_run
from ppsp.ehra.services import results as services_results
from ppsp.profiles.services import profile_save
from ppsp.regions.models import Level, Population, Region
from tests.conftest import Cast
from tests.ehra.support import desa_of, ehra_round, export_csv

pytestmark = pytest.mark.django_db


def _computed_round(cast: Cast, codes: list[str]) -> Any:
    desa = Region.objects.filter(kabkota_code="15.07", level=Level.DESA)
    Population.objects.bulk_create(
        Population(region=d, year=2025, penduduk=1000 + 37 * i, kk=200) for i, d in enumerate(desa)
    )
    survey = ehra_round("15.07")
    run = ImportRun.objects.create(survey=survey, filename="e.csv", content=export_csv(codes))
    import_run(run.pk)
    ids = list(Household.objects.filter(survey=survey).values_list("pk", flat=True))
    services.households_bulk_review(survey=survey, ids=ids, action="setujui", by=cast.cf)
    services_results.round_compute(survey=survey, by=cast.pokja_kabkota)
    return survey


def test_it_scores_secondary_exposure_from_form2_and_recomputes_on_change(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    codes = desa_of("15.07", 4)
    survey = _computed_round(cast, codes)
    first = AreaRisk.objects.get(survey=survey, desa__code=codes[0], component="air_limbah")
    assert first.s_sek is None  # no Form 2 yet: EXPOSURE from IRS (and OPD) only

    with django_capture_on_commit_callbacks(execute=True):
        for code, jamban in zip(codes, (200, 150, 100, 20), strict=True):
            profile_save(
                desa=Region.objects.get(code=code),
                year=2025,
                values={"jamban_pribadi": jamban, "luas_genangan": 200 / jamban},
                by=cast.pokja_kabkota,
            )

    areas = {
        (a.desa.code, a.component): a
        for a in AreaRisk.objects.filter(survey=survey).select_related("desa")
    }
    # 100 % of KK with jamban pribadi -> score 1; 10 % -> 4 (good-when-high, ehra-risk.md §5.3)
    assert [areas[c, "air_limbah"].s_sek for c in codes] == [1.0, 2.0, 3.0, 4.0]
    assert [areas[c, "drainase"].s_sek for c in codes] == [1.0, 1.0, 1.0, 4.0]
    assert areas[codes[0], "persampahan"].s_sek is None
    low = areas[codes[0], "air_limbah"]
    assert low.exposure == pytest.approx((1.0 + low.s_irs) / 2)

    client = Client()
    client.force_login(cast.cf)  # not a rater: sees results without a persepsi OPD
    page = client.get(reverse("ehra:area", kwargs={"pk": survey.pk})).content.decode()
    assert "Skor data sekunder" in page
