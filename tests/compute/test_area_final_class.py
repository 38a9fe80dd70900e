"""The one rule of the area berisiko class shown everywhere (issue 16)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ppsp.compute.area_risk import final_class

CLASSES = st.integers(min_value=0, max_value=4)


@given(CLASSES, st.none() | st.integers(min_value=1, max_value=4))
def test_it_takes_the_verified_class_when_there_is_one(computed: int, override: int | None) -> None:
    result = final_class(computed, override)
    assert result == (computed if override is None else override)
    assert 0 <= result <= 4


def test_it_works_the_documented_example() -> None:
    assert (final_class(2, None), final_class(2, 4), final_class(0, None)) == (2, 4, 0)
