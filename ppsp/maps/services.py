"""Writes: upload desa boundaries as a draft (with the match preview), then commit it.

The upload is atomic: any error in the file stores nothing and reports every problem in
Indonesian with the file name, feature number and property. A committed set replaces the
kab/kota's previous active set in one transaction, audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.geometry import simplify_ring
from ppsp.core.access import require_permission
from ppsp.core.permissions import Permission
from ppsp.maps.geo import (
    KECAMATAN_KEYS,
    NAME_KEYS,
    BoundaryError,
    Feature,
    normalise_code,
    normalise_name,
    pick,
    read_boundaries,
)
from ppsp.maps.models import BoundarySet, DesaBoundary
from ppsp.regions.models import Level, Region

SIMPLIFY_ABOVE_POINTS = 20_000  # total vertices of a file before simplification applies
SIMPLIFY_TOLERANCE = 1e-4  # degrees ≈ 11 m


@dataclass
class Match:
    feature: Feature
    desa: Region | None
    by: str  # "kode", "nama" or "" (unmatched)
    reason: str = ""


def _require(by: Any, code: str) -> None:
    message = "Anda tidak berwenang mengubah batas desa kab/kota ini."
    require_permission(by, Permission.EDIT_REGION_DATA, code, message, exception=ValidationError)


def match_features(
    features: list[Feature], desa: list[Region], filename: str
) -> tuple[list[Match], list[str]]:
    """Match by a Kemendagri code in any property, else by desa name (within kecamatan)."""
    by_code = {d.code: d for d in desa}
    by_name: dict[tuple[str, str], list[Region]] = {}
    for d in desa:
        kecamatan = normalise_name(d.parent.name if d.parent else "")
        by_name.setdefault((normalise_name(d.name), kecamatan), []).append(d)
        by_name.setdefault((normalise_name(d.name), ""), []).append(d)
    matches, errors = [], []
    for feature in features:
        codes = [c for c in (normalise_code(v) for v in feature.properties.values()) if c]
        name = pick(feature.properties, NAME_KEYS)
        where = f"{filename}, fitur {feature.number}"
        if codes:
            code = next((c for c in codes if c in by_code), None)
            if code is not None:
                matches.append(Match(feature, by_code[code], "kode"))
                continue
        if not codes and not name:
            errors.append(
                f"{where}: tidak ada properti kode desa (mis. KODE_DESA '15.07.01.2001') "
                f"maupun nama desa ({', '.join(NAME_KEYS[:4])})"
            )
            continue
        kecamatan = normalise_name(pick(feature.properties, KECAMATAN_KEYS))
        found = by_name.get((normalise_name(name), kecamatan), []) if name else []
        if name and not found and kecamatan:
            found = by_name.get((normalise_name(name), ""), [])
        if len(found) == 1:
            matches.append(Match(feature, found[0], "nama"))
        else:
            reason = (
                f"kode {codes[0]} bukan desa kab/kota ini"
                if codes
                else f"nama '{name}' {'ganda' if found else 'tidak dikenal'}"
            )
            matches.append(Match(feature, None, "", reason))
    seen: dict[int, int] = {}
    for m in matches:
        if m.desa is not None:
            if m.desa.pk in seen:
                errors.append(
                    f"{filename}, fitur {m.feature.number}: desa {m.desa.code} {m.desa.name} "
                    f"sudah dipakai fitur {seen[m.desa.pk]}"
                )
            seen[m.desa.pk] = m.feature.number
    if not errors and not seen:
        errors.append(f"{filename}: tidak ada fitur yang cocok dengan desa kab/kota ini")
    return matches, errors


def _simplify(coordinates: list[Any]) -> list[Any]:
    return [
        [simplify_ring(ring, SIMPLIFY_TOLERANCE).tolist() for ring in polygon]
        for polygon in coordinates
    ]


def _points(coordinates: list[Any]) -> int:
    return sum(len(ring) for polygon in coordinates for ring in polygon)


@transaction.atomic
def boundary_upload(
    *,
    region: Region,
    content: bytes,
    filename: str,
    by: Any,
    source: str = "",
    synthetic: bool = False,
) -> BoundarySet:
    """Parse, validate and match a file; store it as a draft set (not yet shown on the map)."""
    _require(by, region.code)
    if region.level != Level.KABKOTA:
        raise ValidationError("Batas desa diunggah per kab/kota.")
    try:
        features = read_boundaries(content, filename)
    except BoundaryError as error:
        raise ValidationError(error.messages) from None
    desa = list(
        Region.objects.filter(kabkota_code=region.code, level=Level.DESA).select_related("parent")
    )
    matches, errors = match_features(features, desa, filename)
    if errors:
        raise ValidationError(errors)
    total = sum(_points(f.coordinates) for f in features)
    simplify = total > SIMPLIFY_ABOVE_POINTS
    boundary_set = BoundarySet.objects.create(
        region=region,
        filename=filename[:200],
        source=source[:200],
        synthetic=synthetic,
        feature_count=len(features),
        unmatched=[
            {
                "feature": m.feature.number,
                "reason": m.reason,
                "properties": {
                    str(k): str(v)[:60] for k, v in list(m.feature.properties.items())[:6]
                },
            }
            for m in matches
            if m.desa is None
        ],
        simplified_from=total if simplify else 0,
        uploaded_by=by if getattr(by, "pk", None) else None,
    )
    rows, points = [], 0
    for m in matches:
        if m.desa is None:
            continue
        coordinates = _simplify(m.feature.coordinates) if simplify else m.feature.coordinates
        points += _points(coordinates)
        flat = np.array([p for polygon in coordinates for ring in polygon for p in ring])
        rows.append(
            DesaBoundary(
                boundary_set=boundary_set,
                desa=m.desa,
                feature_number=m.feature.number,
                matched_by=m.by,
                geometry=json.dumps(
                    {"type": "MultiPolygon", "coordinates": coordinates}, separators=(",", ":")
                ),
                min_lon=float(flat[:, 0].min()),
                min_lat=float(flat[:, 1].min()),
                max_lon=float(flat[:, 0].max()),
                max_lat=float(flat[:, 1].max()),
            )
        )
    DesaBoundary.objects.bulk_create(rows)
    boundary_set.points = points
    boundary_set.save(update_fields=["points"])
    return boundary_set


@transaction.atomic
def boundary_commit(*, boundary_set: BoundarySet, by: Any) -> BoundarySet:
    """Make a draft set the kab/kota's active boundaries, replacing the previous set."""
    _require(by, boundary_set.region.code)
    if boundary_set.active:
        raise ValidationError("Batas desa ini sudah diterapkan.")
    previous = BoundarySet.objects.filter(region=boundary_set.region, active=True).first()
    if previous is not None:
        previous.delete()
    boundary_set.active = True
    boundary_set.save(update_fields=["active"])
    BoundarySet.objects.filter(region=boundary_set.region, active=False).exclude(
        pk=boundary_set.pk
    ).delete()
    audit_record(
        actor=by,
        obj=boundary_set,
        action=Action.IMPORT,
        changes=[
            {
                "field": "active",
                "old": previous.filename if previous else None,
                "new": boundary_set.filename,
            }
        ],
        reason=f"Batas desa diterapkan: {boundary_set.desa.count()} desa",
        region_code=boundary_set.region.code,
    )
    return boundary_set
