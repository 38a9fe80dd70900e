"""The Proses 4 demo loader for 15.07."""

from __future__ import annotations

import io

import pytest

from ppsp.demo.mps import load_mps_demo
from ppsp.mps.models import FundingCommitment, Plan
from ppsp.mps.selectors import budget_check, tabel51_mismatches

pytestmark = pytest.mark.django_db


def test_it_loads_the_mps_demo_idempotently(regions: None) -> None:
    out = io.StringIO()
    load_mps_demo(out)
    load_mps_demo(out)
    assert "Lampiran 4 demo: 6 baris, 2 komitmen." in out.getvalue()
    assert "sudah ada" in out.getvalue()
    plan = Plan.objects.get(region__code="15.07")
    rows = list(plan.rows.all())
    assert tabel51_mismatches(plan, rows) == []
    check = budget_check(plan, rows)
    assert check is not None and check.over_budget > 0 and check.to_waiting_list
    assert FundingCommitment.objects.filter(row__plan=plan, status="disepakati").count() == 1
