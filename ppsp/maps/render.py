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
from matplotlib.patches import FancyArrow, Patch, Rectangle

from ppsp.compute.numbers import id_number
from ppsp.ehra.labels import risk_classes_for_round
from ppsp.ehra.models import SurveyRound
from ppsp.maps.loading import ATTRIBUTION, SOURCE
from ppsp.maps.selectors import MAP_COMPONENTS, active_set, map_payload, pick_round
from ppsp.regions.models import Region

DPI = 100
KM_PER_DEGREE = 111.32  # length of one degree of latitude (and of longitude at the equator)


def scale_length_km(span_km: float) -> float:
    """A round bar length (1, 2, 5 × 10^n km) close to a quarter of the map width."""
    target = max(span_km / 4, 1e-3)
    magnitude = 10 ** math.floor(math.log10(target))
    return float(max(m * magnitude for m in (1, 2, 5) if m * magnitude <= target))


def draw_north_arrow(
    fig: Any, scale: float, box: tuple[float, ...] = (0.86, 0.2, 0.06, 0.12)
) -> None:
    """A north arrow with "U" (utara) in its own small axes at ``box`` (figure fraction)."""
    arrow_ax = fig.add_axes(box)
    arrow_ax.set_axis_off()
    arrow_ax.set_xlim(0, 1)
    arrow_ax.set_ylim(0, 1)
    arrow_ax.add_patch(
        FancyArrow(0.5, 0.05, 0, 0.6, width=0.12, head_width=0.4, head_length=0.25, color="#222")
    )
    arrow_ax.text(0.5, 0.93, "U", ha="center", va="center", fontsize=14 * scale, weight="bold")


def draw_scale_bar(ax: Any, min_lon: float, max_lon: float, min_lat: float, max_lat: float) -> None:
    """Draw a black/white scale bar in the lower left of the map axes (km at mid latitude)."""
    mid = math.radians((min_lat + max_lat) / 2)
    km_per_lon = KM_PER_DEGREE * math.cos(mid)
    length = scale_length_km((max_lon - min_lon) * km_per_lon)
    degrees = length / km_per_lon
    x0 = min_lon + (max_lon - min_lon) * 0.04
    y0 = min_lat + (max_lat - min_lat) * 0.04
    height = (max_lat - min_lat) * 0.012
    for k in range(2):
        ax.add_patch(
            Rectangle(
                (x0 + k * degrees / 2, y0),
                degrees / 2,
                height,
                facecolor="#222222" if k == 0 else "#ffffff",
                edgecolor="#222222",
                linewidth=0.8,
                zorder=5,
            )
        )
    label = f"{id_number(length, 1, strip_zeros=True)} km"  # 1.000 km, 0,5 km
    ax.text(x0, y0 + height * 1.8, "0", fontsize=7, ha="center", zorder=5)
    ax.text(x0 + degrees, y0 + height * 1.8, label, fontsize=7, ha="center", zorder=5)


def _figure(region: Region, survey: SurveyRound | None, component: str, width_px: int) -> Any:
    boundary_set = active_set(region.code)
    payload = map_payload(region, survey)
    if boundary_set is None or not payload["features"]:
        return None
    component = component if component in MAP_COMPONENTS else "area"
    polygons: list[list[list[float]]] = []
    colours: list[str] = []
    scheme = risk_classes_for_round(survey)
    counts = dict.fromkeys(scheme.table, 0)
    lons: list[float] = []
    lats: list[float] = []
    for feature in payload["features"]:
        klass = feature["properties"]["values"][component][0]
        counts[klass] += 1
        for polygon in feature["geometry"]["coordinates"]:
            outer = polygon[0]  # holes are rare for desa; the outer ring is drawn
            polygons.append(outer)
            colours.append(scheme.colour(klass))
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
    draw_scale_bar(ax, min_lon - pad_x, max_lon + pad_x, min_lat - pad_y, max_lat + pad_y)
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
        Patch(
            facecolor=scheme.colour(k),
            edgecolor="#666666",
            label=f"{scheme.label(k)} ({counts[k]} desa)",
        )
        for k in range(scheme.count, -1, -1)
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
    draw_north_arrow(fig, scale)
    synthetic = " (SINTETIS, bukan batas resmi)" if boundary_set.synthetic else ""
    source = boundary_set.source or boundary_set.filename
    fig.text(
        0.03,
        0.055,
        f"Sumber: hasil EHRA dan area berisiko PPSP Planner{year}. "
        "Kelas 1–4 interval sama dalam kab/kota; warna dari tabel kelas risiko.",
        fontsize=8 * scale,
        color="#444444",
    )
    attribution = ATTRIBUTION if boundary_set.source == SOURCE else f"Batas desa: {source}"
    fig.text(
        0.03,
        0.025,
        f"{attribution}{synthetic}. Proyeksi geografis WGS84.",
        fontsize=8 * scale,
        color="#444444",
        gid="attribution",
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
