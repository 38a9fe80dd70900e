"""Reads of Bab 3.1–3.3: visi/misi, the sasaran and their check against national targets.

The sasaran are the KKL sasaran (indicator × baseline × target per year) of the kab/kota's
Proses 4 plan for the cycle's five years (``ppsp.mps``, read through the app registry so
that the scenarios app works without it); the national targets are ``NationalTarget``
rows (configuration). The check itself is ``ppsp.compute.targets.check``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps

from ppsp.compute.targets import NationalTarget as Target
from ppsp.compute.targets import Sasaran, TargetWarning, check
from ppsp.mps.models import Plan
from ppsp.regions.models import Region
from ppsp.scenarios.models import NationalTarget, Scenario, Vision, ZoneStage


@dataclass(frozen=True)
class SasaranRow:
    pk: int
    subsector: str
    tujuan: str
    sasaran: Sasaran
    text: str


def vision_of(region: Region, fiscal_year: int) -> Vision | None:
    return Vision.objects.filter(region=region, fiscal_year=fiscal_year).first()


def national_targets() -> list[Target]:
    return [
        Target(
            subsector=t.subsector,
            indicator=t.indicator,
            value=float(t.value),
            year=t.year,
            direction=t.direction,
            keywords=tuple(k.strip() for k in t.keywords.split(",") if k.strip()),
            source=t.source,
        )
        for t in NationalTarget.objects.filter(active=True)
    ]


def kkl_plan(region: Region, fiscal_year: int) -> Any | None:
    """The Proses 4 plan (Lampiran 4 / KKL) whose five years are this cycle's plan years."""
    return Plan.objects.filter(region=region, first_year=fiscal_year + 1).first()


def _targets(raw: dict[str, Any]) -> dict[int, float]:
    out = {}
    for year, value in (raw or {}).items():
        try:
            out[int(year)] = float(value)
        except (TypeError, ValueError):
            continue
    return out


def sasaran_rows(plan: Any | None) -> list[SasaranRow]:
    if plan is None:
        return []
    node_model = apps.get_model("mps", "KklNode")
    nodes = node_model.objects.filter(plan=plan, level="sasaran").select_related("parent")
    return [
        SasaranRow(
            pk=n.pk,
            subsector=n.subsector or (n.parent.subsector if n.parent else ""),
            tujuan=n.parent.text if n.parent else "",
            text=n.text,
            sasaran=Sasaran(
                subsector=n.subsector or (n.parent.subsector if n.parent else ""),
                indicator=n.indicator or n.text,
                baseline=float(n.baseline_value) if n.baseline_value is not None else None,
                baseline_year=n.baseline_year,
                targets=_targets(n.targets),
            ),
        )
        for n in nodes
    ]


def target_warnings(region: Region, fiscal_year: int) -> list[TargetWarning]:
    """Warnings of the sasaran of this cycle against the active national targets."""
    rows = sasaran_rows(kkl_plan(region, fiscal_year))
    return check([r.sasaran for r in rows], national_targets())


def stages_of(scenario: Scenario) -> list[ZoneStage]:
    """The zone stages with readable stage names (label_now, label_medium, label_long)."""
    from ppsp.scenarios.services.vision import stage_label

    stages = list(scenario.stages.all())
    for s in stages:
        s.label_now = stage_label(s.subsector, s.stage_now)  # type: ignore[attr-defined]
        s.label_medium = stage_label(s.subsector, s.stage_medium)  # type: ignore[attr-defined]
        s.label_long = stage_label(s.subsector, s.stage_long)  # type: ignore[attr-defined]
    return stages
