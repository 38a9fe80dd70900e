"""Headline figures of the regions app: penduduk and KK (one selector each, used by the
region page, Form 2, the EHRA sampling frame and the documents).

Units: jiwa (penduduk), kepala keluarga (KK). Source: ``regions.Population`` per desa and
year (BPS / Dukcapil as loaded). A kab/kota total is the sum over its desa of ONE year: the
latest year with data not after the year asked for, never a sum over years.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Max, Sum

from ppsp.regions.models import Population


@dataclass(frozen=True)
class PopulationTotal:
    year: int
    penduduk: int
    kk: int
    desa: int  # desa with a row that year

    @property
    def source(self) -> str:
        return f"Penduduk {self.year}"


def population_year(kabkota_code: str, up_to: int | None = None) -> int | None:
    """Latest year with population data of the kab/kota, not after ``up_to``."""
    rows = Population.objects.filter(region__kabkota_code=kabkota_code)
    if up_to is not None:
        rows = rows.filter(year__lte=up_to)
    year: int | None = rows.aggregate(y=Max("year"))["y"]
    return year


def population_total(kabkota_code: str, up_to: int | None = None) -> PopulationTotal | None:
    """Penduduk and KK of a kab/kota: the desa sums of its latest year ≤ ``up_to``."""
    year = population_year(kabkota_code, up_to)
    if year is None:
        return None
    agg = Population.objects.filter(region__kabkota_code=kabkota_code, year=year).aggregate(
        penduduk=Sum("penduduk"), kk=Sum("kk"), desa=Count("id")
    )
    return PopulationTotal(year, int(agg["penduduk"] or 0), int(agg["kk"] or 0), agg["desa"])


def population_by_desa(kabkota_code: str, year: int) -> dict[int, tuple[int, int]]:
    """(penduduk, KK) per desa id in ``year`` (the year of :func:`population_total`)."""
    return {
        region_id: (penduduk, kk)
        for region_id, penduduk, kk in Population.objects.filter(
            region__kabkota_code=kabkota_code, year=year
        ).values_list("region_id", "penduduk", "kk")
    }
