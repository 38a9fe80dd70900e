"""Every documented filter of every `/api/v1/` list works (issue 19, API).

The filters are read from the OpenAPI document itself, so a filter added to the schema
without a check here fails `test_it_has_a_check_for_every_documented_filter`; each check
takes a value from an unfiltered row and asserts the filtered list is non-empty, holds only
matching rows and leaves out the rows that do not match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from ppsp.monev.services import realisation_save, report_submit
from ppsp.programme.models import StageRecord
from tests.api.test_permissions import populate
from tests.conftest import Cast
from tests.matrix_support import TARGETS
from tests.monev.support import full_values, plan_with_sasaran, report_in

Row = dict[str, Any]
LEVEL_NAMES = {1: "provinsi", 2: "kabkota", 3: "kecamatan", 4: "desa"}


def _within_plan(row: Row, year: int) -> bool:
    return int(row["plan_first_year"]) <= year < int(row["plan_first_year"]) + 5


def _within_period(row: Row, year: int) -> bool:
    return int(row["period_start"]) <= year <= int(row["period_end"])


def _same(field: str) -> tuple[Callable[[Row], Any], Callable[[Row, Any], bool]]:
    return (lambda row: row[field], lambda row, value: str(row[field]) == str(value))


KABKOTA = (
    lambda row: row.get("kabkota") or row.get("kabkota_code"),
    lambda row, value: (row.get("kabkota") or row.get("kabkota_code")) == value,
)
PROVINCE = (
    lambda row: (row.get("kabkota") or row.get("kabkota_code") or row["code"])[:2],
    lambda row, value: (row.get("kabkota") or row.get("kabkota_code") or row["code"])[:2] == value,
)
PERIOD_YEAR = (lambda row: row["period_start"], _within_period)
PLAN_YEAR = (lambda row: row["plan_first_year"] + 1, _within_plan)

# (list url name, query parameter) -> (value taken from a row, predicate a result row meets)
CHECKS: dict[tuple[str, str], tuple[Callable[[Row], Any], Callable[[Row, Any], bool]]] = {
    ("api:region-list", "level"): _same("level"),
    ("api:region-list", "tingkat"): (
        lambda row: LEVEL_NAMES[row["level"]],
        lambda row, value: LEVEL_NAMES[row["level"]] == value,
    ),
    ("api:region-list", "parent"): _same("parent"),
    ("api:participation-list", "year"): _same("cohort_year"),
    ("api:participation-list", "status"): _same("current_status"),
    ("api:stage-record-list", "stage"): _same("stage"),
    ("api:stage-record-list", "status"): _same("status"),
    ("api:stage-record-list", "year"): (
        lambda row: (row["start_date"] or "")[:4] or None,
        lambda row, value: (row["start_date"] or "")[:4] == str(value),
    ),
    ("api:document-list", "doc_type"): _same("doc_type"),
    ("api:document-list", "year"): PERIOD_YEAR,
    ("api:document-version-list", "doc_type"): _same("doc_type"),
    ("api:document-version-list", "status"): _same("status"),
    ("api:document-version-list", "year"): PERIOD_YEAR,
    ("api:ehra-result-list", "year"): _same("year"),
    ("api:area-risk-list", "year"): _same("year"),
    ("api:area-risk-list", "component"): _same("component"),
    ("api:area-risk-list", "risk_class"): _same("final_class"),
    ("api:sasaran-list", "subsector"): _same("subsector"),
    ("api:sasaran-list", "year"): PLAN_YEAR,
    ("api:programme-row-list", "subsector"): _same("subsector"),
    ("api:programme-row-list", "source"): _same("source"),
    ("api:programme-row-list", "year"): PLAN_YEAR,
    ("api:realisation-list", "year"): _same("year"),
    ("api:realisation-list", "status"): _same("report_status"),
    ("api:indicator-realisation-list", "year"): _same("year"),
    ("api:indicator-realisation-list", "status"): _same("report_status"),
    ("api:public-document-list", "doc_type"): _same("doc_type"),
    ("api:public-document-list", "year"): PERIOD_YEAR,
}
COMMON = {"kabkota": KABKOTA, "province": PROVINCE}


def documented_filters(client: Client) -> dict[str, list[str]]:
    """List url name -> its query parameters, as the OpenAPI document states them."""
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    lists = {
        reverse(name): name
        for name in {name for name, _ in CHECKS}
        | {"api:realisation-list", "api:indicator-realisation-list"}
    }
    found: dict[str, list[str]] = {}
    for path, operations in schema["paths"].items():
        if path in lists and "get" in operations:
            parameters = operations["get"].get("parameters", [])
            found[lists[path]] = [
                p["name"] for p in parameters if p["in"] == "query" and p["name"] not in {
                    "page", "page_size"
                }
            ]  # fmt: skip
    return found


def pmu_client(cast: Cast) -> Client:
    token, _ = Token.objects.get_or_create(user=cast.pmu)
    return Client(HTTP_AUTHORIZATION=f"Token {token.key}")


def test_it_has_a_check_for_every_documented_filter(cast: Cast) -> None:
    documented = documented_filters(Client())
    assert len(documented) == 12
    missing = [
        (name, param)
        for name, params in documented.items()
        for param in params
        if param not in COMMON and (name, param) not in CHECKS
    ]
    assert not missing, f"documented filters without a check: {missing}"


@pytest.fixture
def filled(cast: Cast) -> Client:
    populate()
    for target, code in TARGETS.items():
        rows, indicators = full_values(plan_with_sasaran(code[:5]))
        report = report_in(code)
        realisation_save(report=report, rows=rows, indicators=indicators, by=None)
        if target == "own":  # two report states, so the status filter has rows to leave out
            report_submit(report=report, by=None)
    StageRecord.objects.filter(participation__region__code="15.07").update(
        start_date=dt.date(2024, 3, 1)
    )
    return pmu_client(cast)


def _all_rows(client: Client, name: str, extra: dict[str, str]) -> list[Row]:
    body = client.get(reverse(name), {"page_size": 200, **extra}).json()
    return list(body["results"])


@pytest.mark.parametrize("name,param", sorted(CHECKS))
def test_it_applies_each_documented_filter(filled: Client, name: str, param: str) -> None:
    value_of, matches = CHECKS[(name, param)]
    # regions are many: the unfiltered list is one kab/kota's (105 rows, one page)
    base = {"kabkota": "15.07"} if name == "api:region-list" else {}
    rows = _all_rows(filled, name, base)
    assert rows, f"{name}: no rows to filter"
    value = next(v for row in reversed(rows) if (v := value_of(row)) is not None)
    result = _all_rows(filled, name, {**base, param: str(value)})
    assert result, f"{name}?{param}={value} returned nothing"
    assert all(matches(row, value) for row in result), f"{name}?{param}={value}"
    expected = [row["id" if "id" in row else "code"] for row in rows if matches(row, value)]
    assert [row["id" if "id" in row else "code"] for row in result] == expected


@pytest.mark.parametrize("param,check", sorted(COMMON.items()))
def test_it_applies_the_common_filters_on_every_list(
    filled: Client, param: str, check: Any
) -> None:
    value_of, matches = check
    for name in sorted({name for name, _ in CHECKS}):
        if name == "api:region-list":
            continue
        rows = _all_rows(filled, name, {})
        value = value_of(rows[0])
        result = _all_rows(filled, name, {param: value})
        assert result and all(matches(row, value) for row in result), f"{name}?{param}"
        assert len(result) == sum(matches(row, value) for row in rows), name


def test_it_refuses_an_unknown_filter_by_name(filled: Client) -> None:
    response = filled.get(reverse("api:region-list"), {"tingkatan": "provinsi"})
    assert response.status_code == 400
    message = str(response.json()["tingkatan"])
    assert "tidak dikenal" in message and "tingkat" in message and "level" in message
    public = Client().get(reverse("api:public-document-list"), {"jenis": "SSK"})
    assert public.status_code == 400


def test_it_answers_tingkat_provinsi_with_provinces_only(filled: Client) -> None:
    body = filled.get(reverse("api:region-list"), {"tingkat": "provinsi"}).json()
    assert body["count"] == 2  # the test slice: Jambi (15) and Gorontalo (75)
    assert {row["level"] for row in body["results"]} == {1}
    bad = filled.get(reverse("api:region-list"), {"tingkat": "pulau"})
    assert bad.status_code == 400
    clash = filled.get(reverse("api:region-list"), {"tingkat": "desa", "level": 1})
    assert clash.status_code == 400


def test_it_serves_the_interactive_documentation_without_a_cdn(filled: Client) -> None:
    page = Client().get(reverse("api:docs"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "swagger-ui" in html
    assert "<script>" not in html  # the start-up script is a file (CSP without inline)
    assert "cdn" not in html.lower() and "https://" not in html
    script = Client().get(reverse("api:docs"), {"script": ""})
    assert script.status_code == 200
    assert reverse("api:schema") in script.content.decode()
