"""Issue 17 in the browser: the round page offers the form's CSV attachments and a pull
from KoboToolbox/ODK Central, the status line has its counts, a household reads as labels."""

from __future__ import annotations

from typing import Any

import pytest

from ppsp.ehra.models import Household
from ppsp.regions.models import Region
from tests.conftest import OWN_DESA, PASSWORD, Cast
from tests.ehra.support import ehra_round
from tests.functional.conftest import log_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]


def test_it_shows_the_pull_form_counts_and_labelled_answers(
    live_server: Any, cast: Cast, page: Any, screenshot: Any
) -> None:
    survey = ehra_round("15.07")
    household = Household.objects.create(
        survey=survey,
        submission_id="95a0c1d2",
        desa=Region.objects.get(code=OWN_DESA),
        answers={"D_1": 1, "D_2": ["B", "C"], "A_7": 5.0, "A_1": "2027-03-13", "C_1": 2.5},
    )
    base = live_server.url
    log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
    page.goto(f"{base}/ehra/putaran/{survey.pk}/")
    assert page.locator("[data-testid=count-ditolak]").inner_text().endswith(": 0")
    assert page.locator("[data-testid=pull-form] input[type=password]").count() == 1
    assert page.locator("[data-testid=desa-csv]").inner_text() == "desa.csv"
    screenshot("ehra-round-pull-form")
    page.goto(f"{base}/ehra/rumah-tangga/{household.pk}/")
    text = page.locator("main").inner_text()
    assert "Jamban pribadi" in text and "Perempuan dewasa; Remaja laki-laki" in text
    assert "['B', 'C']" not in text and "5,0" not in text
    screenshot("ehra-household-labels")
