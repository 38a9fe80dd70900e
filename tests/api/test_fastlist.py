"""Realisation lists read as tuples (ppsp.api.fastlist) answer exactly what the DRF
serializers would: same keys in the same order, same types (Decimal as text, None kept)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.api.fastlist import columns_of, rows_as_dicts
from ppsp.monev.api import IndicatorRealisationSerializer, RowRealisationSerializer
from ppsp.monev.models import IndicatorRealisation, RowRealisation
from ppsp.monev.services import realisation_save
from tests.conftest import Cast
from tests.monev.support import YEAR, full_values, plan_with_sasaran, report_in, sasaran

pytestmark = pytest.mark.django_db


def _save_mixed(code: str) -> None:
    plan = plan_with_sasaran(code)
    rows, _ = full_values(plan)
    first, *others = rows
    rows[first] = {"na_code": "belum_tersedia", "na_reason": "SP2D belum terbit"}
    for pk in others[:1]:
        rows[pk] = {"budget": 12_345_678, "output": Decimal("2.5"), "work_status": "selesai"}
    indicators = {sasaran(plan).pk: {"value": Decimal("47.13"), "source": "susenas"}}
    realisation_save(report=report_in(code), rows=rows, indicators=indicators, by=None)


@pytest.mark.parametrize(
    ("url", "model", "serializer"),
    [
        ("/api/v1/realisasi/", RowRealisation, RowRealisationSerializer),
        ("/api/v1/realisasi-indikator/", IndicatorRealisation, IndicatorRealisationSerializer),
    ],
)
def test_it_lists_exactly_what_the_serializer_would(
    cast: Cast, url: str, model: Any, serializer: Any
) -> None:
    _save_mixed("15.07")
    _save_mixed("15.71")
    client = Client()
    client.force_login(cast.pmu)
    body = client.get(f"{url}?year={YEAR}&page_size=200").json()
    expected = serializer(model.objects.order_by("report_id", "pk"), many=True).data
    by_id = {item["id"]: item for item in body["results"]}
    assert body["count"] == len(expected) == len(by_id) > 0
    for item in expected:
        assert list(by_id[item["id"]].items()) == list(item.items())
    assert any(item.get("na_code") for item in body["results"]) or "indikator" in url


def test_it_refuses_fields_it_cannot_read_as_columns() -> None:
    from rest_framework import serializers

    class Computed(serializers.Serializer[Any]):  # type: ignore[misc,unused-ignore]
        total = serializers.SerializerMethodField()

    with pytest.raises(TypeError, match="total"):
        columns_of(Computed())


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 10**9),
            st.one_of(st.none(), st.integers(0, 10**15)),
            st.one_of(st.none(), st.decimals(0, 10**6, places=2, allow_nan=False)),
        ),
        max_size=20,
    )
)
def test_it_keeps_order_and_none_for_any_rows(rows: list[tuple[int, Any, Any]]) -> None:
    columns = [("id", "id", int), ("budget", "budget", int), ("output", "output", str)]
    converted = rows_as_dicts(rows, columns)
    assert [d["id"] for d in converted] == [r[0] for r in rows]
    for row, item in zip(rows, converted, strict=True):
        assert list(item) == ["id", "budget", "output"]
        assert (item["budget"] is None) == (row[1] is None)
        assert (item["output"] is None) == (row[2] is None)
