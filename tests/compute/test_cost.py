"""Tests for ppsp.compute.cost (domain-ppsp.md §9.1–§9.5, §16.2 item 3)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.cost import (
    UnitPrice,
    ZonePlan,
    local_price,
    service_path,
    timbulan_m3_per_day,
    volume_line,
    waste_people_per_unit,
    zone_need,
)
from ppsp.compute.records import KEGIATAN_TYPES

PROPERTY = settings(database=None, deadline=None, max_examples=150)

SEPTIC = UnitPrice(
    "Tangki septik", "unit", 10_000_000, labour_share=0.4, om_per_year=100_000, people_per_unit=5
)


def _by_type(lines: list) -> dict[str, list[float]]:
    return {line.kegiatan_type: list(line.amounts_by_year) for line in lines}


def test_it_applies_the_regional_labour_and_material_index() -> None:
    # 0.4 · 1.2 + 0.6 · 0.9 = 1.02
    assert local_price(10_000_000, indeks_upah=1.2, indeks_bahan=0.9, labour_share=0.4) == (
        pytest.approx(10_200_000)
    )


def test_it_interpolates_the_service_share_to_the_target() -> None:
    assert service_path(0.2, 0.7, 5) == pytest.approx([0.3, 0.4, 0.5, 0.6, 0.7])


def test_it_costs_a_zone_by_hand() -> None:
    # 1,000 jiwa, no growth, 20 % -> 70 %: 300..700 served; 5 jiwa per tank: 60..140 tanks,
    # 40 at baseline, so 20 new tanks a year at Rp 10.2 juta (index 1.02) = Rp 204 juta.
    plan = ZonePlan("air_limbah", "Zona 1", 1000, 0.0, 0.2, 0.7, SEPTIC)
    lines = zone_need(plan, first_year=2027, indeks_upah=1.2, indeks_bahan=0.9)
    amounts = _by_type(lines)
    assert list(amounts) == ["studi_desain", "advokasi", "konstruksi", "om"]  # no land share
    assert amounts["konstruksi"] == pytest.approx([204_000_000.0] * 5)
    assert amounts["studi_desain"] == pytest.approx([10_200_000.0] * 5)
    assert amounts["advokasi"] == pytest.approx([4_080_000.0] * 5)
    # O&M of the tanks built in earlier plan years: 0, 20, 40, 60, 80 tanks x Rp 100,000
    assert amounts["om"] == pytest.approx([0, 2_000_000, 4_000_000, 6_000_000, 8_000_000])
    assert lines[0].first_year == 2027 and lines[0].zone == "Zona 1"
    assert "100 unit baru" in lines[2].description


def test_it_builds_for_population_growth_alone() -> None:
    # 1,000 jiwa at 2 %, share stays 50 %: 510, 520.2, 530.6, 541.2, 552.0 served;
    # 4 jiwa per unit: 128, 131, 133, 136, 139 units against 125 at baseline.
    price = UnitPrice("Unit", "unit", 1_000, labour_share=0.0, people_per_unit=4)
    plan = ZonePlan("air_limbah", "Z", 1000, 0.02, 0.5, 0.5, price, studi_desain=0, advokasi=0)
    (line,) = zone_need(plan, first_year=2027)
    assert line.amounts_by_year == (3000.0, 3000.0, 2000.0, 3000.0, 3000.0)


def test_it_costs_volumes_times_the_local_price() -> None:
    drain = UnitPrice("Saluran drainase", "m", 1_500_000, labour_share=0.5)
    line = volume_line(
        subsector="drainase",
        kegiatan_type="konstruksi",
        zone="Kawasan pasar",
        description="Saluran drainase lingkungan",
        first_year=2027,
        volumes=[0, 200, 300, 0, 0],
        price=drain,
        indeks_upah=1.1,
        indeks_bahan=1.0,
    )
    assert line.amounts_by_year == pytest.approx((0, 315_000_000, 472_500_000, 0, 0))


def test_it_sizes_a_waste_fleet_from_the_timbulan() -> None:
    # 10,000 jiwa x 2.5 L/orang/hari = 25 m3/hari, plus 5 m3/hari from the market
    assert timbulan_m3_per_day(10_000, 2.5, market_m3_per_day=5) == pytest.approx(30.0)
    # a 6 m3 dump truck making 3 trips a day carries the waste of 7,200 jiwa
    per_truck = waste_people_per_unit(6, 3, 2.5)
    assert per_truck == pytest.approx(7_200)
    # 30,000 jiwa served from 0 to 100 % in five steps: ceil(6,000k / 7,200) trucks
    truck = UnitPrice("Dump truck", "unit", 650e6, labour_share=0, people_per_unit=per_truck)
    plan = ZonePlan("persampahan", "Kota", 30_000, 0.0, 0.0, 1.0, truck, studi_desain=0, advokasi=0)
    (line,) = zone_need(plan, first_year=2027)
    # units needed 1, 2, 3, 4, 5 (6,000 / 12,000 / ... / 30,000 jiwa; 7,200 per truck)
    assert line.amounts_by_year == pytest.approx((650e6,) * 5)
    with pytest.raises(ValueError):
        waste_people_per_unit(6, 0)


def test_it_rejects_a_zone_plan_it_cannot_cost() -> None:
    bad = UnitPrice("IPLT", "unit", 1, people_per_unit=0)
    with pytest.raises(ValueError, match="people_per_unit"):
        zone_need(ZonePlan("air_limbah", "Z", 100, 0, 0, 1, bad), first_year=2027)
    with pytest.raises(ValueError):
        zone_need(ZonePlan("listrik", "Z", 100, 0, 0, 1, SEPTIC), first_year=2027)


plans = st.builds(
    ZonePlan,
    subsector=st.sampled_from(["air_limbah", "persampahan"]),
    zone=st.just("Z"),
    population=st.floats(0, 200_000),
    growth=st.floats(-0.02, 0.05),
    baseline_share=st.floats(0, 1),
    target_share=st.floats(0, 1),
    price=st.builds(
        UnitPrice,
        name=st.just("U"),
        unit=st.just("unit"),
        base_price=st.floats(0, 1e9),
        labour_share=st.floats(0, 1),
        om_per_year=st.floats(0, 1e7),
        people_per_unit=st.floats(1, 500),
    ),
)


@PROPERTY
@given(plans, st.floats(0.5, 2), st.floats(0.5, 2))
def test_it_never_costs_negative_and_builds_enough_units(
    plan: ZonePlan, upah: float, bahan: float
) -> None:
    lines = zone_need(plan, first_year=2027, indeks_upah=upah, indeks_bahan=bahan)
    assert all(v >= 0 for line in lines for v in line.amounts_by_year)
    assert [line.kegiatan_type for line in lines] == [
        k for k in KEGIATAN_TYPES if k in {line.kegiatan_type for line in lines}
    ]
    amounts = _by_type(lines)
    if "om" in amounts:  # O&M grows with the asset base: never decreases
        om = amounts["om"]
        assert all(a <= b * (1 + 1e-12) for a, b in itertools.pairwise(om))


@PROPERTY
@given(plans, st.floats(0.0, 0.3))
def test_it_never_costs_less_for_a_higher_target(plan: ZonePlan, more: float) -> None:
    higher = ZonePlan(
        plan.subsector,
        plan.zone,
        plan.population,
        plan.growth,
        plan.baseline_share,
        min(1.0, plan.target_share + more),
        plan.price,
    )
    base = sum(line.total for line in zone_need(plan, first_year=2027))
    more_need = sum(line.total for line in zone_need(higher, first_year=2027))
    assert more_need >= base * (1 - 1e-9) - 1e-6
