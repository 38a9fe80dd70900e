"""ppsp.compute.triggers: reasons name the target's period, the value's source and what
data is missing (issue 16: dated UA targets, completeness from stored data)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.triggers import IndicatorRule, Observation, completeness, universal_access

PROPERTY = settings(database=None, deadline=None, max_examples=100)
RPJMD = IndicatorRule(
    "akses", "Akses sanitasi layak (%)", 90.0, 2026, 70.0, 2021, period_label="RPJMD 2021–2026"
)


def test_it_names_the_period_of_the_target_and_the_source_of_the_value() -> None:
    result = universal_access([(RPJMD, Observation(2024, 78.4, "SUSENAS 2024"))])
    # worked example: 70 + (90 − 70) × 3/5 = 82 expected in 2024; 78,4 < 82 → behind
    assert result.fired
    assert "78,4 pada 2024 (SUSENAS 2024), seharusnya ≥ 82" in result.reason
    assert "target 90 pada 2026 (RPJMD 2021–2026)" in result.reason


def test_it_lists_the_missing_items_with_their_unit() -> None:
    result = completeness(11, 13, unit="butir data tersedia", missing=("SWOT", "KKL"))
    assert not result.fired  # 11 / 13 = 84,62 % ≥ 80 %: complete enough, still listed
    assert "(11 dari 13 butir data tersedia)" in result.reason
    assert result.reason.endswith("Belum ada: SWOT; KKL.")


@PROPERTY
@given(
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=1, max_value=50),
    st.lists(st.text(min_size=1, max_size=8), max_size=4),
)
def test_it_fires_the_same_whatever_the_unit_and_missing_list(
    filled: int, required: int, missing: list[str]
) -> None:
    plain = completeness(filled, required)
    worded = completeness(filled, required, unit="butir", missing=missing)
    assert plain.fired == worded.fired
    assert all(m in worded.reason for m in missing)
