"""Permission-matrix expectations of the monev URLs (issue 10)."""

from __future__ import annotations

from tests.matrix_support import (
    SEES,
    SEES_PROVINCE,
    Expect,
    Kwargs,
    by_kabkota,
    logged_in_only,
    national_only,
    no_kwargs,
    post_only,
    scoped,
)
from tests.monev.support import YEAR

by_year: Kwargs = lambda code: {"year": YEAR}  # noqa: E731
kabkota_year: Kwargs = lambda code: {"code": code[:5], "year": YEAR}  # noqa: E731
province_year: Kwargs = lambda code: {"code": code[:2], "year": YEAR}  # noqa: E731


def report_kwargs(code: str) -> dict[str, object]:
    from tests.monev.support import report_in

    return {"pk": report_in(code[:5]).pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "monev:index": (no_kwargs, logged_in_only()),
    "monev:national": (by_year, national_only),
    "monev:ranking": (by_year, national_only),
    "monev:province": (province_year, scoped(SEES_PROVINCE)),
    "monev:kabkota": (kabkota_year, scoped(SEES)),
    "monev:kabkota_latest": (by_kabkota, scoped(SEES, ok=302)),
    "monev:save": (kabkota_year, post_only),
    "monev:import": (kabkota_year, post_only),
    "monev:submit": (report_kwargs, post_only),
    "monev:review": (report_kwargs, post_only),
}


def _row_value(code: str) -> dict[str, object]:
    from ppsp.monev.services import realisation_save
    from tests.monev.support import full_values, plan_with_sasaran, report_in

    report = report_in(code[:5])
    rows, indicators = full_values(plan_with_sasaran(code[:5]))
    realisation_save(report=report, rows=rows, indicators=indicators, by=None)
    return {"report": report}


def realisation(code: str) -> dict[str, object]:
    report = _row_value(code)["report"]
    return {"pk": report.row_values.order_by("pk").first().pk}  # type: ignore[attr-defined]


def indicator_realisation(code: str) -> dict[str, object]:
    report = _row_value(code)["report"]
    return {"pk": report.indicator_values.get().pk}  # type: ignore[attr-defined]


def _api_scoped(role: str, target: str) -> int:
    if role == "anon":
        return 401
    return 200 if role in SEES[target] else 404


def _api_list(role: str, target: str) -> int:
    return 401 if role == "anon" else 200


EXPECTATIONS.update(
    {
        "api:realisation-list": (no_kwargs, _api_list),
        "api:indicator-realisation-list": (no_kwargs, _api_list),
        "api:realisation-detail": (realisation, _api_scoped),
        "api:indicator-realisation-detail": (indicator_realisation, _api_scoped),
    }
)
