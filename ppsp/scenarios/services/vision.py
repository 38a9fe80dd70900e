"""Writes of Bab 3.1–3.3: visi dan misi sanitasi with misi/tujuan per subsector, and the
tahapan pengembangan of a zone (stage targets for 5 and 20 years). Atomic, audited.

The sasaran (indicator × baseline × target per year) are the KKL sasaran of the Proses 4
plan (``ppsp.mps``), read in ``scenarios.selectors.vision``; they are not duplicated here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from ppsp.audit.models import Action
from ppsp.audit.services import audited_update
from ppsp.core.freeze import ensure_not_frozen
from ppsp.regions.models import Level, Region
from ppsp.scenarios.models import Scenario, Subsector, Vision, ZoneStage
from ppsp.scenarios.services import require, scenario_for_edit

VISION_FIELDS = ("visi_kabkota", "misi_kabkota", "visi_sanitasi", "subsectors")
STAGE_FIELDS = (
    "system",
    "desa",
    "stage_now",
    "stage_medium",
    "stage_long",
    "target_medium_pct",
    "target_long_pct",
)
STAGES = {
    "air_limbah": (
        "BABS",
        "Setempat layak (tangki septik)",
        "Setempat + LLTT/IPLT (akses aman)",
        "Komunal / SPALD-T skala permukiman",
        "SPALD-T skala kawasan/perkotaan",
    ),
    "persampahan": (
        "Tidak terlayani / dibakar",
        "Pengolahan setempat / 3R",
        "Pengumpulan ke TPS",
        "TPS 3R / transfer depo",
        "Pengangkutan ke TPA (controlled/sanitary landfill)",
    ),
}
"""Stage ladders of domain-ppsp.md §8.5 (model [I]); other subsectors use 0–4 as levels."""


def stage_label(subsector: str, stage: int) -> str:
    ladder = STAGES.get(subsector)
    return ladder[stage] if ladder and 0 <= stage < len(ladder) else f"Tahap {stage}"


def _clean_subsectors(values: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, item in values.items():
        if key not in Subsector.values:
            raise ValidationError(f"Subsektor tidak dikenal: {key}.")
        texts = {k: str(item.get(k, "")).strip() for k in ("misi", "tujuan")}
        if any(texts.values()):
            out[key] = texts
    return out


@transaction.atomic
def vision_save(
    *,
    region: Region,
    fiscal_year: int,
    by: Any,
    visi_sanitasi: str,
    visi_kabkota: str = "",
    misi_kabkota: str = "",
    subsectors: Mapping[str, Mapping[str, str]] | None = None,
) -> Vision:
    """Create or change the visi/misi of a kab/kota's cycle; misi and tujuan per subsector."""
    if region.level != Level.KABKOTA:
        raise ValidationError({"region": "Visi dan misi sanitasi disusun per kabupaten/kota."})
    require(by, region.code)
    vision = (
        Vision.objects.select_for_update().filter(region=region, fiscal_year=fiscal_year).first()
    )
    ensure_not_frozen(vision)
    created = vision is None
    if vision is None:
        vision = Vision(region=region, fiscal_year=fiscal_year)
    # a new vision diffs against the model's defaults (not against nothing)
    with audited_update(
        vision,
        VISION_FIELDS,
        actor=by,
        action=Action.CREATE if created else Action.UPDATE,
        always=created,
        region_code=region.code,
    ):
        vision.visi_kabkota = visi_kabkota.strip()
        vision.misi_kabkota = misi_kabkota.strip()
        vision.visi_sanitasi = visi_sanitasi.strip()
        vision.subsectors = _clean_subsectors(subsectors or {})
        if not vision.visi_sanitasi:
            raise ValidationError({"visi_sanitasi": "Tuliskan visi sanitasi."})
        vision.full_clean()
        vision.save()
    return vision


@transaction.atomic
def zone_stage_save(
    *,
    scenario: Scenario,
    subsector: str,
    zone: str,
    system: str,
    stage_medium: int,
    stage_long: int,
    target_medium_pct: float,
    target_long_pct: float,
    by: Any,
    stage_now: int = 0,
    desa: list[str] | None = None,
) -> ZoneStage:
    """Record the system and the 5- and 20-year stage targets of one zone (upsert)."""
    scenario = scenario_for_edit(scenario, by)
    problems = []
    if not stage_now <= stage_medium <= stage_long:
        problems.append(
            "Tahap harus naik atau tetap: saat ini ≤ jangka menengah (5 tahun) ≤ jangka "
            "panjang (20 tahun)."
        )
    if not 0 <= target_medium_pct <= target_long_pct <= 100:
        problems.append(
            "Target cakupan 20 tahun harus ≥ target 5 tahun, keduanya antara 0 dan 100%."
        )
    if problems:
        raise ValidationError(problems)
    stage = ZoneStage.objects.filter(scenario=scenario, subsector=subsector, zone=zone).first()
    created = stage is None
    if stage is None:
        stage = ZoneStage(scenario=scenario, subsector=subsector, zone=zone)
    with audited_update(
        stage,
        STAGE_FIELDS,
        actor=by,
        always=created,  # diffed against the model's defaults when new
        audit_obj=scenario,
        reason=f"Tahapan pengembangan zona {zone} ({'baru' if created else 'diubah'})",
        region_code=scenario.region.code,
    ):
        stage.system, stage.desa = system, list(desa or [])
        stage.stage_now, stage.stage_medium = stage_now, stage_medium
        stage.stage_long = stage_long
        stage.target_medium_pct, stage.target_long_pct = target_medium_pct, target_long_pct
        stage.full_clean()
        stage.save()
    return stage
