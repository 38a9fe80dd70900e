"""Demo programme figures: synthetic but reproducing the programme-text numbers."""

from __future__ import annotations

import io
from collections import Counter

from ppsp.demo.programme import COHORT_SIZES, _history, load_programme_demo, synthetic_cohorts
from ppsp.programme import stats
from ppsp.programme.models import FacilitatorAssignment, Participation, PokjaSk
from ppsp.programme.selectors import pokja_opd_check, workload_for
from tests.conftest import Cast

OTHER_CODES = [
    code
    for code in (f"{p:02d}.{k:02d}" for p in range(11, 50) for k in range(1, 15))
    if code != "15.07"
]
FAKE_CODES = [*OTHER_CODES[:513], "15.07"]


def test_it_draws_exactly_the_cohort_sizes_for_514_kabkota() -> None:
    cohorts = synthetic_cohorts(FAKE_CODES)
    counts = Counter(cohorts.values())
    assert {year: counts[year] for year in COHORT_SIZES} == COHORT_SIZES
    assert counts[None] == 514 - 498
    assert cohorts["15.07"] == 2013
    assert synthetic_cohorts(FAKE_CODES) == cohorts  # fixed seed


def test_it_reproduces_the_programme_text_figures_by_construction() -> None:
    through_2013 = sum(n for year, n in COHORT_SIZES.items() if year <= 2013)
    assert (through_2013, COHORT_SIZES[2014]) == (223, 98)
    # every kab/kota takes up its MPS (stage 4) the year after its cohort year
    for draw in (0.0, 0.05, 0.5):
        assert next(s for s in _history(2013, draw) if s[0] == 4)[2].year == 2014


def test_it_loads_the_demo_picture_idempotently(cast: Cast) -> None:
    out = io.StringIO()
    load_programme_demo(out)
    load_programme_demo(out)
    tanjabtim = Participation.objects.get(region__code="15.07")
    assert tanjabtim.cohort_year == 2013 and tanjabtim.phase.name == "PPSP 1"
    assert stats.kabkota_starting_stage_in(4, 2014) == stats.participants_by_cohort_year()[2013]
    sks = list(PokjaSk.objects.filter(region__code="15.07").order_by("-date"))
    assert len(sks) == 2 and pokja_opd_check(sks[0]).ok
    assert FacilitatorAssignment.objects.filter(user=cast.cf, kind="cf").count() == 3
    assert workload_for(cast.pf).kabkota_codes[0].startswith("15.")
    assert "15.07" in workload_for(cast.cf).kabkota_codes
