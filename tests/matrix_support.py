"""Shared pieces of the permission matrix: roles, targets, scopes and expectation builders.

Each app keeps its URL expectations in its own `tests/matrix_<app>.py` module exposing
`EXPECTATIONS: dict[str, tuple[Kwargs, Expect]]`; `tests/test_permission_matrix.py` collects
every such module, so adding an app never means editing a shared file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tests.conftest import OTHER_KABKOTA_DESA, OTHER_PROVINCE_DESA, OWN_DESA, Cast

ROLES = ("anon", "pmu", "pokja_provinsi", "pf", "cf", "pokja_kabkota", "kepala_daerah", "public")
SIGNED_IN = ROLES[1:]
TARGETS = {
    "own": OWN_DESA,
    "other_kabkota": OTHER_KABKOTA_DESA,
    "other_province": OTHER_PROVINCE_DESA,
}

# Which roles see (or may change) a region of each target.
SEES = {
    "own": {"pmu", "pokja_provinsi", "pf", "cf", "pokja_kabkota", "kepala_daerah"},
    "other_kabkota": {"pmu", "pokja_provinsi", "pf"},
    "other_province": {"pmu"},
}
EDITS = {"own": {"pmu", "pokja_kabkota"}, "other_kabkota": {"pmu"}, "other_province": {"pmu"}}
SEES_PROVINCE = {  # province dashboards: national and province roles, not kab/kota roles
    "own": {"pmu", "pokja_provinsi", "pf"},
    "other_kabkota": {"pmu", "pokja_provinsi", "pf"},
    "other_province": {"pmu"},
}


def everyone(status: int, anon: int | None = None) -> Callable[[str, str], int]:
    return lambda role, target: anon if anon is not None and role == "anon" else status


def scoped(allowed: dict[str, set[str]], ok: int = 200) -> Callable[[str, str], int]:
    def expect(role: str, target: str) -> int:
        if role == "anon":
            return 302
        return ok if role in allowed[target] else 404

    return expect


def logged_in_only(status: int = 200) -> Callable[[str, str], int]:
    return everyone(status, anon=302)


# url name -> (how to build kwargs for a target, expected status for (role, target))
Kwargs = Callable[[str], dict[str, object]]
no_kwargs: Kwargs = lambda code: {}  # noqa: E731
by_code: Kwargs = lambda code: {"code": code}  # noqa: E731


by_kabkota: Kwargs = lambda code: {"code": code[:5]}  # noqa: E731
by_province: Kwargs = lambda code: {"code": code[:2]}  # noqa: E731
post_only = everyone(405, anon=302)  # login first, then POST only

Expect = Callable[[str, str], int]
national_only: Expect = lambda role, target: (  # noqa: E731
    302 if role == "anon" else 200 if role == "pmu" else 404
)


def client_for(cast: Cast, role: str) -> Client:
    client = Client()
    if role != "anon":
        client.force_login(getattr(cast, role))
    return client
