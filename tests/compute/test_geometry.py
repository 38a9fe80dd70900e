"""Douglas–Peucker simplification: pinned examples and properties."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ppsp.compute.geometry import douglas_peucker, simplify_ring


def test_it_drops_collinear_points() -> None:
    line = [[0, 0], [1, 0], [2, 0], [3, 0]]
    assert douglas_peucker(line, 0.01).tolist() == [[0, 0], [3, 0]]


def test_it_keeps_a_point_beyond_the_tolerance() -> None:
    # Worked example: chord (0,0)-(4,0); (2,1) is 1.0 away, (1,0.1) and (3,0.1) 0.1 away.
    line = [[0, 0], [1, 0.1], [2, 1], [3, 0.1], [4, 0]]
    assert douglas_peucker(line, 0.5).tolist() == [[0, 0], [2, 1], [4, 0]]
    assert douglas_peucker(line, 0.05).tolist() == line


def test_it_keeps_a_closed_square() -> None:
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert simplify_ring(square, 0.1).tolist() == square


def test_it_returns_a_tiny_ring_unchanged() -> None:
    ring = [[0, 0], [1, 0], [1, 1e-9], [0, 0]]
    assert simplify_ring(ring, 0.5).tolist() == ring


coords = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(coords, coords), min_size=2, max_size=60), st.floats(0.0, 2.0))
def test_it_keeps_ends_and_a_subsequence_within_tolerance(
    points: list[tuple[float, float]], tolerance: float
) -> None:
    pts = np.array(points)
    out = douglas_peucker(pts, tolerance)
    assert out[0].tolist() == pts[0].tolist() and out[-1].tolist() == pts[-1].tolist()
    kept = []
    start = 0
    for p in out:  # subsequence: each kept point appears in order
        while pts[start].tolist() != p.tolist():
            start += 1
        kept.append(start)
        start += 1
    for left, right in itertools.pairwise(kept):
        a, b = pts[left], pts[right]
        chord = b - a
        length = np.hypot(*chord)
        for q in pts[left + 1 : right]:
            off = q - a
            d = (
                np.hypot(*off)
                if length == 0
                else abs(chord[0] * off[1] - chord[1] * off[0]) / length
            )
            assert d <= tolerance + 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(coords, coords), min_size=3, max_size=40))
def test_it_never_changes_anything_at_zero_tolerance(points: list[tuple[float, float]]) -> None:
    assert douglas_peucker(points, 0.0).tolist() == np.array(points).tolist()
