"""Load the vendored boundaries (vendor/wilayah-boundaries) into the database, in bulk.

Provinsi, kab/kota and kecamatan outlines go to ``RegionBoundary`` with two simplified
copies (national and provincial zoom, ``ppsp.compute.geometry``); the desa of each kab/kota
go to an active ``BoundarySet`` exactly like an uploaded file, so the risk map, its exports
and a later upload of a newer Pemda/BIG file work the same way.

Idempotent: a row whose geometry checksum is unchanged is skipped; a kab/kota whose active
desa set was uploaded by a user (not this loader, not the synthetic demo) is kept and
reported. Every desa set written is audited (actor: the loader).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.geometry import bbox, simplify_multipolygon
from ppsp.maps.models import BoundarySet, DesaBoundary, RegionBoundary
from ppsp.regions.models import Level, Region

VENDOR_DIR = Path(settings.BASE_DIR) / "vendor" / "wilayah-boundaries"
SOURCE = "cahyadsn/wilayah_boundaries (MIT)"
ATTRIBUTION = "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), kode Kemendagri"
LEVEL_NAMES = {
    "provinsi": Level.PROVINSI,
    "kabkota": Level.KABKOTA,
    "kecamatan": Level.KECAMATAN,
    "desa": Level.DESA,
}
FILES = {Level.PROVINSI: "prov.geojson.gz", Level.KABKOTA: "kab.geojson.gz"}
FILES[Level.KECAMATAN] = "kec.geojson.gz"
# (tolerance in degrees, decimals kept) per zoom level; see compute.geometry.
MEDIUM = (0.002, 4)
LOW = (0.01, 3)
BATCH = 500


@dataclass
class LoadReport:
    written: dict[int, int] = field(default_factory=dict)  # level → rows created or updated
    unchanged: dict[int, int] = field(default_factory=dict)
    unknown: dict[int, list[str]] = field(default_factory=dict)  # codes not in master data
    without_polygon: dict[int, list[str]] = field(default_factory=dict)
    kept_uploads: list[str] = field(default_factory=list)  # kab/kota with a user's own set
    seconds: dict[int, float] = field(default_factory=dict)


def _features(path: Path) -> list[dict[str, Any]]:
    data = json.loads(gzip.decompress(path.read_bytes()))
    return list(data["features"])


def _polygons(feature: dict[str, Any]) -> list[Any]:
    geometry = feature["geometry"]
    coordinates = geometry["coordinates"]
    return [coordinates] if geometry["type"] == "Polygon" else list(coordinates)


def _text(polygons: list[Any]) -> str:
    return json.dumps({"type": "MultiPolygon", "coordinates": polygons}, separators=(",", ":"))


def _points(polygons: list[Any]) -> int:
    return sum(len(ring) for polygon in polygons for ring in polygon)


def _in(code: str, provinces: set[str] | None) -> bool:
    return provinces is None or code[:2] in provinces


def _load_outlines(
    level: int, directory: Path, provinces: set[str] | None, report: LoadReport, *, force: bool
) -> None:
    started = time.perf_counter()
    regions = Region.objects.filter(level=level)
    if provinces is not None:
        regions = regions.filter(province_code__in=provinces)
    ids = dict(regions.values_list("code", "pk"))
    existing = dict(
        RegionBoundary.objects.filter(region_id__in=ids.values()).values_list(
            "region_id", "checksum"
        )
    )
    rows, seen, unknown, unchanged = [], set(), [], 0
    for feature in _features(directory / FILES[level]):  # type: ignore[index]
        code = str(feature["properties"]["kode"])
        if not _in(code, provinces):
            continue
        if code not in ids:
            unknown.append(code)
            continue
        if code in seen:
            continue
        seen.add(code)
        polygons = _polygons(feature)
        text = _text(polygons)
        checksum = hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()
        if existing.get(ids[code]) == checksum and not force:
            unchanged += 1
            continue
        medium = simplify_multipolygon(polygons, MEDIUM[0], decimals=MEDIUM[1])
        # the national copy is simplified from the provincial one (half the points to walk;
        # its error bound is the sum of both tolerances, 0.012° ≈ 1.3 km)
        low = simplify_multipolygon(medium, LOW[0], decimals=LOW[1])
        min_lon, min_lat, max_lon, max_lat = bbox(polygons)
        rows.append(
            RegionBoundary(
                region_id=ids[code],
                level=level,
                source=SOURCE,
                checksum=checksum,
                geometry=text,
                geometry_medium=_text(medium),
                geometry_low=_text(low),
                points=_points(polygons),
                points_medium=_points(medium),
                points_low=_points(low),
                min_lon=min_lon,
                min_lat=min_lat,
                max_lon=max_lon,
                max_lat=max_lat,
            )
        )
    with transaction.atomic():
        RegionBoundary.objects.bulk_create(
            rows,
            batch_size=BATCH,
            update_conflicts=True,
            unique_fields=["region"],
            update_fields=[
                "level",
                "source",
                "checksum",
                "geometry",
                "geometry_medium",
                "geometry_low",
                "points",
                "points_medium",
                "points_low",
                "min_lon",
                "min_lat",
                "max_lon",
                "max_lat",
                "loaded_at",
            ],
        )
    report.written[level] = report.written.get(level, 0) + len(rows)
    report.unchanged[level] = report.unchanged.get(level, 0) + unchanged
    report.unknown.setdefault(level, []).extend(unknown)
    report.without_polygon.setdefault(level, []).extend(sorted(set(ids) - seen))
    report.seconds[level] = report.seconds.get(level, 0.0) + time.perf_counter() - started


def _desa_texts(features: list[tuple[int, dict[str, Any]]]) -> tuple[list[str], str]:
    """GeoJSON text of each desa and the md5 of them all (cheap: no geometry work)."""
    texts = [_text(_polygons(feature)) for _, feature in features]
    digest = hashlib.md5(usedforsecurity=False)
    for text in texts:
        digest.update(text.encode())
    return texts, digest.hexdigest()


def _desa_rows(
    features: list[tuple[int, dict[str, Any]]], texts: list[str], desa_ids: dict[str, int]
) -> tuple[list[DesaBoundary], int]:
    rows, total = [], 0
    for (number, feature), text in zip(features, texts, strict=True):
        polygons = _polygons(feature)
        total += _points(polygons)
        min_lon, min_lat, max_lon, max_lat = bbox(polygons)
        rows.append(
            DesaBoundary(
                desa_id=desa_ids[str(feature["properties"]["kode"])],
                feature_number=number,
                matched_by="kode",
                geometry=text,
                min_lon=min_lon,
                min_lat=min_lat,
                max_lon=max_lon,
                max_lat=max_lat,
            )
        )
    return rows, total


def _load_desa_province(province: str, path: Path, report: LoadReport, *, force: bool) -> None:
    started = time.perf_counter()
    desa_ids = dict(
        Region.objects.filter(level=Level.DESA, province_code=province).values_list("code", "pk")
    )
    kabkotas = dict(
        Region.objects.filter(level=Level.KABKOTA, province_code=province).values_list("code", "pk")
    )
    by_kabkota: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    seen: set[str] = set()
    unknown = []
    for number, feature in enumerate(_features(path), start=1):
        code = str(feature["properties"]["kode"])
        if code not in desa_ids or code[:5] not in kabkotas:
            unknown.append(code)
        elif code not in seen:
            seen.add(code)
            by_kabkota.setdefault(code[:5], []).append((number, feature))
    active = {
        s.region_id: s
        for s in BoundarySet.objects.filter(region_id__in=kabkotas.values(), active=True)
    }
    written = unchanged = 0
    with transaction.atomic():
        for kabkota, features in sorted(by_kabkota.items()):
            current = active.get(kabkotas[kabkota])
            if current is not None and current.source != SOURCE and not current.synthetic:
                report.kept_uploads.append(kabkota)
                continue
            texts, checksum = _desa_texts(features)
            if current is not None and current.checksum == checksum and not force:
                unchanged += len(texts)
                continue
            rows, points = _desa_rows(features, texts, desa_ids)
            if current is not None:
                current.delete()
            boundary_set = BoundarySet.objects.create(
                region_id=kabkotas[kabkota],
                filename=f"wilayah-boundaries/desa/{path.name}",
                source=SOURCE,
                active=True,
                feature_count=len(rows),
                points=points,
                checksum=checksum,
            )
            for row in rows:
                row.boundary_set = boundary_set
            DesaBoundary.objects.bulk_create(rows, batch_size=BATCH)
            audit_record(
                actor=None,
                obj=boundary_set,
                action=Action.IMPORT,
                changes=[
                    {
                        "field": "active",
                        "old": current.filename if current is not None else None,
                        "new": boundary_set.filename,
                    }
                ],
                reason=f"load_boundaries: {len(rows)} desa ({SOURCE})",
                region_code=kabkota,
            )
            written += len(rows)
    report.written[Level.DESA] = report.written.get(Level.DESA, 0) + written
    report.unchanged[Level.DESA] = report.unchanged.get(Level.DESA, 0) + unchanged
    report.unknown.setdefault(Level.DESA, []).extend(unknown)
    report.without_polygon.setdefault(Level.DESA, []).extend(sorted(set(desa_ids) - seen))
    report.seconds[Level.DESA] = report.seconds.get(Level.DESA, 0.0) + (
        time.perf_counter() - started
    )


def boundaries_load(
    *,
    levels: Iterable[int] = tuple(LEVEL_NAMES.values()),
    provinces: Iterable[str] | None = None,
    force: bool = False,
    directory: Path = VENDOR_DIR,
) -> LoadReport:
    """Load the chosen levels (all provinces, or only ``provinces``) and report counts."""
    chosen = set(provinces) if provinces is not None else None
    report = LoadReport()
    for level in sorted(set(levels)):
        if level in FILES:
            _load_outlines(level, directory, chosen, report, force=force)
            continue
        files = sorted((directory / "desa").glob("*.geojson.gz"))
        for path in files:
            province = path.name.split(".")[0]
            if chosen is None or province in chosen:
                _load_desa_province(province, path, report, force=force)
    return report
