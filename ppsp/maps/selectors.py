"""Reads for the risk map: scoped access helpers (404) and the class of each desa per layer.

Layers (``MAP_COMPONENTS``): area berisiko per SSK component (air limbah, persampahan,
drainase; the final class, i.e. the Pokja override when there is one), the overall area
berisiko (the highest final class of the three SSK components [I]), the IRS components
sumber air and PHBS (no SSK map of their own, ehra-risk.md §7.1: classed equal-interval
within the kab/kota, 1–4) and the IRS total (its stored class).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy as _

from ppsp.compute.area_risk import SSK_COMPONENTS, class_within
from ppsp.compute.vocabulary import PHBS, SUMBER_AIR
from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.core.vocabulary import EHRA_COMPONENT_LABELS
from ppsp.ehra.figures import area_classes, irs_by_desa
from ppsp.ehra.labels import risk_classes_for_round
from ppsp.ehra.models import AreaRisk, DesaResult, SurveyRound
from ppsp.maps.models import BoundarySet, DesaBoundary
from ppsp.regions.models import Level, Region

IRS_ONLY = (SUMBER_AIR, PHBS)
MAP_COMPONENTS: dict[str, Any] = {
    "area": _("Area berisiko (kelas tertinggi)"),
    **{c: EHRA_COMPONENT_LABELS[c] for c in (*SSK_COMPONENTS, *IRS_ONLY)},
    "irs": _("Indeks Risiko Sanitasi (IRS)"),
}


def get_boundary_set_for_user(user: Any, pk: int) -> BoundarySet:
    """A boundary set to change: whoever may change the kab/kota's region data; else 404."""
    return object_for_user(user, BoundarySet, pk, Permission.EDIT_REGION_DATA, "region.code")


def active_set(kabkota_code: str) -> BoundarySet | None:
    return (
        BoundarySet.objects.filter(region__code=kabkota_code, active=True)
        .select_related("region")
        .first()
    )


def pick_round(region: Region, pk: Any = None) -> SurveyRound | None:
    """The requested round of this kab/kota, else the latest computed one, else the latest."""
    rounds = SurveyRound.objects.filter(region=region).select_related("region")
    if pk and str(pk).isdigit():
        chosen = rounds.filter(pk=int(pk)).first()
        if chosen is not None:
            return chosen
    return (
        rounds.filter(computed_at__isnull=False).order_by("-year").first()
        or rounds.order_by("-year").first()
    )


@dataclass(frozen=True)
class Cell:
    klass: int  # final class 0..4 (0 = tidak dinilai)
    score: float | None
    computed: int  # class before any override
    override_reason: str = ""


def _num(value: float | None) -> float | None:
    return None if value is None or not math.isfinite(value) else round(float(value), 2)


def layer_cells(survey: SurveyRound | None, desa: list[Region]) -> dict[str, dict[int, Cell]]:
    """component → desa pk → Cell, for every map layer, in a handful of queries."""
    layers: dict[str, dict[int, Cell]] = {c: {} for c in MAP_COMPONENTS}
    if survey is None:
        return layers
    codes = {d.pk: d.code for d in desa}
    final = area_classes(survey, SSK_COMPONENTS)  # the one selector of the class
    for area in AreaRisk.objects.filter(survey=survey, component__in=SSK_COMPONENTS):
        layers[area.component][area.desa_id] = Cell(
            final[area.component].get(codes.get(area.desa_id, ""), 0),
            _num(area.area),
            area.risk_class,
            area.override_reason if area.override_class is not None else "",
        )
    for pk in {p for c in SSK_COMPONENTS for p in layers[c]}:
        cells = [layers[c][pk] for c in SSK_COMPONENTS if pk in layers[c]]
        worst = max(cells, key=lambda cell: (cell.klass, cell.score or 0))
        layers["area"][pk] = Cell(
            worst.klass, worst.score, max(c.computed for c in cells), worst.override_reason
        )
    results = list(DesaResult.objects.filter(survey=survey))
    irs = irs_by_desa(survey)  # the one selector of IRS per desa
    for r in results:
        layers["irs"][r.desa_id] = Cell(
            r.irs_class, _num(irs.get(codes.get(r.desa_id, ""))), r.irs_class
        )
    if results:
        for component in IRS_ONLY:
            values = np.array(
                [
                    np.nan if getattr(r, component) is None else getattr(r, component)
                    for r in results
                ]
            )
            classes = class_within(values, np.zeros(len(results), dtype=np.int64))
            for r, value, klass in zip(results, values, classes, strict=True):
                layers[component][r.desa_id] = Cell(int(klass), _num(value), int(klass))
    return layers


def legend(survey: SurveyRound | None = None) -> list[tuple[int, str, str]]:
    """The round's classes 0..n as (number, translated label, colour)."""
    return risk_classes_for_round(survey).legend()


def map_payload(region: Region, survey: SurveyRound | None) -> dict[str, Any]:
    """GeoJSON FeatureCollection of the active set with every layer's class per desa."""
    boundary_set = active_set(region.code)
    desa = list(
        Region.objects.filter(kabkota_code=region.code, level=Level.DESA)
        .select_related("parent")
        .order_by("code")
    )
    layers = layer_cells(survey, desa)
    features = []
    if boundary_set is not None:
        by_pk = {d.pk: d for d in desa}
        for shape in DesaBoundary.objects.filter(boundary_set=boundary_set):
            d = by_pk[shape.desa_id]
            values = {}
            for component, cells in layers.items():
                cell = cells.get(d.pk, Cell(0, None, 0))
                values[component] = [cell.klass, cell.score, cell.computed, cell.override_reason]
            features.append(
                {
                    "type": "Feature",
                    "geometry": json.loads(shape.geometry),
                    "properties": {
                        "code": d.code,
                        "name": d.name,
                        "kecamatan": d.parent.name if d.parent else "",
                        "values": values,
                    },
                }
            )
    classes = risk_classes_for_round(survey)
    return {
        "type": "FeatureCollection",
        "features": features,
        # class → [label, colour] of the round's method version (a GeoJSON foreign member)
        "classes": {str(k): list(classes.of(k)) for k in sorted(classes.table)},
    }


def ranked_rows(
    survey: SurveyRound | None, component: str, desa: list[Region]
) -> list[tuple[Region, Cell]]:
    cells = layer_cells(survey, desa)[component]
    rows = [(d, cells.get(d.pk, Cell(0, None, 0))) for d in desa]
    rows.sort(key=lambda row: (-row[1].klass, -(row[1].score or 0), row[0].code))
    return rows
