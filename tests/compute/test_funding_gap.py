"""Names that lead to the rule (issue 15): Gap 1/Gap 2 live in compute.funding_gap."""

from __future__ import annotations

import pytest

from ppsp.compute import finance, funding_gap
from ppsp.compute.series import finite_amounts, same_length


def test_it_keeps_the_design_names_in_finance() -> None:
    assert finance.gap_table is funding_gap.gap_table
    assert finance.GapTable is funding_gap.GapTable


def test_it_computes_gap_2_as_need_minus_komitmen() -> None:
    table = funding_gap.gap_table(
        {"air_limbah": [100.0, 200.0], "persampahan": [50.0, 0.0]}, [80.0, 90.0], [120.0, 60.0]
    )
    assert table.need_total == [150.0, 200.0]
    assert table.gap1 == [70.0, 110.0] and table.gap2 == [30.0, 140.0]
    assert table.totals["gap2"] == 170.0


def test_it_names_the_bad_series() -> None:
    with pytest.raises(ValueError, match="komitmen"):
        finite_amounts([1.0, float("nan")], "komitmen")
    with pytest.raises(ValueError, match="same years"):
        same_length([("a", [1.0]), ("b", [1.0, 2.0])])
