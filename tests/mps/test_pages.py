"""Index, QA checklist links and traceability between Lampiran 4 and MPS rows."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import Cast
from tests.mps.support import FIRST_YEAR, plan_in

pytestmark = pytest.mark.django_db


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_it_lists_plans_in_scope_only(cast: Cast) -> None:
    plan_in("15.07")
    plan_in("75.01")
    pf = _client(cast.pf).get(reverse("mps:index")).content.decode()
    assert "/mps/15.07/" in pf and "/mps/75.01/" not in pf
    pokja = _client(cast.pokja_kabkota).get(reverse("mps:index")).content.decode()
    assert pokja.count("/mps/15.07/") == 2  # the plan row and the kab/kota shortcut
    assert (
        "/mps/"
        not in _client(cast.public).get(reverse("mps:index")).content.decode().split("<main", 1)[-1]
    )


def test_it_links_each_missing_qa_item_to_what_is_missing(cast: Cast) -> None:
    plan = plan_in("15.07")
    page = _client(cast.cf).get(reverse("mps:kabkota", kwargs={"code": "15.07"}))
    text = page.content.decode()
    assert f'href="{reverse("mps:kkl", kwargs={"pk": plan.pk})}"' in text
    assert 'href="/mps/15.07/#budget"' in text
    assert [c for c, _l, _link in page.context["qa"].missing] == [
        "bab1",
        "bab2",
        "kkl",
        "program_review",
        "apbd_komitmen",
    ]


def test_it_traces_an_mps_line_back_to_its_lampiran4_row(cast: Cast) -> None:
    plan = plan_in("15.07")
    row = plan.rows.get(subsector="persampahan")
    table = _client(cast.kepala_daerah).get(
        reverse("mps:table", kwargs={"pk": plan.pk, "year": FIRST_YEAR + 1})
    )
    assert f"/mps/15.07/#baris-{row.pk}" in table.content.decode()
    page = _client(cast.kepala_daerah).get(reverse("mps:kabkota", kwargs={"code": "15.07"}))
    assert f'id="baris-{row.pk}"' in page.content.decode()
    assert (
        _client(cast.kepala_daerah)
        .get(reverse("mps:table", kwargs={"pk": plan.pk, "year": FIRST_YEAR + 9}))
        .status_code
        == 404
    )
