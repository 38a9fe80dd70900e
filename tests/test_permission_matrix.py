"""Every URL pattern × every role, with the expected status (DESIGN.md §3 access).

Core, regions, audit and accounts expectations are below; every app keeps its own in
`tests/matrix_<app>.py` (built with `tests/matrix_support.py`), merged here by
`_collect_app_expectations`. `test_it_has_an_expectation_for_every_url` fails when a new view
is added without a row. Region-bound URLs are tried on three targets: a desa in the user's
own kab/kota (15.07), one in another kab/kota of the same province (15.71) and one in
another province (11.01); out-of-scope answers 404, never 403, so existence is not revealed.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ppsp.regions.models import Region
from tests.conftest import OWN_DESA, Cast
from tests.matrix_support import (
    EDITS,
    ROLES,
    SEES,
    SIGNED_IN,
    TARGETS,
    Expect,
    Kwargs,
    by_code,
    everyone,
    logged_in_only,
    no_kwargs,
    scoped,
)
from tests.scenarios.matrix import planning_scenario


@pytest.fixture
def cast(db: None, module_cast: Cast) -> Cast:
    """The cast is built once for the module's ~5,000 requests (`module_cast`)."""
    return module_cast


def region_object(code: str) -> dict[str, object]:
    return {"object_type": "regions.region", "object_id": Region.objects.get(code=code).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "core:home": (no_kwargs, logged_in_only()),
    "core:health": (no_kwargs, everyone(200)),
    "accounts:login": (no_kwargs, lambda role, target: 200 if role == "anon" else 302),
    "accounts:logout": (no_kwargs, everyone(405)),  # GET is refused; logout is POST only
    "accounts:password_change": (no_kwargs, logged_in_only()),
    "accounts:profile": (no_kwargs, logged_in_only()),
    "regions:index": (no_kwargs, logged_in_only()),
    "regions:search": (no_kwargs, logged_in_only()),
    "regions:detail": (by_code, scoped(SEES)),
    "regions:population_edit": (by_code, scoped(EDITS)),
    "regions:export_children": (by_code, scoped(SEES)),
    "audit:object": (region_object, scoped(SEES)),
    "set_language": (no_kwargs, everyone(302)),
}


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("role", SIGNED_IN)
def test_it_lets_only_the_own_pokja_and_the_pmu_change_planning(
    cast: Cast, role: str, target: str
) -> None:
    url = reverse("scenarios:line_add", kwargs=planning_scenario(TARGETS[target]))
    data = {
        "subsector": "air_limbah",
        "kegiatan_type": "konstruksi",
        "description": "Tangki septik",
        "people_served": "10",
        "risk_class": "2",
        "priority": "1",
        "funding_source": "apbd_kabkota",
        "a2027": "1000000",
    }
    response = _client(cast, role).post(url, data)
    assert response.status_code == (302 if role in EDITS[target] else 404)


# The Django admin is one rule: staff only (pmu in the cast), everyone else is sent to login.
ADMIN_PROBES = (
    "admin:index",
    "admin:regions_region_changelist",
    "admin:audit_auditevent_changelist",
)


def _walk(patterns: list[URLPattern | URLResolver], namespace: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def all_url_names() -> set[str]:
    return set(_walk(get_resolver().url_patterns))


def test_it_has_an_expectation_for_every_url() -> None:
    names = {n for n in all_url_names() if not n.startswith("admin:")}
    missing = sorted(names - set(EXPECTATIONS))
    assert not missing, f"URL patterns without a permission expectation: {missing}"
    stale = sorted(set(EXPECTATIONS) - names)
    assert not stale, f"expectations for URLs that no longer exist: {stale}"


def test_it_leaves_no_unnamed_url_pattern() -> None:
    def unnamed(patterns: list[URLPattern | URLResolver]) -> Iterator[str]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace != "admin":
                    yield from unnamed(entry.url_patterns)
            elif not entry.name:
                yield str(entry.pattern)

    assert not list(unnamed(get_resolver().url_patterns))


def _client(cast: Cast, role: str) -> Client:
    client = Client()
    if role != "anon":
        client.force_login(getattr(cast, role))
    return client


def _collect_app_expectations() -> None:
    """Merge every tests/<app>/matrix.py module's EXPECTATIONS (one file per app)."""
    for path in sorted(Path(__file__).resolve().parent.glob("*/matrix.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.matrix")
        clash = set(EXPECTATIONS) & set(module.EXPECTATIONS)
        assert not clash, f"{path.name} repeats expectations: {sorted(clash)}"
        EXPECTATIONS.update(module.EXPECTATIONS)


_collect_app_expectations()

CASES = [
    (name, role, target)
    for name, (kwargs, _) in EXPECTATIONS.items()
    for role in ROLES
    for target in (TARGETS if kwargs is not no_kwargs else {"own": OWN_DESA})
]


@pytest.mark.parametrize(("name", "role", "target"), CASES)
def test_it_answers_each_role_as_expected(cast: Cast, name: str, role: str, target: str) -> None:
    make_kwargs, expect = EXPECTATIONS[name]
    url = reverse(name, kwargs=make_kwargs(TARGETS[target]))
    response = _client(cast, role).get(url)
    assert response.status_code == expect(role, target), f"{role} GET {url} ({target})"


@pytest.mark.parametrize("name", ADMIN_PROBES)
@pytest.mark.parametrize("role", ROLES)
def test_it_keeps_the_admin_for_staff(cast: Cast, name: str, role: str) -> None:
    response = _client(cast, role).get(reverse(name))
    assert response.status_code == (200 if role == "pmu" else 302)


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("role", SIGNED_IN)
def test_it_refuses_writes_outside_scope(cast: Cast, role: str, target: str) -> None:
    url = reverse("regions:population_edit", kwargs={"code": TARGETS[target]})
    data = {"year": 2024, "penduduk": 1000, "kk": 250, "source": "uji"}
    response = _client(cast, role).post(url, data)
    assert response.status_code == (302 if role in EDITS[target] else 404)


def test_it_treats_an_expired_assignment_as_no_scope(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.expired_pokja)
    assert client.get(reverse("regions:detail", kwargs={"code": OWN_DESA})).status_code == 404


def test_it_answers_404_for_unknown_objects(cast: Cast) -> None:
    client = _client(cast, "pmu")
    assert client.get(reverse("regions:detail", kwargs={"code": "99.99"})).status_code == 404
    url = reverse("audit:object", kwargs={"object_type": "accounts.user", "object_id": 1})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_it_hides_unpublished_consultations(cast: Cast, role: str) -> None:
    from tests.consultation.support import consultation_in

    draft = consultation_in("15.07", publish=False)
    for name in ("consultation:public", "consultation:public_matrix"):
        response = _client(cast, role).get(reverse(name, kwargs={"pk": draft.pk}))
        assert response.status_code == 404, f"{role} {name}"
