"""MPS readiness criteria (DED, lahan, kelembagaan) per row, and the SSK ↔ MPS trace."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from ppsp.audit.models import AuditEvent
from tests.conftest import Cast
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_edits_readiness_per_row_with_an_audit(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="TPS3R Zona 2")
    client = _client(cast.pokja_kabkota)
    url = reverse("mps:row_edit", kwargs={"pk": row.pk})
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "strategi"}
    data.update(ready_ded="on", ready_kelembagaan="on")
    assert client.post(url, data).status_code == 302
    row.refresh_from_db()
    assert (row.ready_ded, row.ready_lahan, row.ready_kelembagaan) == (True, False, True)
    event = AuditEvent.objects.get(object_type="mps.programmerow", object_id=str(row.pk))
    assert {c["field"] for c in event.changes} == {"ready_ded", "ready_kelembagaan"}


def test_it_links_ssk_rows_to_their_mps_years_and_back(cast: Cast) -> None:
    plan = plan_in("15.07")
    tps = plan.rows.get(kegiatan="TPS3R Zona 2")  # amounts in years 2 and 3
    tps.ready_lahan = True
    tps.save()
    client = _client(cast.kepala_daerah)
    page = client.get(reverse("mps:kabkota", kwargs={"code": "15.07"})).content.decode()
    for year in (FIRST_YEAR + 1, FIRST_YEAR + 2):
        table_url = reverse("mps:table", kwargs={"pk": plan.pk, "year": year})
        assert f'href="{table_url}#mps-baris-{tps.pk}"' in page
    assert (
        f"{reverse('mps:table', kwargs={'pk': plan.pk, 'year': FIRST_YEAR})}#mps-baris-{tps.pk}"
        not in page
    )
    table = client.get(reverse("mps:table", kwargs={"pk": plan.pk, "year": FIRST_YEAR + 1}))
    html = table.content.decode()
    assert f'id="mps-baris-{tps.pk}"' in html
    assert f"/mps/15.07/#baris-{tps.pk}" in html
    assert "<th>DED</th>" in html and "Kelembagaan" in html


def test_it_shows_no_mps_year_for_a_daftar_tunggu_row(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(kegiatan="DED drainase kota")
    row.status = "daftar_tunggu"
    row.save()
    page = _client(cast.pf).get(reverse("mps:kabkota", kwargs={"code": "15.07"}))
    html = page.content.decode()
    start = html.index(f'data-testid="mps-links-{row.pk}"')
    assert "mps-baris" not in html[start : html.index("</td>", start)]
