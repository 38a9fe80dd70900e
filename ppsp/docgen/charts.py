"""PNG images of the figures (matplotlib, Agg backend): gaps, IRS, stage timeline, map.

The map uses `ppsp.maps.render.choropleth_png` when that app provides it; otherwise a tile
grid: one row of tiles per kecamatan, one tile per desa, coloured by risk class.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Patch, Rectangle

from ppsp.docgen.doc import DocContext, Figure
from ppsp.docgen.fmt import id_number
from ppsp.maps.render import choropleth_png

DPI = 110


def _png(fig: Any) -> bytes:
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return out.getvalue()


def _id_axis(ax: Any) -> None:
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _p: id_number(v)))


def gaps_chart(data: dict[str, Any]) -> bytes:
    years = [str(y) for y in data["years"]]
    fig, ax = plt.subplots(figsize=(7, 3.4))
    x = range(len(years))
    ax.bar([i - 0.2 for i in x], data["need"], 0.4, label="Kebutuhan (a)", color="#2b6cb0")
    ax.bar([i + 0.2 for i in x], data["b"], 0.4, label="APBD murni (b)", color="#9ae6b4")
    ax.plot(list(x), data["c"], "o-", color="#dd6b20", label="Komitmen (c)")
    ax.plot(list(x), data["gap1"], "s--", color="#c53030", label="Gap 1 (a − b)")
    ax.set_xticks(list(x), years)
    ax.set_ylabel("Rp juta")
    _id_axis(ax)
    ax.legend(fontsize=8, ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def irs_chart(data: dict[str, Any]) -> bytes:
    labels = list(data)
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh(labels, [float(data[k]) for k in labels], color="#805ad5")
    ax.set_xlabel("Indeks risiko rata-rata (0–100)")
    ax.invert_yaxis()
    for i, k in enumerate(labels):
        ax.text(float(data[k]) + 0.5, i, id_number(float(data[k]), 1), va="center", fontsize=8)
    return _png(fig)


def timeline_chart(data: dict[str, Any]) -> bytes:
    bars = data["bars"]
    fig, ax = plt.subplots(figsize=(7, 0.45 * len(bars) + 1))
    for i, bar in enumerate(bars):
        width = max(bar["end"] - bar["start"], 20)
        ax.barh(i, width, left=bar["start"], color="#3182ce")
    ax.set_yticks(range(len(bars)), [b["label"] for b in bars], fontsize=8)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda v, _p: str(dt.date.fromordinal(int(v)).year))
    )
    return _png(fig)


def tile_map(data: dict[str, Any]) -> bytes:
    legend = data["legend"]
    by_kec: dict[str, list[dict[str, Any]]] = {}
    for tile in data["tiles"]:
        by_kec.setdefault(tile["kecamatan"], []).append(tile)
    width = max(min(max(len(v) for v in by_kec.values()), 30), 1)
    rows: list[tuple[str, list[dict[str, Any]]]] = []
    for kec, tiles in by_kec.items():
        for start in range(0, len(tiles), width):
            rows.append((kec if start == 0 else "", tiles[start : start + width]))
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(rows) + 1.2))
    for r, (_kec, tiles) in enumerate(rows):
        for c, tile in enumerate(tiles):
            colour = legend[str(tile["class"])][1]
            ax.add_patch(Rectangle((c, -r), 0.92, 0.92, color=colour))
    ax.set_xlim(0, width)
    ax.set_ylim(-len(rows) + 0.9, 1)
    ax.set_yticks([-r + 0.46 for r in range(len(rows))], [k for k, _t in rows], fontsize=7)
    ax.set_xticks([])
    ax.set_aspect("equal")
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    handles = [Patch(color=v[1], label=f"{k} {v[0]}") for k, v in legend.items()]
    ax.legend(handles=handles, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.02), ncols=3)
    return _png(fig)


def map_png(data: dict[str, Any]) -> bytes:
    """The maps app's choropleth (boundaries loaded) or else the tile grid."""
    try:
        png = choropleth_png(str(data["region"]), "area", width_px=1200)
    except Exception:  # a map failure must not stop the document
        png = None
    return png if png else tile_map(data)


RENDERERS = {"gaps": gaps_chart, "irs": irs_chart, "timeline": timeline_chart, "map": map_png}


def render_figure(figure: Figure) -> bytes:
    if not figure.png:
        figure.png = RENDERERS[figure.kind](figure.data)
    return figure.png


def render_figures(context: DocContext) -> None:
    """Draw each figure once; figures repeated in several sections share the image."""
    drawn: dict[str, bytes] = {}
    for figure in context.figures:
        key = f"{figure.kind}:{figure.title}"
        if key not in drawn:
            drawn[key] = render_figure(figure)
        figure.png = drawn[key]
