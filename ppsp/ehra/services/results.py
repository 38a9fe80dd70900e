"""Writes of stored results: IRS and ladder per desa, area berisiko, persepsi OPD, overrides.

All numbers come from ``ppsp.compute`` (ehra.irs, ladder.ladder, area_risk.area_risk);
this module only loads inputs in a few queries and stores the outputs in bulk.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.compute.area_risk import (
    SSK_COMPONENTS,
    AreaRiskInputs,
    area_risk,
    class_within,
    secondary_scores,
)
from ppsp.compute.ehra import COMPONENTS, irs
from ppsp.compute.ladder import LABELS, ladder
from ppsp.compute.questionnaire_2021 import EHRA_2021
from ppsp.core.actors import user_of
from ppsp.core.freeze import ensure_not_frozen
from ppsp.core.permissions import Permission
from ppsp.ehra.arrays import households_from_answers
from ppsp.ehra.config import IMPACT_PARAMETERS, area_config, config_for_round, irs_config
from ppsp.ehra.form2 import form2_inputs
from ppsp.ehra.models import (
    AreaRisk,
    DesaResult,
    FrameDesa,
    Household,
    OpdRating,
    OpdSubmission,
    ReviewState,
    RiskMethodConfig,
    SurveyRound,
)
from ppsp.ehra.services import recompute_later, require
from ppsp.regions.models import Kind, Level, Population, Region


def _num(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def _impact_values(survey: SurveyRound, desa: list[Region]) -> np.ndarray:
    """(m, 3) raw IMPACT values: penduduk (latest year ≤ round), density and poverty (frame).

    Density is K1 of the frame in jiwa/km²; ``form2_inputs`` converts it and prefers Form 2.
    """
    values = np.full((len(desa), len(IMPACT_PARAMETERS)), np.nan)
    index = {d.pk: i for i, d in enumerate(desa)}
    latest = (
        Population.objects.filter(region__in=desa, year__lte=survey.year)
        .values("region_id")
        .annotate(year=Max("year"))
    )
    wanted = {(r["region_id"], r["year"]) for r in latest}
    for region_id, year, people in Population.objects.filter(
        region__in=desa, year__lte=survey.year
    ).values_list("region_id", "year", "penduduk"):
        if (region_id, year) in wanted:
            values[index[region_id], 0] = people
    for desa_id, density, poverty in FrameDesa.objects.filter(frame__survey=survey).values_list(
        "desa_id", "density", "poverty"
    ):
        values[index[desa_id], 1:] = (density, poverty)
    return values


def _opd_cube(survey: SurveyRound, desa: list[Region]) -> np.ndarray:
    """(m, 3, r) ratings of the raters who submitted; NaN where a rater left a cell."""
    raters = list(OpdSubmission.objects.filter(survey=survey).values_list("rater_id", flat=True))
    cube = np.full((len(desa), len(SSK_COMPONENTS), max(len(raters), 1)), np.nan)
    index = {d.pk: i for i, d in enumerate(desa)}
    column = {r: j for j, r in enumerate(raters)}
    for desa_id, component, rater_id, score in OpdRating.objects.filter(
        survey=survey, rater_id__in=raters
    ).values_list("desa_id", "component", "rater_id", "score"):
        if component in SSK_COMPONENTS:
            cube[index[desa_id], SSK_COMPONENTS.index(component), column[rater_id]] = score
    return cube


@transaction.atomic
def round_compute(*, survey: SurveyRound, by: Any) -> int:
    """Recompute IRS, ladder and area berisiko of a round from approved records only.

    Returns the number of desa with an IRS. Overrides of area berisiko are kept. Weights,
    OPD rule and class count come from the configuration version the round uses (recorded
    on the round at its first computation).
    """
    require(by, Permission.RUN_EHRA, survey.region.code)
    ensure_not_frozen(survey)
    config = config_for_round(survey)
    if survey.config_id is None and config.pk is not None:
        survey.config = config
        survey.save(update_fields=["config"])
    desa = list(
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA).order_by("code")
    )
    index = {d.pk: i for i, d in enumerate(desa)}
    records = list(
        Household.objects.filter(survey=survey, state=ReviewState.APPROVED).values_list(
            "desa_id", "answers"
        )
    )
    households = households_from_answers(
        EHRA_2021, [a for _, a in records], [index[d] for d, _ in records], len(desa)
    )
    result = irs(households, irs_config(config))
    urban = np.array([d.kind == Kind.KELURAHAN for d in desa])
    rungs = ladder(households, urban)
    groups = np.zeros(len(desa), dtype=np.int64)
    irs_class = class_within(result.total, groups, config.classes)
    DesaResult.objects.filter(survey=survey).delete()
    rows = []
    for i, region in enumerate(desa):
        if result.households[i] == 0:
            continue
        scores = dict(zip(COMPONENTS, (_num(v) for v in result.components[i]), strict=True))
        rows.append(
            DesaResult(
                survey=survey,
                desa=region,
                households=int(result.households[i]),
                irs=_num(result.total[i]),
                irs_class=int(irs_class[i]),
                indicators={
                    key: [
                        int(result.at_risk[i, k]),
                        int(result.denominator[i, k]),
                        _num(result.percent[i, k]),
                    ]
                    for k, key in enumerate(result.indicators)
                },
                ladder={
                    LABELS[r]: [int(rungs.counts[i, r]), _num(rungs.percent[i, r])]
                    for r in range(6)
                },
                **scores,
            )
        )
    DesaResult.objects.bulk_create(rows)
    _store_area_risk(survey, desa, result.components, config)
    survey.computed_at = timezone.now()
    survey.computed_households = len(records)
    survey.save(update_fields=["computed_at", "computed_households"])
    audit_record(
        actor=by,
        obj=survey,
        action=Action.UPDATE,
        changes=[{"field": "computed_at", "old": None, "new": str(survey.computed_at)}],
        reason=f"IRS dihitung dari {len(records)} rumah tangga disetujui, "
        f"konfigurasi v{config.version}",
        region_code=survey.region.code,
    )
    return len(rows)


def _store_area_risk(
    survey: SurveyRound, desa: list[Region], components: np.ndarray, config: RiskMethodConfig
) -> None:
    m = len(desa)
    groups = np.zeros(m, dtype=np.int64)
    fallback = _impact_values(survey, desa)
    raw, secondary = form2_inputs(survey.region.code, survey.year, desa, fallback)
    impact = secondary_scores(raw, (True,) * len(IMPACT_PARAMETERS), groups).astype(np.float64)
    inputs = AreaRiskInputs(
        kabkota=groups,
        impact=impact,
        secondary=secondary,
        irs_components=components,
        opd=_opd_cube(survey, desa),
    )
    out = area_risk(inputs, area_config(config))
    existing = {(a.desa_id, a.component): a for a in AreaRisk.objects.filter(survey=survey)}
    fresh, changed = [], []
    for i, region in enumerate(desa):
        for k, component in enumerate(SSK_COMPONENTS):
            if not math.isfinite(out.exposure[i, k]):
                continue
            values = {
                "impact": _num(out.impact[i]),
                "s_sek": _num(float(secondary[i, k])),
                "s_irs": int(out.s_irs[i, k]),
                "s_opd": _num(out.s_opd[i, k]),
                "exposure": _num(out.exposure[i, k]),
                "area": _num(out.area[i, k]),
                "risk_class": int(out.risk_class[i, k]),
            }
            row = existing.pop((region.pk, component), None)
            if row is None:
                fresh.append(AreaRisk(survey=survey, desa=region, component=component, **values))
            else:
                for name, value in values.items():
                    setattr(row, name, value)
                changed.append(row)
    AreaRisk.objects.bulk_create(fresh)
    AreaRisk.objects.bulk_update(
        changed, ["impact", "s_sek", "s_irs", "s_opd", "exposure", "area", "risk_class"]
    )
    AreaRisk.objects.filter(pk__in=[a.pk for a in existing.values()]).delete()


@transaction.atomic
def area_override(*, area: AreaRisk, risk_class: int, reason: str, by: Any) -> AreaRisk:
    """Pokja correction after field verification; the computed class stays beside it."""
    require(by, Permission.RUN_EHRA, area.desa.code)
    ensure_not_frozen(area)
    if risk_class not in (1, 2, 3, 4):
        raise ValidationError({"risk_class": "Kelas risiko harus 1–4."})
    if not reason.strip():
        raise ValidationError({"reason": "Alasan penyesuaian (hasil verifikasi lapangan) wajib."})
    old = area.override_class
    area.override_class = risk_class
    area.override_reason = reason.strip()
    area.override_by = user_of(by)
    area.override_at = timezone.now()
    area.save(update_fields=["override_class", "override_reason", "override_by", "override_at"])
    audit_record(
        actor=by,
        obj=area,
        action=Action.UPDATE,
        changes=[
            {"field": "override_class", "old": old, "new": risk_class},
            {"field": "risk_class", "old": area.risk_class, "new": area.risk_class},
        ],
        reason=reason.strip(),
        region_code=area.desa.code,
    )
    return area


@transaction.atomic
def opd_save(*, survey: SurveyRound, scores: Mapping[tuple[int, str], int | None], by: Any) -> int:
    """Store the rater's own draft scores 1–4 (None clears a cell); refused after submitting."""
    require(by, Permission.RUN_EHRA, survey.region.code)
    ensure_not_frozen(survey)
    if OpdSubmission.objects.filter(survey=survey, rater=by).exists():
        raise ValidationError("Penilaian persepsi OPD Anda sudah dikirim dan tidak dapat diubah.")
    if not survey.opd_open:
        raise ValidationError("Penilaian persepsi OPD untuk putaran ini sudah ditutup.")
    allowed = set(
        Region.objects.filter(kabkota_code=survey.region.code, level=Level.DESA).values_list(
            "pk", flat=True
        )
    )
    mine = OpdRating.objects.filter(survey=survey, rater=by)
    current = {(r.desa_id, r.component): r for r in mine}
    fresh, changed, gone = [], [], []
    for (desa_id, component), score in scores.items():
        if desa_id not in allowed or component not in SSK_COMPONENTS:
            raise ValidationError("Desa atau komponen tidak dikenal.")
        if score is not None and score not in (1, 2, 3, 4):
            raise ValidationError("Skor persepsi OPD harus 1–4.")
        row = current.get((desa_id, component))
        if score is None:
            if row is not None:
                gone.append(row.pk)
        elif row is None:
            fresh.append(
                OpdRating(
                    survey=survey, desa_id=desa_id, component=component, rater=by, score=score
                )
            )
        elif row.score != score:
            row.score = score
            changed.append(row)
    OpdRating.objects.bulk_create(fresh)
    OpdRating.objects.bulk_update(changed, ["score"])
    OpdRating.objects.filter(pk__in=gone).delete()
    return len(fresh) + len(changed) + len(gone)


@transaction.atomic
def opd_submit(*, survey: SurveyRound, opd: str, by: Any) -> OpdSubmission:
    """Make the rater's scores final (raw scores are kept); EHRA results then show to them."""
    require(by, Permission.RUN_EHRA, survey.region.code)
    ensure_not_frozen(survey)
    if OpdSubmission.objects.filter(survey=survey, rater=by).exists():
        raise ValidationError("Penilaian persepsi OPD Anda sudah dikirim.")
    count = OpdRating.objects.filter(survey=survey, rater=by).count()
    if count == 0:
        raise ValidationError("Isi setidaknya satu skor sebelum mengirim.")
    sent = OpdSubmission.objects.create(survey=survey, rater=by, opd=opd.strip()[:150])
    audit_record(
        actor=by,
        obj=survey,
        action=Action.UPDATE,
        changes=[{"field": "opd_submission", "old": None, "new": count}],
        reason=f"Persepsi OPD dikirim ({count} skor)",
        region_code=survey.region.code,
    )
    recompute_later(survey)
    return sent
