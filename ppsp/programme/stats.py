"""Dashboard reads: counts per stage and cohort, the kab/kota table, programme figures.

Every function is a fixed number of grouped queries whatever the number of kab/kota
(tests/programme/test_dashboard.py and bench/dashboard.py check that).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme.models import Participation, Stage, StageRecord, StageStatus
from ppsp.regions.models import Level, Region

SORTS = {
    "kode": "region__code",
    "nama": "region__name",
    "provinsi": "region__province_code",
    "kohort": "cohort_year",
    "tahapan": "current_stage__number",
    "status": "current_status",
}


@dataclass(frozen=True)
class TableFilter:
    province: str = ""
    stage: int | None = None
    cohort: int | None = None
    sort: str = "kode"

    @classmethod
    def from_query(cls, params: Any, *, province: str = "") -> TableFilter:
        def number(name: str) -> int | None:
            value = str(params.get(name, "")).strip()
            return int(value) if value.isdigit() else None

        sort = str(params.get("urut", "kode"))
        if sort.lstrip("-") not in SORTS:
            sort = "kode"
        chosen = province or str(params.get("provinsi", "")).strip()
        return cls(province=chosen, stage=number("tahapan"), cohort=number("kohort"), sort=sort)

    def order_by(self) -> list[str]:
        field = SORTS[self.sort.lstrip("-")]
        prefix = "-" if self.sort.startswith("-") else ""
        return [f"{prefix}{field}", "region__code"]


def participations_for(user: Any, *, province: str = "") -> QuerySet[Participation]:
    scope = scope_for(user, Permission.VIEW_PROGRAMME)
    qs = Participation.objects.filter(scope.region_q("region__"))
    if province:
        qs = qs.filter(region__province_code=province)
    return qs


def stage_counts(participations: QuerySet[Participation]) -> list[dict[str, Any]]:
    """Every stage with the number of kab/kota currently in it and how many run late."""
    grouped = {
        row["current_stage"]: row
        for row in participations.values("current_stage").annotate(
            n=Count("id"), late=Count("id", filter=Q(current_status=StageStatus.TERLAMBAT))
        )
    }
    result = []
    for stage in Stage.objects.order_by("number"):
        row = grouped.get(stage.pk, {})
        result.append(
            {
                "number": stage.number,
                "name": stage.name,
                "n": row.get("n", 0),
                "late": row.get("late", 0),
            }
        )
    if None in grouped:
        result.append(
            {
                "number": None,
                "name": "Belum ada catatan tahapan",
                "n": grouped[None]["n"],
                "late": 0,
            }
        )
    return result


def cohort_counts(participations: QuerySet[Participation]) -> list[dict[str, Any]]:
    """Participants per cohort year with the running total."""
    rows = list(
        participations.values("cohort_year").annotate(n=Count("id")).order_by("cohort_year")
    )
    total = 0
    for row in rows:
        total += row["n"]
        row["cumulative"] = total
    return rows


def kabkota_table(
    participations: QuerySet[Participation], table: TableFilter
) -> QuerySet[Participation]:
    qs = participations
    if table.stage is not None:
        qs = qs.filter(current_stage__number=table.stage)
    if table.cohort is not None:
        qs = qs.filter(cohort_year=table.cohort)
    return qs.select_related("region__parent", "current_stage", "phase").order_by(*table.order_by())


def kabkota_total(user: Any, *, province: str = "") -> int:
    scope = scope_for(user, Permission.VIEW_PROGRAMME)
    qs = Region.objects.filter(scope.region_q(), level=Level.KABKOTA)
    if province:
        qs = qs.filter(province_code=province)
    return qs.count()


def provinces_for(user: Any) -> QuerySet[Region]:
    scope = scope_for(user, Permission.VIEW_PROGRAMME)
    return Region.objects.filter(scope.region_q(), level=Level.PROVINSI).order_by("code")


# --- figures quoted in programme texts, as queries (national, for the PMU) --------------


def participants_by_cohort_year() -> dict[int, int]:
    """{cohort year: number of kab/kota entering PPSP that year} (all participants)."""
    return dict(
        Participation.objects.values_list("cohort_year")
        .annotate(n=Count("id"))
        .order_by("cohort_year")
    )


def participants_through(year: int) -> int:
    """Kab/kota that entered PPSP in or before `year` (e.g. '223 kab/kota 2009–2013')."""
    return Participation.objects.filter(cohort_year__lte=year).count()


def kabkota_starting_stage_in(stage_number: int, year: int) -> int:
    """Kab/kota that took up this stage in `year` (e.g. 'preparing their MPS in 2014')."""
    return (
        StageRecord.objects.filter(stage__number=stage_number, start_date__year=year)
        .exclude(status=StageStatus.BELUM_MULAI)
        .values("participation")
        .distinct()
        .count()
    )
