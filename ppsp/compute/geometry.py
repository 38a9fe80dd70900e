"""Line simplification for desa boundaries: Ramer–Douglas–Peucker.

Units: coordinates in degrees (WGS84 lon/lat) and ``tolerance`` in the same degrees
(1e-4° ≈ 11 m at the equator). Formula: keep the end points of a run, find the interior
point with the largest perpendicular distance ``|d × (p − a)| / |d|`` (``d = b − a``;
``|p − a|`` when ``a = b``, as for a closed ring) to the chord a–b; keep it and recurse
on both halves while that distance exceeds ``tolerance``. Source: Douglas & Peucker
(1973), Canadian Cartographer 10(2) 112–122; Ramer (1972).

Properties: the first and last points are always kept, the output is a subsequence of the
input, every dropped point lies within ``tolerance`` of the kept chord spanning it, and a
ring keeps at least four points (closed triangle) or is returned unchanged.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["douglas_peucker", "simplify_ring"]

Floats = npt.NDArray[np.float64]


def douglas_peucker(points: npt.ArrayLike, tolerance: float) -> Floats:
    """Simplified copy of an (n, 2) polyline; ``tolerance ≤ 0`` keeps every point."""
    pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    n = len(pts)
    if n <= 2 or tolerance <= 0:
        return pts.copy()
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = pts[i], pts[j]
        offsets = pts[i + 1 : j] - a
        chord = b - a
        length = float(np.hypot(chord[0], chord[1]))
        if length == 0.0:
            distance = np.hypot(offsets[:, 0], offsets[:, 1])
        else:
            distance = np.abs(chord[0] * offsets[:, 1] - chord[1] * offsets[:, 0]) / length
        k = int(np.argmax(distance))
        if distance[k] > tolerance:
            middle = i + 1 + k
            keep[middle] = True
            stack.append((i, middle))
            stack.append((middle, j))
    return pts[keep]


def simplify_ring(ring: npt.ArrayLike, tolerance: float) -> Floats:
    """Simplify a closed ring; returns the input when fewer than 4 points would remain."""
    pts = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
    out = douglas_peucker(pts, tolerance)
    return out if len(out) >= 4 else pts.copy()
