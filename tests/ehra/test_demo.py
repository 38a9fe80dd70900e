"""The EHRA demo loader: a computed 2026 round for 15.07, idempotent."""

from __future__ import annotations

import io

from ppsp.demo.ehra import load_ehra_demo
from ppsp.ehra.models import AreaRisk, DesaResult, SurveyRound
from tests.conftest import Cast


def test_it_loads_a_computed_round_once(cast: Cast) -> None:
    out = io.StringIO()
    load_ehra_demo(out)
    load_ehra_demo(out)
    survey = SurveyRound.objects.get(region__code="15.07", year=2026)
    assert survey.households.count() == 36 * 40
    assert DesaResult.objects.filter(survey=survey).count() == 36
    assert survey.opd_ratings.filter(rater=cast.pokja_kabkota).count() == 36 * 3
    assert AreaRisk.objects.filter(survey=survey).exists()
    assert "IRS untuk 36 desa" in out.getvalue() and "sudah ada" in out.getvalue()
