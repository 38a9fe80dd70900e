"""Area berisiko: IMPACT × EXPOSURE, OPD aggregation, classing (ehra-risk.md §5.3–§7.3, §8.3)."""

from __future__ import annotations

import numpy as np
import pytest

from ppsp.compute.area_risk import (
    RISK_CLASSES,
    SSK_COMPONENTS,
    AreaRiskConfig,
    AreaRiskInputs,
    aggregate_opd,
    area_risk,
    class_within,
    secondary_exposure,
    secondary_scores,
    weighted_score,
)

NAN = np.nan


def ssk_example() -> AreaRiskInputs:
    """Desa X of §8.3 (row 0) with a least-risk and a most-risk desa of the same kab/kota."""
    irs = np.full((3, 5), 50.0)
    irs[:, 1] = [80.0, 20.0, 79.0]  # air limbah domestik -> S_irs 4, 1, 4
    opd = np.full((3, 3, 2), NAN)
    opd[:, :, 0] = [[3, 3, 3], [1, 1, 1], [4, 4, 4]]
    return AreaRiskInputs(
        kabkota=np.zeros(3, dtype=np.int64),
        impact=np.array([[2, 4, 3, 4], [1, 1, 1, 1], [4, 4, 4, 4]], dtype=float),
        secondary=np.array([[3, 3, 3], [1, 1, 1], [4, 4, 4]], dtype=float),
        irs_components=irs,
        opd=opd,
    )


def test_it_reproduces_the_ssk_combination_example() -> None:
    result = area_risk(ssk_example())
    k = SSK_COMPONENTS.index("air_limbah")
    assert result.impact[0] == pytest.approx(3.25)
    assert result.s_irs[:, k].tolist() == [4, 1, 4]
    assert result.exposure[0, k] == pytest.approx(10 / 3)
    assert result.area[0, k] == pytest.approx(10.8333, abs=1e-4)
    assert result.area[:, k].tolist() == pytest.approx([3.25 * 10 / 3, 1.0, 16.0])
    # §8.3: over the observed range 2.0-14.5 (w = 3.125) AREA 10.83 is class 3 (tinggi).
    assert class_within([2.0, 10.8333, 14.5], [0, 0, 0]).tolist() == [1, 3, 4]
    assert result.risk_class[:, k].tolist() == [3, 1, 4]


def test_it_labels_and_colours_classes_from_the_lookup() -> None:
    assert RISK_CLASSES[4] == ("Risiko sangat tinggi", "#d7191c")
    assert RISK_CLASSES[1][0] == "Kurang berisiko"
    assert sorted(RISK_CLASSES) == [0, 1, 2, 3, 4]


def test_it_classes_within_each_kabkota_only() -> None:
    values = np.array([0.0, 10.0, 100.0, 200.0, NAN])
    groups = np.array([0, 0, 1, 1, 1])
    assert class_within(values, groups).tolist() == [1, 4, 1, 4, 0]


def test_it_scores_secondary_indicators_by_direction() -> None:
    values = np.array([[10.0, 90.0], [20.0, 50.0], [50.0, 10.0]])
    scores = secondary_scores(values, (True, False), np.zeros(3, dtype=np.int64))
    # poverty high -> 4; akses air high -> 1 (ehra-risk.md §5.3).
    assert scores.tolist() == [[1, 1], [2, 2], [4, 4]]


def test_it_scores_form2_exposure_per_component_with_directions() -> None:
    values = {
        "jamban_pribadi_pct": [90.0, 50.0, 10.0, NAN],
        "tangki_septik_pct": [80.0, NAN, 20.0, NAN],
        "sampah_terangkut": [100.0, 0.0, 50.0, NAN],
        "luas_genangan": [0.0, 1.0, 4.0, NAN],
    }  # no "tps" key: counts as no data
    scores = secondary_exposure(values, np.zeros(4, dtype=np.int64))
    air, sampah, drainase = range(3)  # SSK_COMPONENTS order
    # coverage high -> 1 (good), genangan high -> 4 (ehra-risk.md §5.3); mean of present ones.
    assert scores[:3, air].tolist() == [1.0, 2.0, 4.0]  # 50 % jamban: class 2; no tangki data
    assert scores[:3, sampah].tolist() == [1.0, 4.0, 2.0]
    assert scores[:3, drainase].tolist() == [1.0, 2.0, 4.0]
    assert np.isnan(scores[3]).all()


def test_it_aggregates_opd_ratings_by_mean_rounded_half_up() -> None:
    ratings = np.array([[[2, 3, NAN], [1, 2, 2], [NAN, NAN, NAN]]])
    assert aggregate_opd(ratings)[0, :2].tolist() == [3.0, 2.0]
    assert np.isnan(aggregate_opd(ratings)[0, 2])
    assert aggregate_opd(ratings, "mean")[0, 0] == 2.5
    assert aggregate_opd(ratings, "median_half_up")[0, 1] == 2.0
    with pytest.raises(ValueError, match="between 1 and 4"):
        aggregate_opd(np.array([[[5.0]]]))


def test_it_accepts_percent_weights_and_drops_missing_sources() -> None:
    scores = np.array([[3.0, 4.0, 3.0], [3.0, NAN, 1.0]])
    assert weighted_score(scores, (50, 30, 20)).tolist() == pytest.approx([3.3, 2.43], abs=0.01)
    assert weighted_score(scores, (0.5, 0.3, 0.2))[1] == pytest.approx((1.5 + 0.2) / 0.7)
    assert np.isnan(weighted_score(np.array([[NAN, 0.0]]), (1, 1))[0])


def test_it_uses_configured_source_weights() -> None:
    weights = dict.fromkeys(SSK_COMPONENTS, (0.0, 1.0, 0.0))
    result = area_risk(ssk_example(), AreaRiskConfig(source_weights=weights))
    assert result.exposure[:, 0].tolist() == [4.0, 1.0, 4.0]


def test_it_ignores_desa_order() -> None:
    base = ssk_example()
    perm = np.array([2, 0, 1])
    moved = AreaRiskInputs(
        base.kabkota[perm], base.impact[perm], base.secondary[perm],
        base.irs_components[perm], base.opd[perm],
    )  # fmt: skip
    a, b = area_risk(base), area_risk(moved)
    assert np.allclose(a.area[perm], b.area) and (a.risk_class[perm] == b.risk_class).all()
