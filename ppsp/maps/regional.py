"""Reads for the national and provincial choropleths: kab/kota outlines and indicators.

Geometry and indicators are separate payloads: the outlines (public administrative data,
identical for every user of a scope) are served simplified per zoom level and cached as
gzipped bytes; the indicators are small and read per request from stored figures (no
recomputation): PPSP stage reached, SSK age, pemutakhiran triggers firing, monev
realisation % (precomputed ``KabkotaScore``) and akses sanitasi layak % (latest computed
EHRA round).
"""

from __future__ import annotations

import gzip
import json
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.core.access import province_for_user, require_national
from ppsp.core.permissions import Permission
from ppsp.cycles.trigger_data import triggers_for
from ppsp.documents.models import DocType, Document
from ppsp.maps.loading import ATTRIBUTION
from ppsp.maps.models import RegionBoundary
from ppsp.monev.models import Aggregate, KabkotaScore
from ppsp.profiles.figures import sanitasi_access
from ppsp.programme.models import Participation
from ppsp.regions.models import Level, Region

NATIONAL = "nasional"
DETAILS = {"low": "geometry_low", "medium": "geometry_medium", "full": "geometry"}
DEFAULT_DETAIL = {NATIONAL: "low"}  # a province: "medium"
CACHE_SECONDS = 24 * 3600
INDICATORS: dict[str, Any] = {
    "stage": _("Tahapan PPSP tercapai"),
    "ssk_age": _("Umur SSK (tahun)"),
    "triggers": _("Pemicu pemutakhiran"),
    "realisation": _("Realisasi monev (%)"),
    "layak": _("Akses sanitasi layak (%)"),
}


RED, ORANGE, YELLOW, LIGHT, GREEN = "#c4320a", "#e8772e", "#f5b840", "#7cc8a4", "#1b7f56"
# Classes of each indicator, shared by the Leaflet map (sent in the indicator JSON) and the
# printed PNG/PDF: value < bins[0] → class 0, …, ≥ bins[-1] → last class. Stages are classed
# by their number (1..6).
SCALES: dict[str, dict[str, Any]] = {
    "stage": {
        "kind": "stage",
        "colours": ["#e0f2e9", "#b7e1cd", LIGHT, "#3fa679", GREEN, "#0b5b3c"],
    },
    "ssk_age": {
        "bins": [3, 6],
        "labels": ["0–2", "3–5", "> 5"],
        "colours": [GREEN, YELLOW, RED],
        "unit": "th",
    },
    "triggers": {
        "bins": [1, 2, 3],
        "labels": ["0", "1", "2", "≥ 3"],
        "colours": [GREEN, YELLOW, ORANGE, RED],
    },
    "realisation": {
        "bins": [25, 50, 75],
        "labels": ["< 25", "25–50", "50–75", "≥ 75"],
        "colours": [RED, ORANGE, LIGHT, GREEN],
        "unit": "%",
    },
    "layak": {
        "bins": [50, 75, 90],
        "labels": ["< 50", "50–75", "75–90", "≥ 90"],
        "colours": [RED, ORANGE, LIGHT, GREEN],
        "unit": "%",
    },
}
NO_DATA = "#d0d5dd"


def classify(key: str, value: float | None, stages: int) -> int:
    """Class index of ``value`` for indicator ``key``; -1 when there is no value."""
    if value is None:
        return -1
    scale = SCALES[key]
    if scale.get("kind") == "stage":
        return max(0, min(int(value), stages) - 1)
    return sum(1 for edge in scale["bins"] if value >= edge)


def scope_region_for_user(user: Any, scope: str) -> Region | None:
    """None for the national view (PMU only), else the province the user may see; 404."""
    if scope == NATIONAL:
        require_national(user, Permission.VIEW_NATIONAL_DASHBOARD)
        return None
    return province_for_user(user, scope, Permission.VIEW_PROGRAMME)


def _stamp() -> str:
    latest = RegionBoundary.objects.filter(level__in=(Level.PROVINSI, Level.KABKOTA)).aggregate(
        at=Max("loaded_at")
    )
    return latest["at"].isoformat() if latest["at"] else "none"


def outlines_gzip(scope: str, detail: str) -> tuple[bytes, str]:
    """Gzipped GeoJSON of the kab/kota of the scope (``nasional`` or a province code) at
    ``detail`` (low/medium/full), with the province outlines as a second layer; and its
    ETag. Cached until a reload of the boundaries changes the stamp."""
    stamp = _stamp()
    key = f"maps:outlines:{scope}:{detail}:{stamp}"
    cached = cache.get(key)
    if cached is not None:
        return cached, key
    column = DETAILS[detail]
    kabkota = RegionBoundary.objects.filter(level=Level.KABKOTA)
    provinces = RegionBoundary.objects.filter(level=Level.PROVINSI)
    if scope != NATIONAL:
        kabkota = kabkota.filter(region__province_code=scope)
        provinces = provinces.filter(region__code=scope)
    parts = []
    for level, rows in ((Level.KABKOTA, kabkota), (Level.PROVINSI, provinces)):
        for code, name, kind, geometry in rows.values_list(
            "region__code", "region__name", "region__kind", column
        ).order_by("region__code"):
            label = Region(name=name, kind=kind, level=level).display_name
            properties = json.dumps(
                {"code": code, "name": label, "kind": kind, "level": level},
                separators=(",", ":"),
            )
            parts.append(f'{{"type":"Feature","properties":{properties},"geometry":{geometry}}}')
    attribution = json.dumps(ATTRIBUTION)
    text = (
        f'{{"type":"FeatureCollection","attribution":{attribution},"features":[{",".join(parts)}]}}'
    )
    content = gzip.compress(text.encode(), compresslevel=6)
    cache.set(key, content, CACHE_SECONDS)
    return content, key


def _layak(region_ids: list[int]) -> dict[int, float]:
    """% of households with akses sanitasi layak per kab/kota: the EHRA value (latest
    computed round) of the one selector of that figure, `profiles.figures.sanitasi_access`."""
    out: dict[int, float] = {}
    for region_id, values in sanitasi_access(region_ids).items():
        for value in values:
            if value.indicator == "layak" and value.source.startswith("EHRA"):
                out[region_id] = value.value
                break
    return out


def indicators(user: Any, province: Region | None) -> dict[str, Any]:
    """Indicator values per kab/kota code of the scope (absent = no data)."""
    regions = Region.objects.filter(level=Level.KABKOTA)
    if province is not None:
        regions = regions.filter(province_code=province.code)
    ids = dict(regions.values_list("pk", "code"))
    values: dict[str, dict[str, Any]] = {code: {} for code in ids.values()}
    for region_id, number, name, cohort in Participation.objects.filter(
        region_id__in=ids
    ).values_list("region_id", "current_stage__number", "current_stage__name", "cohort_year"):
        values[ids[region_id]]["stage"] = number or 0
        values[ids[region_id]]["stage_name"] = name or ""
        values[ids[region_id]]["cohort"] = cohort
    year = timezone.localdate().year
    for region_id, start in (
        Document.objects.filter(region_id__in=ids, doc_type=DocType.SSK)
        .values("region_id")
        .annotate(start=Max("period_start"))
        .values_list("region_id", "start")
    ):
        values[ids[region_id]]["ssk_age"] = max(year - start, 0)
    for result in triggers_for(user):
        code = result.region.code
        if code in values:
            values[code]["triggers"] = len(result.fired)
    latest_year = KabkotaScore.objects.filter(region_id__in=ids).aggregate(y=Max("year"))["y"]
    if latest_year is not None:
        for region_id, realisation in KabkotaScore.objects.filter(
            region_id__in=ids, year=latest_year
        ).values_list("region_id", "realisation"):
            values[ids[region_id]]["realisation"] = round(100.0 * realisation, 1)
    for region_id, pct in _layak(list(ids)).items():
        values[ids[region_id]]["layak"] = pct
    return {
        "indicators": {key: str(label) for key, label in INDICATORS.items()},
        "realisation_year": latest_year,
        "values": values,
        "trend": realisation_trend(province),
        "scales": SCALES,
        "no_data": NO_DATA,
    }


def realisation_trend(province: Region | None) -> dict[str, list[Any]]:
    """Planned and realised Rp per year of the scope, from the stored monev aggregates."""
    rows = Aggregate.objects.filter(area_code=province.code if province else "").order_by("year")
    trend: dict[str, list[Any]] = {"years": [], "planned": [], "realised": []}
    for year, data in rows.values_list("year", "data"):
        trend["years"].append(year)
        trend["planned"].append(data.get("planned", 0))
        trend["realised"].append(data.get("realised", 0))
    return trend
