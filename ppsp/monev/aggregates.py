"""Precomputed national and provincial monev figures and the kab/kota ranking of a year.

`aggregates_refresh(year)` is run by the background task after an approval; pages read
only `Aggregate` and `KabkotaScore` rows. Only approved reports count.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from ppsp.compute.monev import competition_ranks, ranking_scores, safe_ratio
from ppsp.monev.models import (
    Aggregate,
    IndicatorRealisation,
    KabkotaScore,
    Report,
    ReportStatus,
    RowRealisation,
)
from ppsp.mps.models import AMOUNT_FIELDS, YEARS, KklNode, ProgrammeRow
from ppsp.programme.models import Participation, Stage, StageStatus
from ppsp.regions.models import Region

STAGE_PARTIAL: dict[str, float] = {
    StageStatus.SELESAI: 1.0,
    StageStatus.BERJALAN: 0.5,
    StageStatus.TERLAMBAT: 0.5,
}


def _planned(year: int) -> tuple[dict[int, int], dict[int, int]]:
    """Planned Rp of `year` and number of rows per kab/kota (plans whose window holds it)."""
    planned: dict[int, int] = defaultdict(int)
    rows: dict[int, int] = defaultdict(int)
    sums = {f: Sum(f) for f in AMOUNT_FIELDS}
    grouped = (
        ProgrammeRow.objects.filter(plan__first_year__lte=year, plan__first_year__gt=year - YEARS)
        .values("plan__region_id", "plan__first_year")
        .annotate(n=Count("pk"), **sums)
    )
    for g in grouped:
        region = g["plan__region_id"]
        planned[region] += int(g[AMOUNT_FIELDS[year - g["plan__first_year"]]] or 0)
        rows[region] += g["n"]
    return planned, rows


def _stage_progress() -> dict[int, float]:
    count = Stage.objects.aggregate(n=Max("number"))["n"] or 1
    progress = {}
    for region_id, number, status in Participation.objects.values_list(
        "region_id", "current_stage__number", "current_status"
    ):
        if number:
            progress[region_id] = (number - 1 + STAGE_PARTIAL.get(status, 0.0)) / count
    return progress


def _on_time(report: Report) -> bool:
    submitted = report.submitted_at
    return submitted is not None and submitted.date() <= report.deadline


@transaction.atomic
def aggregates_refresh(year: int) -> int:
    """Recompute the year's scores and aggregates; returns the number of kab/kota scored."""
    now = timezone.now()
    planned, row_counts = _planned(year)
    sasaran = dict(
        KklNode.objects.filter(
            level="sasaran", plan__first_year__lte=year, plan__first_year__gt=year - YEARS
        )
        .values("plan__region_id")
        .annotate(n=Count("pk"))
        .values_list("plan__region_id", "n")
    )
    approved = Report.objects.filter(year=year, status=ReportStatus.APPROVED)
    reports = {r.region_id: r for r in approved.only("region_id", "submitted_at", "year", "status")}
    realised: dict[int, int] = defaultdict(int)
    entries: dict[int, int] = defaultdict(int)
    for region_id, total, n in (
        RowRealisation.objects.filter(report__in=approved)
        .values("report__region_id")
        .annotate(total=Sum("budget"), n=Count("pk"))
        .values_list("report__region_id", "total", "n")
    ):
        realised[region_id] += int(total or 0)
        entries[region_id] += n
    for region_id, n in (
        IndicatorRealisation.objects.filter(report__in=approved)
        .values("report__region_id")
        .annotate(n=Count("pk"))
        .values_list("report__region_id", "n")
    ):
        entries[region_id] += n
    stage = _stage_progress()
    region_ids = sorted(set(planned) | set(reports))
    province_of = dict(Region.objects.filter(pk__in=region_ids).values_list("pk", "province_code"))
    ids = np.array(region_ids, dtype=np.int64)
    s = np.array([stage.get(i, 0.0) for i in region_ids])
    expected = np.array([row_counts.get(i, 0) + sasaran.get(i, 0) for i in region_ids])
    k = safe_ratio([entries.get(i, 0) for i in region_ids], expected)
    t = np.array([1.0 if i in reports and _on_time(reports[i]) else 0.0 for i in region_ids])
    r = safe_ratio(
        [realised.get(i, 0) for i in region_ids], [planned.get(i, 0) for i in region_ids]
    )
    scores = ranking_scores(s, k, t, r)
    national_rank = competition_ranks(scores)
    province_rank = np.zeros(len(region_ids), dtype=np.int64)
    provinces = np.array([province_of.get(i, "") for i in region_ids])
    for code in set(provinces.tolist()):
        mask = provinces == code
        province_rank[mask] = competition_ranks(scores[mask])
    KabkotaScore.objects.filter(year=year).delete()
    KabkotaScore.objects.bulk_create(
        KabkotaScore(
            region_id=int(ids[n]),
            year=year,
            stage=float(s[n]),
            completeness=float(np.nan_to_num(np.clip(k[n], 0, 1))),
            timeliness=float(t[n]),
            realisation=float(np.nan_to_num(np.clip(r[n], 0, 1))),
            score=float(scores[n]),
            rank_national=int(national_rank[n]),
            rank_province=int(province_rank[n]),
            status=ReportStatus.APPROVED if int(ids[n]) in reports else "",
            computed_at=now,
        )
        for n in range(len(region_ids))
    )
    _write_aggregates(year, now, region_ids, province_of, planned, realised, t, approved)
    return len(region_ids)


def _area_figures() -> dict[str, Any]:
    return {
        "kabkota": 0,
        "approved": 0,
        "on_time": 0,
        "planned": 0,
        "realised": 0,
        "by_source": defaultdict(int),
        "access": defaultdict(list),
    }


def _write_aggregates(
    year: int,
    now: Any,
    region_ids: list[int],
    province_of: dict[int, str],
    planned: dict[int, int],
    realised: dict[int, int],
    on_time: Any,
    approved: Any,
) -> None:
    areas: dict[str, dict[str, Any]] = defaultdict(_area_figures)
    areas[""] = _area_figures()  # the national row exists even without any kab/kota
    for n, region_id in enumerate(region_ids):
        for area in ("", province_of.get(region_id, "")):
            figures = areas[area]
            figures["kabkota"] += 1
            figures["on_time"] += int(on_time[n])
            figures["planned"] += planned.get(region_id, 0)
            figures["realised"] += realised.get(region_id, 0)
    for region_id in approved.values_list("region_id", flat=True):
        for area in ("", province_of.get(region_id, "")):
            areas[area]["approved"] += 1
    for province, source, total in (
        RowRealisation.objects.filter(report__in=approved)
        .values("report__region__province_code", "row__source")
        .annotate(total=Sum("budget"))
        .values_list("report__region__province_code", "row__source", "total")
    ):
        for area in ("", province):
            areas[area]["by_source"][source] += int(total or 0)
    for province, subsector, value in IndicatorRealisation.objects.filter(
        report__in=approved, value__isnull=False
    ).values_list("report__region__province_code", "node__subsector", "value"):
        for area in ("", province):
            areas[area]["access"][subsector or "lainnya"].append(float(value or 0))
    Aggregate.objects.filter(year=year).delete()
    Aggregate.objects.bulk_create(
        Aggregate(area_code=area, year=year, data=_jsonable(f), computed_at=now)
        for area, f in areas.items()
    )


def _jsonable(f: dict[str, Any]) -> dict[str, Any]:
    kabkota = max(f["kabkota"], 1)
    return {
        "kabkota": f["kabkota"],
        "approved": f["approved"],
        "on_time": f["on_time"],
        "completeness_pct": round(100 * f["approved"] / kabkota, 1),
        "timeliness_pct": round(100 * f["on_time"] / kabkota, 1),
        "planned": f["planned"],
        "realised": f["realised"],
        "by_source": dict(sorted(f["by_source"].items())),
        "access": {k: round(sum(v) / len(v), 1) for k, v in sorted(f["access"].items())},
    }
