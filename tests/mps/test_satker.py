"""Satker K/L as a commitment party: the scoped view of externalised APBN rows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppsp.mps.services import funding as services_funding
from tests.conftest import OTHER_PROVINCE_DESA, Cast
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = pytest.mark.django_db


def _page(user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client.get(reverse("mps:satker")).content.decode()


def test_it_lists_externalised_apbn_rows_with_satker_commitments_in_scope(cast: Cast) -> None:
    plan = plan_in("15.07")
    other = plan_in(OTHER_PROVINCE_DESA[:5])
    tps = plan.rows.get(kegiatan="TPS3R Zona 2", source="apbn")
    services_funding.commitment_record(
        row=tps, party="satker_kl", year=FIRST_YEAR + 1, amount=250_000_000, by=cast.pmu
    )
    assert f'data-testid="satker-row-{tps.pk}"' not in _page(cast.pmu)  # not yet externalised
    for p in (plan, other):
        p.externalised_at = timezone.now()
        p.save()
    other_tps = other.rows.get(source="apbn")
    pmu = _page(cast.pmu)
    assert f'data-testid="satker-row-{tps.pk}"' in pmu and "250.000.000" in pmu.replace(",", ".")
    assert f'data-testid="satker-row-{other_tps.pk}"' in pmu
    province = _page(cast.pokja_provinsi)
    assert f'data-testid="satker-row-{tps.pk}"' in province
    assert f'data-testid="satker-row-{other_tps.pk}"' not in province
    assert "satker-row-" not in _page(cast.public)
