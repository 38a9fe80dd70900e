"""Generator of the SYNTHETIC desa boundaries of Tanjung Jabung Timur (15.07) for the demo.

Not real boundaries: Voronoi cells of seeded pseudo-random points inside the real bounding
box of the kabupaten (lon 103.3–104.6, lat −1.6 to −0.9), clipped to a convex outline.
Each kecamatan first gets a seed; its desa points are drawn inside that seed's Voronoi
region, so kecamatan come out contiguous. Run once to (re)write the stored file::

    .venv/bin/python -m ppsp.demo.maps_synthetic
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import numpy as np
from scipy.spatial import Voronoi

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "data" / "batas_desa_1507_sintetis.geojson"
BOX = (103.3, -1.6, 104.6, -0.9)
OUTLINE = [  # convex, counter-clockwise, inside BOX
    (103.36, -1.58),
    (104.05, -1.59),
    (104.52, -1.36),
    (104.58, -1.05),
    (104.25, -0.92),
    (103.62, -0.91),
    (103.32, -1.12),
    (103.31, -1.40),
]
SEED = 1507


def _desa() -> list[tuple[str, str, str]]:
    master = ROOT / "vendor" / "idn-area-data"
    with (master / "districts.csv").open(encoding="utf-8") as f:
        kecamatan = {r["code"]: r["name"] for r in csv.DictReader(f)}
    with (master / "villages.csv").open(encoding="utf-8") as f:
        return [
            (r["code"], r["name"], kecamatan[r["district_code"]])
            for r in csv.DictReader(f)
            if r["code"].startswith("15.07.")
        ]


def _inside(point: np.ndarray, polygon: list[tuple[float, float]]) -> bool:
    x, y = point
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        if (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1) < 0:
            return False
    return True


def _clip(
    cell: list[tuple[float, float]], outline: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: clip a polygon against the convex counter-clockwise outline."""
    out = cell
    for (ax, ay), (bx, by) in zip(outline, outline[1:] + outline[:1], strict=True):
        source, out = out, []
        if not source:
            break

        def side(p: tuple[float, float]) -> float:
            return (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)  # noqa: B023

        for i, current in enumerate(source):
            previous = source[i - 1]
            sc, sp = side(current), side(previous)
            if sc >= 0:
                if sp < 0:
                    t = sp / (sp - sc)
                    out.append(
                        (
                            previous[0] + t * (current[0] - previous[0]),
                            previous[1] + t * (current[1] - previous[1]),
                        )
                    )
                out.append(current)
            elif sp >= 0:
                t = sp / (sp - sc)
                out.append(
                    (
                        previous[0] + t * (current[0] - previous[0]),
                        previous[1] + t * (current[1] - previous[1]),
                    )
                )
    return out


def build() -> dict[str, Any]:
    rng = np.random.default_rng(SEED)
    desa = _desa()
    kecamatan = sorted({d[0][:8] for d in desa})
    low, high = np.array(BOX[:2]), np.array(BOX[2:])
    seeds: list[np.ndarray] = []
    while len(seeds) < len(kecamatan):
        p = low + rng.random(2) * (high - low)
        if _inside(p, OUTLINE) and all(np.hypot(*(p - s)) > 0.18 for s in seeds):
            seeds.append(p)
    seeds_arr = np.array(seeds)
    points = []
    for d in desa:
        k = kecamatan.index(d[0][:8])
        while True:
            p = low + rng.random(2) * (high - low)
            nearest = int(np.argmin(np.hypot(*(seeds_arr - p).T)))
            if nearest == k and _inside(p, OUTLINE):
                points.append(p)
                break
    pts = np.array(points)
    mirrored = [pts]
    for axis, bound in ((0, BOX[0]), (0, BOX[2]), (1, BOX[1]), (1, BOX[3])):
        m = pts.copy()
        m[:, axis] = 2 * bound - m[:, axis]
        mirrored.append(m)
    vor = Voronoi(np.vstack(mirrored))
    features = []
    for i, (code, name, kec) in enumerate(desa):
        region = vor.regions[vor.point_region[i]]
        cell = [tuple(vor.vertices[v]) for v in region]
        centre = pts[i]
        cell.sort(key=lambda v: np.arctan2(v[1] - centre[1], v[0] - centre[0]))
        ring = [[round(float(x), 5), round(float(y), 5)] for x, y in _clip(cell, OUTLINE)]
        ring.append(ring[0])
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "KODE_DESA": code.replace(".", ""),
                    "NAMOBJ": name,
                    "WADMKC": kec,
                    "KETERANGAN": "SINTETIS - bukan batas resmi",
                },
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {
        "type": "FeatureCollection",
        "name": "batas_desa_1507_sintetis",
        "features": features,
    }


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(), separators=(",", ":")), encoding="utf-8")
    print(OUT)
