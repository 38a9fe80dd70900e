"""Pinned IRS examples and invariants (ehra-risk.md §4.2–§4.5, §8.2, §11.3, §11.6)."""

from __future__ import annotations

import numpy as np
import pytest

from ppsp.compute.ehra import (
    COMPONENTS,
    DEFAULT_IRS_2021,
    Households,
    Indicator,
    IrsConfig,
    check_indicators,
    component_scores,
    irs,
)
from ppsp.compute.questionnaire import Answered, In, answer_columns
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.compute.scoring import equal_interval

# ehra-risk.md §8.2, indicator % in DEFAULT_IRS_2021 order (3 + 3 + 3 + 1 + 7).
WORKED_PERCENT = [10, 20, 30, 70, 40, 55, 80, 60, 90, 25, 60, 10, 15, 20, 30, 40, 5]


def blank(n: int, n_desa: int = 1) -> Households:
    """n households with every answer skipped, all approved, spread over n_desa."""
    answers = {
        name: np.zeros(n, dtype=np.bool_ if kind == "bool" else np.int16)
        if kind != "float64"
        else np.full(n, np.nan)
        for name, kind in answer_columns(EHRA_2021).items()
    }
    desa = np.arange(n, dtype=np.int64) % n_desa
    return Households(desa, n_desa, np.ones(n, dtype=np.bool_), answers)


def test_it_reproduces_the_irs_worked_example() -> None:
    components, total = component_scores(np.array([WORKED_PERCENT], float), DEFAULT_IRS_2021)
    assert np.round(components[0], 1).tolist() == [20.0, 55.0, 76.7, 25.0, 25.7]
    assert round(float(total[0]), 1) == 202.4
    # Kab/kota range 110.0-250.0 -> w = 35.0 -> desa X is class 3 (risiko tinggi).
    assert equal_interval([110.0, float(total[0]), 250.0]) == [1, 3, 4]


def test_it_counts_households_at_risk_over_the_applicable_ones() -> None:
    homes = blank(40)
    homes.answers["E_3_1"][:] = 2
    homes.answers["E_3_1"][:10] = 1  # 10 of 40 with genangan -> 25 %
    homes.answers["D_3"][:8] = 2  # 8 septic-tank owners, 2 of them discharge to a river
    homes.answers["D_10"][:2] = 3
    result = irs(homes)
    col = result.indicators.index("genangan_air")
    assert (result.at_risk[0, col], result.denominator[0, col]) == (10, 40)
    assert result.components[0, COMPONENTS.index("genangan")] == 25.0
    tank = result.indicators.index("pencemaran_isi_tangki")
    assert (result.at_risk[0, tank], result.denominator[0, tank]) == (2, 8)
    assert result.percent[0, tank] == 25.0


def test_it_uses_all_households_when_the_denominator_is_all() -> None:
    homes = blank(40)
    homes.answers["D_3"][:8] = 2
    homes.answers["D_10"][:2] = 3
    item = next(i for i in DEFAULT_IRS_2021.indicators if i.key == "pencemaran_isi_tangki")
    config = IrsConfig(
        "x",
        (Indicator(item.key, item.component, item.label, item.risk, item.applicable, 1.0, "all"),),
    )
    result = irs(homes, config)
    assert (result.at_risk[0, 0], result.denominator[0, 0]) == (2, 40)
    assert result.percent[0, 0] == 5.0


def test_it_leaves_a_desa_without_approved_records_undefined() -> None:
    homes = blank(8, n_desa=2)
    homes.answers["E_3_1"][:] = 1
    approved = homes.desa == 0
    result = irs(Households(homes.desa, 2, approved, homes.answers))
    assert result.households.tolist() == [4, 0]
    assert np.isnan(result.total[1]) and np.isnan(result.percent[1]).all()


def test_it_reweights_a_component_when_an_indicator_has_no_denominator() -> None:
    percent = np.array([WORKED_PERCENT], float)
    percent[0, 4] = np.nan  # nobody owns a septic tank: 70 and 55 remain
    components, _ = component_scores(percent, DEFAULT_IRS_2021)
    assert components[0, COMPONENTS.index("air_limbah")] == pytest.approx(62.5)


def test_it_applies_configured_weights() -> None:
    weights = {"air_minum_tidak_terlindungi": 2.0, "air_lain_tidak_terlindungi": 1.0}
    config = DEFAULT_IRS_2021.with_weights({**weights, "kelangkaan_air": 1.0})
    components, _ = component_scores(np.array([WORKED_PERCENT], float), config)
    assert components[0, 0] == pytest.approx((2 * 10 + 20 + 30) / 4)


def test_it_computes_strata_level_irs_by_pooling_records() -> None:
    homes = blank(12, n_desa=3)
    homes.answers["E_3_1"][:] = np.array([1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 1, 2])
    strata = np.array([0, 1, 0])[homes.desa]
    by_strata = irs(homes, groups=strata, n_groups=2)
    col = by_strata.indicators.index("genangan_air")
    # desa 0 and 2 (strata 0): households 0,3,6,9 and 2,5,8,11 -> 3 of 8 at risk.
    assert by_strata.percent[:, col].tolist() == [37.5, 50.0]


def test_it_checks_that_indicators_read_existing_questions() -> None:
    check_indicators(EHRA_2021, DEFAULT_IRS_2021)
    ghost = Indicator("x", "genangan", "x", In("Z.9", (1,)), Answered("Z.9"))
    with pytest.raises(ValueError, match="unknown questions"):
        check_indicators(EHRA_2021, IrsConfig("x", (ghost,)))


def test_it_refuses_an_indicator_that_reads_diare() -> None:
    diare = Indicator("diare", "phbs", "Diare", In("H.1", (1,)), Answered("H.1"))
    with pytest.raises(ValueError, match="diare"):
        check_indicators(EHRA_2021, IrsConfig("x", (diare,)))


def test_it_rejects_group_indices_out_of_range() -> None:
    homes = blank(4)
    with pytest.raises(ValueError, match="out of range"):
        irs(homes, groups=np.array([0, 1, 2, 3]), n_groups=2)
