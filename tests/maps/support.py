"""Helpers for risk-map tests: small GeoJSON / zipped-shapefile fixtures and stored sets."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import shapefile

from ppsp.maps.models import BoundarySet, RegionBoundary
from ppsp.maps.services import boundary_commit, boundary_upload
from ppsp.regions.models import Level, Region

WGS84_PRJ = (
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
)
UTM_PRJ = (
    'PROJCS["WGS_1984_UTM_Zone_48S",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",'
    'SPHEROID["WGS_1984",6378137.0,298.257223563]]],PROJECTION["Transverse_Mercator"]]'
)


def square(i: int, size: float = 0.05) -> list[list[float]]:
    x, y = 103.4 + (i % 10) * size, -1.5 + (i // 10) * size
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]


def desa_list(kabkota: str, count: int | None = None) -> list[Region]:
    qs = Region.objects.filter(kabkota_code=kabkota, level=Level.DESA).select_related("parent")
    return list(qs.order_by("code")[:count] if count else qs.order_by("code"))


def geojson(features: list[dict[str, Any]]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def feature(properties: dict[str, Any], ring: list[list[float]]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def kabkota_geojson(kabkota: str, count: int | None = None) -> bytes:
    return geojson(
        [
            feature({"KODE_DESA": d.code.replace(".", ""), "NAMOBJ": d.name}, square(i))
            for i, d in enumerate(desa_list(kabkota, count))
        ]
    )


def shapefile_zip(
    rows: list[tuple[dict[str, str], list[list[float]]]], prj: str | None = WGS84_PRJ
) -> bytes:
    shp, shx, dbf = io.BytesIO(), io.BytesIO(), io.BytesIO()
    with shapefile.Writer(shp=shp, shx=shx, dbf=dbf, shapeType=shapefile.POLYGON) as writer:
        for name in rows[0][0]:
            writer.field(name, "C", size=60)
        for properties, ring in rows:
            writer.poly([list(reversed(ring))])  # shapefile outer rings run clockwise
            writer.record(*properties.values())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("batas.shp", shp.getvalue())
        archive.writestr("batas.shx", shx.getvalue())
        archive.writestr("batas.dbf", dbf.getvalue())
        if prj is not None:
            archive.writestr("batas.prj", prj)
    return out.getvalue()


def draft_in(kabkota: str) -> BoundarySet:
    return boundary_upload(
        region=Region.objects.get(code=kabkota),
        content=kabkota_geojson(kabkota, 4),
        filename="uji.geojson",
        by=None,
    )


def boundaries_in(kabkota: str) -> BoundarySet:
    existing = BoundarySet.objects.filter(region__code=kabkota, active=True).first()
    return existing or boundary_commit(boundary_set=draft_in(kabkota), by=None)


def outline_in(kabkota: str) -> RegionBoundary:
    """A small square outline of one kab/kota at every zoom level (no file read)."""
    text = json.dumps({"type": "MultiPolygon", "coordinates": [[square(0)]]})
    boundary, _ = RegionBoundary.objects.get_or_create(
        region=Region.objects.get(code=kabkota),
        defaults={
            "level": Level.KABKOTA,
            "source": "uji",
            "checksum": "uji",
            "geometry": text,
            "geometry_medium": text,
            "geometry_low": text,
            "min_lon": 103.4,
            "min_lat": -1.5,
            "max_lon": 103.45,
            "max_lat": -1.45,
        },
    )
    return boundary
