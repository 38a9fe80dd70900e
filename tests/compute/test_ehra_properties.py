"""Hypothesis properties of IRS, area berisiko classing and the ladder (ehra-risk.md §11.8)."""

from __future__ import annotations

import random
import warnings

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.area_risk import class_within
from ppsp.compute.ehra import COMPONENTS, DEFAULT_IRS_2021, Households, equal_weights, irs
from ppsp.compute.ehra_synthetic import synthetic_households
from ppsp.compute.ladder import ladder
from ppsp.compute.questionnaire_2021 import EHRA_2021

PROPERTY = settings(database=None, deadline=None, max_examples=15)

rounds = st.builds(
    lambda n_desa, per_desa, seed: synthetic_households(
        EHRA_2021, n_desa, per_desa, seed=seed, approved_share=0.8
    ),
    st.integers(1, 5),
    st.integers(1, 12),
    st.integers(0, 2**32 - 1),
)


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.allclose(a, b, equal_nan=True, rtol=0, atol=1e-9))


def reorder(homes: Households, order: np.ndarray) -> Households:
    answers = {name: column[order] for name, column in homes.answers.items()}
    return Households(homes.desa[order], homes.n_desa, homes.approved[order], answers)


@PROPERTY
@given(rounds)
def test_it_keeps_percentages_and_scores_in_range(homes: Households) -> None:
    result = irs(homes)
    assert (result.at_risk <= result.denominator).all()
    finite = result.percent[np.isfinite(result.percent)]
    assert ((finite >= 0) & (finite <= 100)).all()
    comps = result.components[np.isfinite(result.components)]
    assert ((comps >= 0) & (comps <= 100)).all()
    totals = result.total[np.isfinite(result.total)]
    assert ((totals >= 0) & (totals <= 500 + 1e-9)).all()


@PROPERTY
@given(rounds)
def test_it_reproduces_the_mean_of_percentages_with_equal_weights(homes: Households) -> None:
    config = equal_weights(DEFAULT_IRS_2021)
    result = irs(homes, config)
    for col, name in enumerate(COMPONENTS):
        members = [i for i, item in enumerate(config.indicators) if item.component == name]
        part = result.percent[:, members]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN rows: mean of nothing
            expected = np.nanmean(part, axis=1)
        assert same(result.components[:, col], expected)


@PROPERTY
@given(rounds, st.randoms(use_true_random=False))
def test_it_ignores_household_order(homes: Households, rnd: random.Random) -> None:
    order = np.arange(homes.size)
    rnd.shuffle(order)
    a, b = irs(homes), irs(reorder(homes, order))
    assert same(a.percent, b.percent) and same(a.total, b.total)
    urban = np.arange(homes.n_desa) % 2 == 0
    assert same(ladder(homes, urban).percent, ladder(reorder(homes, order), urban).percent)


@PROPERTY
@given(rounds, st.randoms(use_true_random=False))
def test_it_ignores_desa_order(homes: Households, rnd: random.Random) -> None:
    perm = np.arange(homes.n_desa)
    rnd.shuffle(perm)
    relabelled = Households(perm[homes.desa], homes.n_desa, homes.approved, homes.answers)
    a, b = irs(homes), irs(relabelled)
    assert same(a.percent, b.percent[perm]) and same(a.total, b.total[perm])


@PROPERTY
@given(rounds, st.integers(0, 2**32 - 1))
def test_it_never_lets_diare_matter(homes: Households, seed: int) -> None:
    rng = np.random.default_rng(seed)
    answers = dict(homes.answers)
    for name, column in homes.answers.items():
        if name.startswith("H_"):
            answers[name] = (
                rng.integers(0, 7, homes.size).astype(column.dtype)
                if column.dtype.kind != "b"
                else rng.random(homes.size) < 0.5
            )
    changed = Households(homes.desa, homes.n_desa, homes.approved, answers)
    a, b = irs(homes), irs(changed)
    assert same(a.percent, b.percent) and same(a.total, b.total)


@PROPERTY
@given(rounds, st.integers(0, 2**32 - 1))
def test_it_never_lets_unapproved_records_matter(homes: Households, seed: int) -> None:
    donor = synthetic_households(EHRA_2021, homes.n_desa, homes.size // homes.n_desa, seed=seed)
    out = ~homes.approved
    answers = {}
    for name, column in homes.answers.items():
        mixed = column.copy()
        mixed[out] = donor.answers[name][out]
        answers[name] = mixed
    changed = Households(homes.desa, homes.n_desa, homes.approved, answers)
    a, b = irs(homes), irs(changed)
    assert same(a.percent, b.percent) and same(a.total, b.total)
    urban = np.ones(homes.n_desa, dtype=bool)
    assert (ladder(homes, urban).counts == ladder(changed, urban).counts).all()


@PROPERTY
@given(
    st.lists(
        st.tuples(st.floats(0, 500, allow_nan=False), st.integers(0, 3)), min_size=1, max_size=60
    )
)
def test_it_classes_monotonically_in_score(pairs: list[tuple[float, int]]) -> None:
    values = np.array([v for v, _ in pairs])
    groups = np.array([g for _, g in pairs])
    classes = class_within(values, groups)
    assert ((classes >= 1) & (classes <= 4)).all()
    for g in np.unique(groups):
        rows = np.flatnonzero(groups == g)
        order = rows[np.argsort(values[rows], kind="stable")]
        assert (np.diff(classes[order]) >= 0).all()


@PROPERTY
@given(rounds)
def test_it_puts_every_known_household_on_one_rung(homes: Households) -> None:
    result = ladder(homes, np.zeros(homes.n_desa, dtype=bool))
    assert result.counts.sum() == homes.approved.sum()
    known = result.counts[:, 1:].sum(axis=1) > 0
    assert np.allclose(result.percent[known, 1:].sum(axis=1), 100.0)
