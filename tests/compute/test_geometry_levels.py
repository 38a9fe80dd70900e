"""Zoom-level simplification of region outlines: pinned examples and properties."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.geometry import bbox, simplify_multipolygon

SQUARE = [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]
ISLAND = [[5.0, 5.0], [5.001, 5.0], [5.001, 5.001], [5.0, 5.001], [5.0, 5.0]]


def test_it_drops_small_islands_but_keeps_the_mainland() -> None:
    out = simplify_multipolygon([[SQUARE], [ISLAND]], 0.01, decimals=3)
    assert out == [[SQUARE]]


def test_it_never_drops_the_only_polygon_of_a_region() -> None:
    out = simplify_multipolygon([[ISLAND]], 0.01, decimals=4)
    assert len(out) == 1 and out[0][0][0] == out[0][0][-1]


def test_it_rounds_and_removes_repeats_made_by_rounding() -> None:
    ring = [[0, 0], [0.00001, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    out = simplify_multipolygon([[ring]], 0.0, decimals=3, min_extent=0)
    assert out == [[[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]]


def test_it_computes_the_bbox() -> None:
    assert bbox([[SQUARE], [ISLAND]]) == (0.0, 0.0, 5.001, 5.001)


rings = st.lists(
    st.tuples(
        st.floats(-1, 1, allow_nan=False, allow_infinity=False),
        st.floats(-1, 1, allow_nan=False, allow_infinity=False),
    ),
    min_size=3,
    max_size=40,
).map(lambda pts: [list(p) for p in pts] + [list(pts[0])])


@settings(max_examples=60, deadline=None)
@given(st.lists(rings, min_size=1, max_size=5), st.sampled_from([0.0, 0.001, 0.01, 0.1]))
def test_it_keeps_closed_rings_and_never_adds_points(
    polygons: list[list[list[float]]], tolerance: float
) -> None:
    multipolygon = [[ring] for ring in polygons]
    out = simplify_multipolygon(multipolygon, tolerance, decimals=4)
    before = sum(len(r) for r in polygons)
    assert sum(len(r) for p in out for r in p) <= before
    for polygon in out:
        for ring in polygon:
            assert len(ring) >= 4 and ring[0] == ring[-1]
    if out:
        low = bbox(multipolygon)
        high = bbox(out)
        assert all(abs(a - b) <= 1 for a, b in zip(low, high, strict=True))
    assert np.isfinite(np.array([c for p in out for r in p for c in r])).all()
