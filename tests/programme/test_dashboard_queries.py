"""Issue 21 item 11: the national and kab/kota programme pages run a fixed, small number of
queries once their summary/body is cached (session, user, roles, plus the kab/kota row and
its data stamp), however many kab/kota take part. Speed is measured by
bench/programme_load.py, never asserted here."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client

from tests.conftest import Cast
from tests.programme.test_dashboard import build_history, kabkota_codes

pytestmark = pytest.mark.django_db

# session, user, role assignments
PER_REQUEST = 3
# the kab/kota page adds one: the region with its latest audit row (its data stamp)
PAGES = {"/program/nasional/": PER_REQUEST, "/program/15.07/": PER_REQUEST + 1}


@pytest.mark.parametrize("url", sorted(PAGES))
def test_it_serves_a_warm_dashboard_page_in_a_fixed_number_of_queries(
    cast: Cast, url: str, django_assert_num_queries: object
) -> None:
    caches["local"].clear()
    build_history(kabkota_codes())
    client = Client()
    client.force_login(cast.pmu)
    assert client.get(url).status_code == 200  # fills the per-process cache
    with django_assert_num_queries(PAGES[url]):  # type: ignore[operator]
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", sorted(PAGES))
def test_it_does_not_grow_the_queries_with_the_number_of_participants(
    cast: Cast, url: str, django_assert_max_num_queries: object
) -> None:
    caches["local"].clear()
    codes = kabkota_codes()
    build_history(codes[:2])
    client = Client()
    client.force_login(cast.pmu)
    client.get(url)
    build_history(codes[2:])  # more participants: the stamp moves, the page is rebuilt
    client.get(url)
    with django_assert_max_num_queries(PAGES[url]):  # type: ignore[operator]
        client.get(url)
