"""REST API permission matrix with token authentication, list scoping and query counts.

Every API endpoint × every role of the cast × the three targets (own kab/kota 15.07, other
kab/kota 15.71, other province 75.01), with a DRF token instead of a session; list
endpoints must not leak rows outside the caller's scope.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from ppsp.audit.models import AuditEvent
from ppsp.documents.models import Status
from tests.api.matrix import DETAILS, EXPECTATIONS, LISTS, _open_round, approved_version
from tests.conftest import OWN_DESA, Cast
from tests.matrix_support import ROLES, SEES, TARGETS, no_kwargs


def token_client(cast: Cast, role: str) -> Client:
    if role == "anon":
        return Client()
    token, _ = Token.objects.get_or_create(user=getattr(cast, role))
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def populate() -> None:
    """One object of every kind in each target's kab/kota."""
    for code in TARGETS.values():
        for make in DETAILS.values():
            make(code)
        approved_version(code)


API_NAMES = [name for name in EXPECTATIONS if name != "api:token"]


@pytest.mark.parametrize("role", ROLES)
def test_it_answers_each_role_with_a_token_as_expected(cast: Cast, role: str) -> None:
    client = token_client(cast, role)
    failures = []
    for name in API_NAMES:
        make_kwargs, expect = EXPECTATIONS[name]
        targets = TARGETS if make_kwargs is not no_kwargs else {"own": OWN_DESA}
        for target, code in targets.items():
            url = reverse(name, kwargs=make_kwargs(code))
            status = client.get(url).status_code
            if status != expect(role, target):
                failures.append(f"{role} {url} ({target}): {status} != {expect(role, target)}")
    assert not failures, failures


def _kabkota_of(row: dict[str, Any]) -> str:
    return str(row.get("kabkota") or row.get("kabkota_code") or "")


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anon"])
def test_it_lists_only_rows_inside_the_scope(cast: Cast, role: str) -> None:
    populate()
    client = token_client(cast, role)
    for name in LISTS:
        url = reverse(name)
        for target, code in TARGETS.items():
            body = client.get(url, {"kabkota": code[:5], "page_size": 200}).json()
            expected_visible = role in SEES[target]
            assert (body["count"] > 0) == expected_visible, f"{role} {name} {target}"
            assert all(_kabkota_of(row) == code[:5] for row in body["results"])
        if name == "api:region-list":
            continue
        body = client.get(url, {"page_size": 200}).json()
        seen = {_kabkota_of(row) for row in body["results"]}
        allowed = {code[:5] for target, code in TARGETS.items() if role in SEES[target]}
        assert seen <= allowed, f"{role} {name} leaks {sorted(seen - allowed)}"


def test_it_hides_ehra_results_from_a_pokja_rater_before_the_persepsi(cast: Cast) -> None:
    populate()
    survey: Any = _open_round("15.07")
    survey.opd_open = True
    survey.save(update_fields=["opd_open"])
    for name in ("api:ehra-result-list", "api:area-risk-list"):
        url = reverse(name)
        pokja = token_client(cast, "pokja_kabkota").get(url, {"kabkota": "15.07"}).json()
        cf = token_client(cast, "cf").get(url, {"kabkota": "15.07"}).json()
        assert pokja["count"] == 0
        assert cf["count"] > 0


def test_it_publishes_only_approved_documents_to_anyone(cast: Cast) -> None:
    populate()
    body = Client().get(reverse("api:public-document-list"), {"page_size": 200}).json()
    assert body["count"] == 3
    assert {row["status"] for row in body["results"]} == {Status.APPROVED}
    assert {row["kabkota"] for row in body["results"]} == {"15.07", "15.71", "75.01"}


def test_it_filters_and_paginates(cast: Cast) -> None:
    populate()
    client = token_client(cast, "pmu")
    rows = client.get(reverse("api:programme-row-list"), {"page_size": 2}).json()
    assert len(rows["results"]) == 2 and rows["next"]
    capped = client.get(reverse("api:region-list"), {"page_size": 100000}).json()
    assert len(capped["results"]) == 200
    desa = client.get(reverse("api:region-list"), {"kabkota": "15.07", "level": 4}).json()
    assert desa["count"] > 0 and all(r["level"] == 4 for r in desa["results"])
    bad = client.get(reverse("api:document-list"), {"year": "abc"})
    assert bad.status_code == 400
    docs = client.get(reverse("api:document-list"), {"year": 2018}).json()
    assert {row["period_start"] for row in docs["results"]} == {2016}


def test_it_creates_and_revokes_a_token_on_the_token_page(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    url = reverse("api:token")
    assert client.post(url, {"action": "create"}).status_code == 302
    key = Token.objects.get(user=cast.cf).key
    assert key in client.get(url).content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get(reverse("api:region-list")).status_code == 200
    client.post(url, {"action": "revoke"})
    assert not Token.objects.filter(user=cast.cf).exists()
    assert api.get(reverse("api:region-list")).status_code == 401
    reasons = set(AuditEvent.objects.filter(actor=cast.cf).values_list("reason", flat=True))
    assert {"token API dibuat", "token API dicabut"} <= reasons


@pytest.mark.parametrize("name", LISTS)
def test_it_lists_without_n_plus_one_queries(
    cast: Cast, name: str, django_assert_max_num_queries: Any
) -> None:
    populate()
    client = token_client(cast, "pokja_provinsi")
    with django_assert_max_num_queries(8):
        body = client.get(reverse(name), {"page_size": 200}).json()
    assert body["count"] >= 2
