"""The monev demo loader for 15.07."""

from __future__ import annotations

import io

import pytest

from ppsp.demo.monev import load_monev_demo
from ppsp.monev.models import Aggregate, KabkotaScore, Report, ReportStatus
from tests.monev.support import plan_with_sasaran

pytestmark = pytest.mark.django_db


def test_it_loads_the_monev_demo_idempotently(regions: None) -> None:
    out = io.StringIO()
    plan_with_sasaran("15.07")  # the Lampiran 4 of 15.07 with one sasaran indicator
    load_monev_demo(out)
    load_monev_demo(out)
    assert "sudah ada" in out.getvalue()
    statuses = dict(Report.objects.values_list("year", "status"))
    first = min(statuses)
    assert statuses == {first: ReportStatus.APPROVED, first + 1: ReportStatus.DRAFT}
    assert KabkotaScore.objects.get(year=first).score > 0
    assert Aggregate.objects.get(area_code="", year=first).data["approved"] == 1
