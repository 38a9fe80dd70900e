"""Printable national or provincial kab/kota choropleth (PNG/PDF) of one indicator.

Same outlines (the national or provincial zoom copy), classes and colours as the dashboard
map (``regional.SCALES``), with title, legend with counts, north arrow, scale bar, source
and boundary attribution.
"""

from __future__ import annotations

import io
import json
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

from django.utils import timezone
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ppsp.compute.numbers import id_number
from ppsp.maps import regional
from ppsp.maps.loading import ATTRIBUTION
from ppsp.maps.models import RegionBoundary
from ppsp.maps.render import DPI, draw_north_arrow, draw_scale_bar
from ppsp.programme.models import Stage
from ppsp.regions.models import Level, Region


def _labels(key: str, stages: list[str]) -> list[str]:
    scale = regional.SCALES[key]
    if scale.get("kind") == "stage":
        return [f"{i + 1}. {name}" for i, name in enumerate(stages)]
    unit = f" {scale['unit']}" if scale.get("unit") else ""
    return [f"{label}{unit}" for label in scale["labels"]]


def regions_figure(
    user: Any, province: Region | None, key: str, *, width_px: int = 1600
) -> Figure | None:
    key = key if key in regional.SCALES else "stage"
    column = "geometry_low" if province is None else "geometry_medium"
    rows = RegionBoundary.objects.filter(level=Level.KABKOTA)
    outlines = RegionBoundary.objects.filter(level=Level.PROVINSI)
    if province is not None:
        rows = rows.filter(region__province_code=province.code)
        outlines = outlines.filter(region__code=province.code)
    shapes = list(rows.values_list("region__code", column))
    if not shapes:
        return None
    data = regional.indicators(user, province)
    stages = list(Stage.objects.order_by("number").values_list("name", flat=True))
    scale = regional.SCALES[key]
    polygons, colours, counts = [], [], dict.fromkeys(range(-1, len(scale["colours"])), 0)
    for code, text in shapes:
        klass = regional.classify(key, data["values"].get(code, {}).get(key), len(stages))
        counts[klass] += 1
        colour = regional.NO_DATA if klass < 0 else scale["colours"][klass]
        for polygon in json.loads(text)["coordinates"]:
            polygons.append(polygon[0])
            colours.append(colour)
    lines = [
        ring
        for (text,) in outlines.values_list(column)
        for polygon in json.loads(text)["coordinates"]
        for ring in polygon
    ]
    points = [p for polygon in polygons for p in polygon]
    min_lon, max_lon = min(p[0] for p in points), max(p[0] for p in points)
    min_lat, max_lat = min(p[1] for p in points), max(p[1] for p in points)
    aspect = 1 / math.cos(math.radians((min_lat + max_lat) / 2))
    width_in = width_px / DPI
    map_h = (max_lat - min_lat) * aspect / max(max_lon - min_lon, 1e-9)
    height_in = min(max(width_in * 0.72 * map_h + 2.4, width_in * 0.5), width_in * 1.6)
    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    ax = fig.add_axes((0.03, 0.14, 0.72, 0.74))
    ax.add_collection(
        PolyCollection(polygons, facecolors=colours, edgecolors="#ffffff", linewidths=0.3)
    )
    ax.add_collection(LineCollection(lines, colors="#475467", linewidths=0.8))
    pad_x, pad_y = (max_lon - min_lon) * 0.03, (max_lat - min_lat) * 0.03
    ax.set_xlim(min_lon - pad_x, max_lon + pad_x)
    ax.set_ylim(min_lat - pad_y, max_lat + pad_y)
    ax.set_aspect(aspect)
    ax.tick_params(labelsize=7, colors="#555555")
    draw_scale_bar(ax, min_lon - pad_x, max_lon + pad_x, min_lat - pad_y, max_lat + pad_y)
    size = width_px / 1600
    where = province.display_name if province is not None else "Indonesia (514 kab/kota)"
    label = str(regional.INDICATORS[key])
    fig.text(0.03, 0.955, f"{label} — {where}", fontsize=16 * size, weight="bold", va="top")
    today = timezone.localdate().strftime("%d-%m-%Y")
    fig.text(0.03, 0.915, f"PPSP Planner · {today}", fontsize=11 * size, va="top")
    handles = [
        Patch(facecolor=colour, edgecolor="#666666", label=f"{text} ({id_number(counts[i])})")
        for i, (text, colour) in enumerate(
            zip(_labels(key, stages), scale["colours"], strict=False)
        )
    ]
    handles.append(
        Patch(
            facecolor=regional.NO_DATA,
            edgecolor="#666666",
            label=f"Belum ada data ({id_number(counts[-1])})",
        )
    )
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.77, 0.86),
        title=label,
        fontsize=9 * size,
        title_fontsize=10 * size,
        frameon=False,
    )
    draw_north_arrow(fig, size)
    year = f" (tahun {data['realisation_year']})" if key == "realisation" else ""
    fig.text(
        0.03,
        0.055,
        f"Sumber: data program PPSP, dokumen SSK, monev dan EHRA di PPSP Planner{year}.",
        fontsize=8 * size,
        color="#444444",
    )
    fig.text(
        0.03, 0.025, f"{ATTRIBUTION}. Proyeksi geografis WGS84.", fontsize=8 * size, color="#444444"
    )
    return fig


def regions_export(user: Any, province: Region | None, key: str, fmt: str) -> bytes | None:
    fig = regions_figure(user, province, key)
    if fig is None:
        return None
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, facecolor="white")
    return buffer.getvalue()
