"""Tests for ppsp.compute.zoning (domain-ppsp.md §8.3, §8.4)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.zoning import DesaFacts, Thresholds, suggest, thresholds_from

PROPERTY = settings(database=None, deadline=None, max_examples=200)
ORDER = {"setempat": 0, "komunal": 1, "terpusat": 2}


@pytest.mark.parametrize(
    ("facts", "air", "sampah"),
    [
        (DesaFacts(200, urban=True), "terpusat", "langsung"),
        (DesaFacts(40, urban=True, cbd=True), "terpusat", "tidak_langsung"),
        (DesaFacts(120, urban=False), "komunal", "tidak_langsung"),
        (DesaFacts(30, urban=False, wet=True), "komunal", "tidak_langsung"),
        (DesaFacts(30, urban=False, risk=(("air_limbah", 4),)), "komunal", "tidak_langsung"),
        (DesaFacts(30, urban=False), "setempat", "tidak_langsung"),
        (DesaFacts(10, urban=False, wet=True), "setempat", "setempat"),
        (DesaFacts(None, urban=True), None, None),
    ],
)
def test_it_suggests_systems_by_the_rule_of_thumb(
    facts: DesaFacts, air: str | None, sampah: str | None
) -> None:
    result = suggest(facts)
    assert (result.air_limbah, result.persampahan) == (air, sampah)


def test_it_sets_drainase_priority_from_the_risk_class() -> None:
    assert suggest(DesaFacts(50, True, risk=(("drainase", 3),))).drainase == "tinggi"
    assert suggest(DesaFacts(50, True, risk=(("drainase", 2),))).drainase == "rendah"
    assert suggest(DesaFacts(50, True)).drainase is None


def test_it_takes_thresholds_as_configuration() -> None:
    strict = thresholds_from({"terpusat_density": 250, "komunal_density": 200})
    assert suggest(DesaFacts(180, urban=True), strict).air_limbah == "setempat"
    with pytest.raises(ValueError, match="unknown"):
        thresholds_from({"kepadatan": 1})


@PROPERTY
@given(
    st.floats(0, 500),
    st.floats(0, 500),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.integers(0, 4),
)
def test_it_never_suggests_a_smaller_system_for_a_denser_desa(
    d1: float, d2: float, urban: bool, cbd: bool, wet: bool, risk: int
) -> None:
    low, high = sorted((d1, d2))
    extra = (("air_limbah", risk),)
    a = suggest(DesaFacts(low, urban, cbd, wet, extra)).air_limbah
    b = suggest(DesaFacts(high, urban, cbd, wet, extra)).air_limbah
    assert a is not None and b is not None and ORDER[a] <= ORDER[b]
    assert Thresholds().komunal_density <= Thresholds().terpusat_density
