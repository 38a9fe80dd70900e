"""Tests for ppsp.compute.triggers (domain-ppsp.md §3.1; seeds/000 sanitasi.or.id text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.triggers import (
    IndicatorRule,
    Observation,
    RpjmdInfo,
    SskInfo,
    completeness,
    completeness_score,
    expected_value,
    period_expired,
    rpjmd_changed,
    universal_access,
)

PROPERTY = settings(database=None, deadline=None, max_examples=200)
years = st.integers(min_value=2000, max_value=2060)
SSK_2016 = SskInfo(2016, 2020)
UA = IndicatorRule("akses", "Akses sanitasi layak (%)", 100.0, 2019, 61.06, 2014)


# --- 1. period older than 5 years ---------------------------------------------


def test_it_keeps_an_ssk_valid_in_its_fifth_year() -> None:
    result = period_expired(SSK_2016, 2020)
    assert not result.fired
    assert "5 dari 5 tahun" in result.reason


def test_it_fires_in_the_sixth_year_of_an_ssk() -> None:
    result = period_expired(SSK_2016, 2021)
    assert result.fired
    assert "6 tahun" in result.reason and "melampaui batas 5 tahun" in result.reason


def test_it_fires_for_a_declared_period_longer_than_five_years_from_its_sixth_year() -> None:
    long_period = SskInfo(2016, 2022)
    assert not period_expired(long_period, 2020).fired
    assert period_expired(long_period, 2021).fired


def test_it_fires_when_a_short_period_has_ended() -> None:
    result = period_expired(SskInfo(2018, 2020), 2021)
    assert result.fired and "sudah berakhir" in result.reason


def test_it_takes_the_age_limit_as_a_parameter() -> None:
    assert not period_expired(SskInfo(2016, 2025), 2021, max_years=6).fired
    assert period_expired(SskInfo(2016, 2025), 2022, max_years=6).fired


def test_it_refuses_a_period_ending_before_it_starts() -> None:
    with pytest.raises(ValueError):
        SskInfo(2020, 2016)


@PROPERTY
@given(start=years, length=st.integers(0, 9), as_of=years)
def test_it_fires_exactly_when_in_force_more_than_five_years_or_ended(
    start: int, length: int, as_of: int
) -> None:
    ssk = SskInfo(start, start + length)
    fired = period_expired(ssk, as_of).fired
    assert fired == (as_of - start + 1 > 5 or as_of > start + length)


@PROPERTY
@given(start=years, as_of=years, later=st.integers(0, 10))
def test_it_never_unfires_as_time_passes(start: int, as_of: int, later: int) -> None:
    ssk = SskInfo(start, start + 4)
    if period_expired(ssk, as_of).fired:
        assert period_expired(ssk, as_of + later).fired


# --- 2. RPJMD changed ------------------------------------------------------------


def test_it_fires_when_an_rpjmd_began_after_the_ssk() -> None:
    result = rpjmd_changed(SSK_2016, [RpjmdInfo(2016, 2021), RpjmdInfo(2021, 2026, "3/2021")])
    assert result.fired
    assert "RPJMD 2021–2026 (Perda 3/2021)" in result.reason


def test_it_does_not_fire_when_the_rpjmd_predates_the_ssk() -> None:
    assert not rpjmd_changed(SSK_2016, [RpjmdInfo(2016, 2021)]).fired
    assert not rpjmd_changed(SSK_2016, [RpjmdInfo(2011, 2016)]).fired


def test_it_reports_missing_rpjmd_without_firing() -> None:
    result = rpjmd_changed(SSK_2016, [])
    assert not result.fired and "Belum ada data RPJMD" in result.reason


@PROPERTY
@given(start=years, rpjmd_starts=st.lists(years, min_size=1, max_size=4))
def test_it_fires_iff_some_rpjmd_starts_after_the_ssk(start: int, rpjmd_starts: list[int]) -> None:
    periods = [RpjmdInfo(s, s + 5) for s in rpjmd_starts]
    assert rpjmd_changed(SskInfo(start, start + 4), periods).fired == (max(rpjmd_starts) > start)


# --- 3. completeness -------------------------------------------------------------


def test_it_scores_filled_over_required_tables() -> None:
    assert completeness_score(12, 16) == 0.75
    assert completeness_score(0, 0) == 1.0


def test_it_fires_below_the_threshold_and_not_at_it() -> None:
    below = completeness(12, 16, threshold=0.8)
    assert below.fired and "75% (12 dari 16 tabel wajib terisi)" in below.reason
    assert not completeness(4, 5, threshold=0.8).fired  # exactly 80 %


def test_it_does_not_fire_without_a_required_table_list() -> None:
    result = completeness(0, 0)
    assert not result.fired and "belum ditetapkan" in result.reason


def test_it_refuses_a_threshold_outside_zero_to_one() -> None:
    with pytest.raises(ValueError):
        completeness(1, 2, threshold=1.5)


@PROPERTY
@given(
    required=st.integers(1, 40),
    data=st.data(),
    threshold=st.floats(0.0, 1.0, allow_nan=False),
)
def test_it_fires_iff_the_score_is_below_the_threshold(
    required: int, data: st.DataObject, threshold: float
) -> None:
    filled = data.draw(st.integers(0, required))
    score = completeness_score(filled, required)
    assert 0.0 <= score <= 1.0
    assert completeness(filled, required, threshold=threshold).fired == (score < threshold)


@PROPERTY
@given(required=st.integers(1, 40), filled=st.integers(0, 39))
def test_it_never_scores_lower_with_more_tables_filled(required: int, filled: int) -> None:
    assert completeness_score(filled + 1, required) >= completeness_score(filled, required)


# --- 4. universal access -----------------------------------------------------------


def test_it_draws_a_straight_path_from_baseline_to_target() -> None:
    assert expected_value(UA, 2014) == pytest.approx(61.06)
    assert expected_value(UA, 2019) == 100.0
    assert expected_value(UA, 2024) == 100.0
    assert expected_value(UA, 2016) == pytest.approx(61.06 + (100 - 61.06) * 2 / 5)


def test_it_fires_when_an_indicator_is_behind_its_path() -> None:
    result = universal_access([(UA, Observation(2024, 78.5))])
    assert result.fired
    assert "Akses sanitasi layak (%) 78,5 pada 2024" in result.reason
    assert "target 100 pada 2019" in result.reason


def test_it_does_not_fire_on_track() -> None:
    assert not universal_access([(UA, Observation(2016, 80.0))]).fired


def test_it_judges_lower_is_better_indicators_the_other_way() -> None:
    slums = IndicatorRule("kumuh", "Kawasan kumuh (%)", 0.0, 2019, 10.0, 2014, False)
    assert universal_access([(slums, Observation(2019, 2.0))]).fired
    assert not universal_access([(slums, Observation(2016, 5.0))]).fired


def test_it_does_not_fire_without_a_recorded_value_or_rule() -> None:
    assert not universal_access([(UA, None)]).fired
    assert "belum ada nilai tercatat" in universal_access([(UA, None)]).reason
    assert not universal_access([]).fired


def test_it_judges_a_rule_without_baseline_only_from_its_target_year() -> None:
    rule = IndicatorRule("x", "X", 100.0, 2019)
    assert not universal_access([(rule, Observation(2018, 10.0))]).fired
    assert universal_access([(rule, Observation(2019, 99.0))]).fired


@PROPERTY
@given(
    value=st.floats(0, 100, allow_nan=False),
    year=st.integers(2010, 2030),
    extra=st.floats(0, 50, allow_nan=False),
)
def test_it_never_fires_more_when_the_value_is_higher(
    value: float, year: int, extra: float
) -> None:
    if universal_access([(UA, Observation(year, value + extra))]).fired:
        assert universal_access([(UA, Observation(year, value))]).fired


@PROPERTY
@given(year=st.integers(1990, 2050))
def test_it_keeps_the_path_between_baseline_and_target(year: int) -> None:
    assert 61.06 <= expected_value(UA, year) <= 100.0
