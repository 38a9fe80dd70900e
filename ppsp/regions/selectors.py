"""Reads of regions and population, always through the user's scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet, Sum
from django.shortcuts import get_object_or_404

from ppsp.core.access import require
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.regions.models import Level, Population, Region

SEARCH_LIMIT = 25


def get_region_for_user(user: Any, code: str, *, write: bool = False) -> Region:
    """The region with this code if the user may see it (or change its data); else 404."""
    require(user, Permission.EDIT_REGION_DATA if write else Permission.VIEW_REGION, code)
    return get_object_or_404(Region.objects.select_related("parent__parent__parent"), code=code)


def get_population_for_user(user: Any, pk: int, *, write: bool = False) -> Population:
    population = get_object_or_404(Population.objects.select_related("region"), pk=pk)
    get_region_for_user(user, population.region.code, write=write)
    return population


def visible_regions(user: Any) -> QuerySet[Region]:
    return Region.objects.filter(scope_for(user, Permission.VIEW_REGION).region_q())


def scope_root_regions(user: Any) -> list[Region]:
    scope = scope_for(user, Permission.VIEW_REGION)
    if scope.national:
        return list(Region.objects.filter(level=Level.PROVINSI))
    return list(Region.objects.filter(code__in=scope.roots()))


def region_children(region: Region) -> QuerySet[Region]:
    """Children with the number of their own children (one query, no N+1)."""
    return region.children.annotate(child_count=Count("children")).order_by("code")


def region_ancestors(region: Region) -> list[Region]:
    chain = []
    node = region.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    return list(reversed(chain))


def search_regions(user: Any, query: str, *, level: int | None = None) -> list[Region]:
    """Regions in scope whose name or code contains `query`; exact code prefix first.

    A code-like query ("15.07", "1507") uses the unique index on `code`; a name query scans
    `search_text` (lower-cased "name code"), which stays fast at national size
    (bench/regions.py measures it).
    """
    text = " ".join(query.lower().split())
    if len(text) < 2:
        return []
    base = visible_regions(user).select_related("parent__parent")
    if level is not None:
        base = base.filter(level=level)
    digits = text.replace(".", "")
    if digits.isdigit():
        code = _dotted(digits)
        return list(base.filter(code__startswith=code).order_by("code")[:SEARCH_LIMIT])
    results = list(base.filter(search_text__contains=text).order_by("level", "name")[:SEARCH_LIMIT])
    results.sort(key=lambda r: (not _starts(r, text), r.level, r.name))
    return results


def _starts(region: Region, text: str) -> bool:
    """The name (or the name with its type word, 'kota jambi') starts with the query."""
    return region.name.lower().startswith(text) or region.search_text.startswith(text)


def _dotted(digits: str) -> str:
    """'1507012001' -> '15.07.01.2001' (prefixes allowed)."""
    parts = [digits[:2], digits[2:4], digits[4:6], digits[6:10]]
    return ".".join(p for p in parts if p)


def populations_of(region: Region) -> QuerySet[Population]:
    return region.populations.order_by("-year")


def population_totals(region: Region) -> list[dict[str, Any]]:
    """Population per year summed over all desa inside `region` (one grouped query)."""
    field = {
        Level.PROVINSI: "region__province_code",
        Level.KABKOTA: "region__kabkota_code",
        Level.KECAMATAN: "region__kecamatan_code",
        Level.DESA: "region__code",
    }[Level(region.level)]
    return list(
        Population.objects.filter(**{field: region.code})
        .values("year")
        .annotate(penduduk=Sum("penduduk"), kk=Sum("kk"), desa=Count("id"))
        .order_by("-year")
    )
