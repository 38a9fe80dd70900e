"""Read desa boundaries from GeoJSON or a zipped shapefile into plain features.

No Django here: every problem is a :class:`BoundaryError` whose message is
Indonesian and names the file, the feature number (1-based) and the property or member.
Geometry is normalised to MultiPolygon coordinates ``[[[ [lon, lat], ... ], ...], ...]``
in WGS84 degrees.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

MultiPolygon = list[list[list[list[float]]]]


class BoundaryError(Exception):
    """All problems of one upload; nothing is stored when raised."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class Feature:
    number: int  # 1-based position in the file
    properties: dict[str, Any]
    coordinates: MultiPolygon
    bbox: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0))


WGS84_NAMES = ("urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:epsg::4326", "epsg:4326")


def _ring(raw: Any, where: str) -> list[list[float]]:
    if not isinstance(raw, list) or len(raw) < 4:
        raise ValueError(f"{where}: cincin poligon harus memiliki sedikitnya 4 titik")
    ring: list[list[float]] = []
    for point in raw:
        if (
            not isinstance(point, list | tuple)
            or len(point) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in point[:2])
        ):
            raise ValueError(f"{where}: titik koordinat tidak valid ({str(point)[:40]})")
        lon, lat = float(point[0]), float(point[1])
        if not (math.isfinite(lon) and math.isfinite(lat)):
            raise ValueError(f"{where}: koordinat bukan angka")
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise ValueError(
                f"{where}: koordinat ({lon:g}, {lat:g}) di luar rentang derajat — "
                "sistem koordinat harus WGS84 (EPSG:4326), bukan proyeksi UTM/meter"
            )
        ring.append([lon, lat])
    if ring[0] != ring[-1]:
        ring.append(list(ring[0]))
    return ring


def normalise_geometry(geometry: Any, where: str) -> MultiPolygon:
    """Polygon or MultiPolygon GeoJSON geometry → MultiPolygon coordinates (validated)."""
    if not isinstance(geometry, dict):
        raise ValueError(f"{where}: properti geometry kosong atau bukan objek")
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coords]
    elif kind == "MultiPolygon":
        polygons = coords if isinstance(coords, list) else None  # type: ignore[assignment]
    else:
        raise ValueError(f"{where}: jenis geometri {kind!r} tidak didukung (Polygon/MultiPolygon)")
    if not polygons:
        raise ValueError(f"{where}: koordinat geometri kosong")
    out: MultiPolygon = []
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            raise ValueError(f"{where}: poligon tanpa cincin")
        out.append([_ring(ring, where) for ring in polygon])
    return out


def bbox_of(coordinates: MultiPolygon) -> tuple[float, float, float, float]:
    lons = [p[0] for polygon in coordinates for ring in polygon for p in ring]
    lats = [p[1] for polygon in coordinates for ring in polygon for p in ring]
    return (min(lons), min(lats), max(lons), max(lats))


def read_geojson(content: bytes, filename: str) -> list[Feature]:
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BoundaryError([f"{filename}: bukan GeoJSON yang valid ({error})"]) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise BoundaryError([f"{filename}: GeoJSON harus berupa FeatureCollection"])
    crs = data.get("crs")
    if isinstance(crs, dict):
        name = str((crs.get("properties") or {}).get("name", "")).lower()
        if name and not any(name.endswith(n.split(":")[-1]) or name == n for n in WGS84_NAMES):
            raise BoundaryError(
                [f"{filename}: sistem koordinat {name!r} bukan WGS84; ekspor ulang ke EPSG:4326"]
            )
    raw_features = data.get("features")
    if not isinstance(raw_features, list) or not raw_features:
        raise BoundaryError([f"{filename}: FeatureCollection tidak berisi fitur"])
    features, errors = [], []
    for number, raw in enumerate(raw_features, start=1):
        where = f"{filename}, fitur {number}, geometry"
        try:
            if not isinstance(raw, dict):
                raise ValueError(f"{filename}, fitur {number}: bukan objek Feature")
            coordinates = normalise_geometry(raw.get("geometry"), where)
        except ValueError as error:
            errors.append(str(error))
            continue
        properties = raw.get("properties") or {}
        features.append(Feature(number, dict(properties), coordinates, bbox_of(coordinates)))
    if errors:
        raise BoundaryError(errors)
    return features


def _prj_is_wgs84(text: str) -> bool:
    upper = text.upper().replace(" ", "_")
    return "PROJCS" not in upper and "GEOGCS" in upper and ("WGS_1984" in upper or "WGS84" in upper)


def read_shapefile_zip(content: bytes, filename: str) -> list[Feature]:
    import shapefile  # pyshp

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise BoundaryError([f"{filename}: bukan berkas ZIP yang valid"]) from None
    names = {n.lower(): n for n in archive.namelist() if not n.endswith("/")}
    shp = [n for n in names if n.endswith(".shp")]
    if len(shp) != 1:
        raise BoundaryError([f"{filename}: ZIP harus berisi tepat satu berkas .shp"])
    stem = shp[0][:-4]
    missing = [ext for ext in (".shx", ".dbf", ".prj") if stem + ext not in names]
    if missing:
        raise BoundaryError(
            [f"{filename}: berkas {', '.join(missing)} tidak ada di dalam ZIP (wajib bersama .shp)"]
        )
    prj = archive.read(names[stem + ".prj"]).decode("latin-1")
    if not _prj_is_wgs84(prj):
        raise BoundaryError(
            [
                f"{filename}: sistem koordinat di {stem}.prj bukan WGS84 geografis (EPSG:4326); "
                "proyeksikan ulang ke WGS84 di aplikasi GIS lalu unggah lagi"
            ]
        )
    try:
        reader = shapefile.Reader(
            shp=io.BytesIO(archive.read(names[stem + ".shp"])),
            shx=io.BytesIO(archive.read(names[stem + ".shx"])),
            dbf=io.BytesIO(archive.read(names[stem + ".dbf"])),
        )
        pairs = list(zip(reader.shapes(), reader.records(), strict=True))
    except Exception as error:  # pyshp raises several types for corrupt files
        raise BoundaryError([f"{filename}: shapefile tidak dapat dibaca ({error})"]) from None
    features, errors = [], []
    for number, (shape, record) in enumerate(pairs, start=1):
        where = f"{filename}, fitur {number}, geometri"
        try:
            geometry = shape.__geo_interface__ if shape.points else None
            coordinates = normalise_geometry(_as_lists(geometry), where)
        except Exception as error:  # pyshp geometry errors vary by version
            errors.append(str(error) if isinstance(error, ValueError) else f"{where}: {error}")
            continue
        properties = {k: v for k, v in record.as_dict().items()}
        features.append(Feature(number, properties, coordinates, bbox_of(coordinates)))
    if errors:
        raise BoundaryError(errors)
    if not features:
        raise BoundaryError([f"{filename}: shapefile tidak berisi fitur"])
    return features


def _as_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_as_lists(v) for v in value]
    return value


def read_boundaries(content: bytes, filename: str) -> list[Feature]:
    """Dispatch on the file name: ``.zip`` shapefile, otherwise GeoJSON."""
    if filename.lower().endswith(".zip") or content[:2] == b"PK":
        return read_shapefile_zip(content, filename)
    return read_geojson(content, filename)


# --- matching features to desa ------------------------------------------------------------

CODE_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})(\d{4})$")
NAME_KEYS = ("desa", "nama_desa", "namobj", "wadmkd", "kelurahan", "desa_kel", "nama", "name")
KECAMATAN_KEYS = ("kecamatan", "nama_kec", "wadmkc", "kec", "nm_kec")


def normalise_code(value: Any) -> str | None:
    """'15.07.01.2001', '1507012001', 1507012001 → '15.07.01.2001'; anything else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    digits = re.sub(r"[\s.\-_/]", "", str(value))
    match = CODE_RE.match(digits)
    return ".".join(match.groups()) if match else None


def normalise_name(value: Any) -> str:
    text = str(value or "").lower()
    text = re.sub(r"^(desa|kelurahan|kel\.|ds\.)\s+", "", text.strip())
    return re.sub(r"[^a-z0-9]", "", text)


def pick(properties: dict[str, Any], keys: tuple[str, ...]) -> str:
    lowered = {str(k).lower(): v for k, v in properties.items()}
    for key in keys:
        if lowered.get(key) not in (None, ""):
            return str(lowered[key])
    return ""
