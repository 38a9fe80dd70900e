"""Reads of fiscal capacity, always through the user's scope; access helpers answer 404.

`fiscal_summary` assembles the PT-03 tables and the (b) and (c) rows of Tabel 5.1 from
the stored entries with the pure functions of `ppsp.compute.finance` / `.fiscal`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from ppsp.compute.finance import apbd_murni, growth_rate
from ppsp.compute.fiscal import (
    Capacity,
    Proportions,
    capacity_projection,
    komitmen_projection,
    proportions,
)
from ppsp.compute.projection import implied_rate, project_population
from ppsp.core.access import object_for_user
from ppsp.core.permissions import Permission
from ppsp.finance.models import FiscalCapacity, KomitmenMode
from ppsp.regions.models import Level, Population, Region


def get_capacity_for_user(user: Any, pk: int, *, write: bool = False) -> FiscalCapacity:
    permission = Permission.EDIT_PLANNING if write else Permission.VIEW_PLANNING
    return object_for_user(user, FiscalCapacity, pk, permission, "region.code")


def capacity_of(region: Region, fiscal_year: int) -> FiscalCapacity | None:
    return (
        FiscalCapacity.objects.filter(region=region, fiscal_year=fiscal_year)
        .select_related("region")
        .first()
    )


@dataclass(frozen=True)
class PopulationProjection:
    base_year: int
    base: int
    rate: float
    by_year: dict[int, float]


def kabkota_population(region: Region, years: list[int]) -> PopulationProjection | None:
    """Kab/kota population projected (geometrik) to `years` from the desa population data.

    Uses the years in which every desa that has data reported (sums of the same desa);
    the rate is the one implied by the first and last of those years, 0 with one year.
    """
    rows = list(
        Population.objects.filter(region__kabkota_code=region.code, region__level=Level.DESA)
        .values("year")
        .annotate(total=Sum("penduduk"), desa=Count("id"))
        .order_by("year")
    )
    if not rows:
        return None
    most = max(r["desa"] for r in rows)
    full = [r for r in rows if r["desa"] == most]
    first, last = full[0], full[-1]
    span = last["year"] - first["year"]
    rate = implied_rate(first["total"], last["total"], span) if span > 0 else 0.0
    horizon = max(years) - last["year"] if years else 0
    if horizon < 0:
        return None
    projected = project_population(last["total"], rate, horizon)
    by_year = {last["year"] + t: p for t, p in enumerate(projected, start=1)}
    return PopulationProjection(
        last["year"], last["total"], rate, {y: by_year.get(y, last["total"]) for y in years}
    )


@dataclass
class FiscalSummary:
    """Everything the PT-03 page and Tabel 5.1 need, computed from the stored entries."""

    capacity: FiscalCapacity
    history_years: list[int]
    plan_years: list[int]
    opd_rows: list[tuple[str, list[int]]]
    belanja_total: list[int]
    dak_total: list[int]
    pinjaman_hibah: list[int]
    apbd_murni: list[float]
    proportions: Proportions | None
    projection: Capacity | None
    komitmen: list[float] | None
    population: PopulationProjection | None
    problems: list[str] = field(default_factory=list)
    opd_growth: list[float | None] = field(default_factory=list)
    total_growth: float | None = None

    @property
    def b(self) -> list[float] | None:
        """(b) of Tabel 5.1: projected APBD murni available for development [Rp]."""
        return self.projection.available if self.projection else None

    @property
    def c(self) -> list[float] | None:
        """(c) of Tabel 5.1: komitmen pendanaan sanitasi [Rp]."""
        return self.komitmen


def _growth(series: list[int], method: str) -> float | None:
    """The "Rata-rata pertumbuhan" column of the belanja table (§10.2); None if undefined."""
    try:
        return growth_rate(series, method=method)
    except ValueError:
        return None


def _pct(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def fiscal_summary(capacity: FiscalCapacity) -> FiscalSummary:
    years, plan_years = capacity.history_years, capacity.plan_years
    by_opd: dict[str, dict[int, int]] = {}
    for row in capacity.belanja.all():
        by_opd.setdefault(row.opd, {})[row.year] = row.amount
    opd_rows = [
        (opd, [amounts.get(y, 0) for y in years]) for opd, amounts in sorted(by_opd.items())
    ]
    total = [sum(row[k] for _, row in opd_rows) for k in range(len(years))]
    history = {h.year: h for h in capacity.history.all()}
    plan = {p.year: p for p in capacity.plan.all()}

    def hist(name: str) -> list[int]:
        return [getattr(history[y], name) if y in history else 0 for y in years]

    def planned(name: str) -> list[int]:
        return [getattr(plan[y], name) if y in plan else 0 for y in plan_years]

    dak = [h.dak_total if (h := history.get(y)) else 0 for y in years]
    loans = hist("pinjaman_hibah")
    murni = apbd_murni(total, dak, loans)
    problems: list[str] = []
    ratios = proportions(total, hist("investasi"), hist("om"), hist("belanja_langsung"))
    projection = None
    if not any(total):
        problems.append("Realisasi belanja sanitasi OPD belum diisi.")
    elif (
        any(v <= 0 for v in murni[:-1])
        or murni[-1] < 0
        or (capacity.growth_method == "cagr" and murni[0] <= 0)
    ):
        missing = [str(y) for y, v in zip(years, murni, strict=True) if v <= 0]
        problems.append(
            "APBD murni sanitasi harus positif di setiap tahun realisasi untuk menghitung "
            f"pertumbuhan; periksa tahun {', '.join(missing)}."
        )
    else:
        projection = capacity_projection(
            murni,
            years=len(plan_years),
            offset=plan_years[0] - years[-1],
            method=capacity.growth_method,
            first_year_override=capacity.first_year_override,
            om_existing=planned("om_existing") if capacity.deduct_om_existing else None,
        )
        if any(v < 0 for v in projection.available):
            problems.append(
                "Biaya OP aset terbangun melebihi proyeksi APBD murni: kemampuan (b) negatif."
            )
    population = kabkota_population(capacity.region, plan_years)
    komitmen = None
    mode = capacity.komitmen_mode
    try:
        if mode == KomitmenMode.PER_CAPITA and population is None:
            raise ValueError("population")
        komitmen = komitmen_projection(
            mode,
            years=len(plan_years),
            path=planned("komitmen"),
            pct=_pct(capacity.komitmen_pct),
            apbd_total=planned("apbd_total"),
            per_capita=capacity.komitmen_per_capita,
            population=[population.by_year[y] for y in plan_years] if population else None,
            first=capacity.komitmen_first,
            growth=None
            if capacity.komitmen_growth is None
            else float(capacity.komitmen_growth) / 100,
        )
    except ValueError:
        problems.append(_KOMITMEN_MISSING[KomitmenMode(mode)])
    return FiscalSummary(
        capacity=capacity,
        history_years=years,
        plan_years=plan_years,
        opd_rows=opd_rows,
        belanja_total=total,
        dak_total=dak,
        pinjaman_hibah=loans,
        apbd_murni=murni,
        proportions=ratios,
        projection=projection,
        komitmen=komitmen,
        population=population,
        problems=problems,
        opd_growth=[_growth(row, capacity.growth_method) for _, row in opd_rows],
        total_growth=_growth(total, capacity.growth_method) if any(total) else None,
    )


_KOMITMEN_MISSING = {
    KomitmenMode.PATH: "Komitmen belum lengkap: isi nilai komitmen per tahun rencana.",
    KomitmenMode.PCT_APBD: (
        "Komitmen belum lengkap: isi persen dari APBD dan perkiraan total APBD per tahun."
    ),
    KomitmenMode.PER_CAPITA: (
        "Komitmen belum lengkap: isi rupiah per kapita; data penduduk desa kab/kota ini "
        "diperlukan untuk proyeksi penduduk."
    ),
    KomitmenMode.GROWTH: (
        "Komitmen belum lengkap: isi nilai tahun pertama dan pertumbuhan per tahun."
    ),
}


def budgets(region: Region, fiscal_year: int) -> FiscalSummary | None:
    """The fiscal summary for scenarios (b and c per plan year), None when not started."""
    capacity = capacity_of(region, fiscal_year)
    return fiscal_summary(capacity) if capacity else None
