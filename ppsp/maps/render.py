"""Printable choropleth (PNG/PDF) of one layer, rendered server-side with matplotlib (Agg).

``choropleth_png(kabkota_code, component)`` is the stable entry point used by the
documents helper for SSK maps: it returns ``None`` when the kab/kota has no boundaries.
"""

from __future__ import annotations

import io
import math
from typing import Any

import matplotlib

matplotlib.use("Agg")

from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrow, Patch

from ppsp.compute.area_risk import RISK_CLASSES
from ppsp.ehra.models import SurveyRound
from ppsp.maps.selectors import MAP_COMPONENTS, active_set, map_payload, pick_round
from ppsp.regions.models import Region

DPI = 100


def _figure(region: Region, survey: SurveyRound | None, component: str, width_px: int) -> Any:
    boundary_set = active_set(region.code)
    payload = map_payload(region, survey)
    if boundary_set is None or not payload["features"]:
        return None
    component = component if component in MAP_COMPONENTS else "area"
    polygons: list[list[list[float]]] = []
    colours: list[str] = []
    counts = dict.fromkeys(RISK_CLASSES, 0)
    lons: list[float] = []
    lats: list[float] = []
    for feature in payload["features"]:
        klass = feature["properties"]["values"][component][0]
        counts[klass] += 1
        for polygon in feature["geometry"]["coordinates"]:
            outer = polygon[0]  # holes are rare for desa; the outer ring is drawn
            polygons.append(outer)
            colours.append(RISK_CLASSES[klass][1])
            lons += [p[0] for p in outer]
            lats += [p[1] for p in outer]
    min_lon, max_lon, min_lat, max_lat = min(lons), max(lons), min(lats), max(lats)
    aspect = 1 / math.cos(math.radians((min_lat + max_lat) / 2))
    width_in = width_px / DPI
    map_h = (max_lat - min_lat) * aspect / max(max_lon - min_lon, 1e-9)
    height_in = min(max(width_in * 0.72 * map_h + 2.4, width_in * 0.5), width_in * 1.6)
    fig = Figure(figsize=(width_in, height_in), dpi=DPI)
    ax = fig.add_axes((0.03, 0.14, 0.72, 0.74))
    ax.add_collection(
        PolyCollection(polygons, facecolors=colours, edgecolors="#ffffff", linewidths=0.6)
    )
    pad_x, pad_y = (max_lon - min_lon) * 0.03, (max_lat - min_lat) * 0.03
    ax.set_xlim(min_lon - pad_x, max_lon + pad_x)
    ax.set_ylim(min_lat - pad_y, max_lat + pad_y)
    ax.set_aspect(aspect)
    ax.tick_params(labelsize=7, colors="#555555")
    for side in ax.spines.values():
        side.set_color("#999999")
    scale = width_px / 1600
    label = str(MAP_COMPONENTS[component])
    year = f" · EHRA {survey.year}" if survey else ""
    fig.text(
        0.03,
        0.955,
        f"Peta area berisiko sanitasi — {label}",
        fontsize=16 * scale,
        weight="bold",
        va="top",
    )
    fig.text(0.03, 0.915, f"{region.display_name}{year}", fontsize=11 * scale, va="top")
    handles = [
        Patch(facecolor=colour, edgecolor="#666666", label=f"{name} ({counts[k]} desa)")
        for k, (name, colour) in sorted(RISK_CLASSES.items(), reverse=True)
    ]
    fig.legend(
        handles=handles,
        loc="upper left",
        bbox_to_anchor=(0.77, 0.86),
        title="Kelas",
        fontsize=9 * scale,
        title_fontsize=10 * scale,
        frameon=False,
    )
    arrow_ax = fig.add_axes((0.86, 0.2, 0.06, 0.12))
    arrow_ax.set_axis_off()
    arrow_ax.set_xlim(0, 1)
    arrow_ax.set_ylim(0, 1)
    arrow_ax.add_patch(
        FancyArrow(0.5, 0.05, 0, 0.6, width=0.12, head_width=0.4, head_length=0.25, color="#222")
    )
    arrow_ax.text(0.5, 0.93, "U", ha="center", va="center", fontsize=14 * scale, weight="bold")
    synthetic = " (SINTETIS, bukan batas resmi)" if boundary_set.synthetic else ""
    source = boundary_set.source or boundary_set.filename
    fig.text(
        0.03,
        0.03,
        f"Sumber: hasil EHRA dan area berisiko PPSP Planner{year}; batas desa: {source}"
        f"{synthetic}. Kelas 1–4 interval sama dalam kab/kota; warna dari tabel kelas risiko.",
        fontsize=8 * scale,
        color="#444444",
    )
    return fig


def _render(
    kabkota_code: str, component: str, width_px: int, fmt: str, round_pk: int | None
) -> bytes | None:
    region = Region.objects.filter(code=kabkota_code).first()
    if region is None:
        return None
    fig = _figure(region, pick_round(region, round_pk), component, width_px)
    if fig is None:
        return None
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, dpi=DPI, facecolor="white")
    return buffer.getvalue()


def choropleth_png(
    kabkota_code: str, component: str, *, width_px: int = 1600, round_pk: int | None = None
) -> bytes | None:
    """PNG bytes of the map of ``component`` for the kab/kota, or None without boundaries.

    The round is ``round_pk`` when given, else the latest computed EHRA round.
    """
    return _render(kabkota_code, component, width_px, "png", round_pk)


def choropleth_pdf(
    kabkota_code: str, component: str, *, width_px: int = 1600, round_pk: int | None = None
) -> bytes | None:
    """PDF of the same map (vector polygons), or None without boundaries."""
    return _render(kabkota_code, component, width_px, "pdf", round_pk)
