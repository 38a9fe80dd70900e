"""Reads of Form 2 profiles and previous SSK documents; access helpers answer 404.

``profile_for_kabkota`` is the read interface for other apps (scenarios: density netto
and CBD per desa); it is not scoped, the caller has already checked access.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.shortcuts import get_object_or_404

from ppsp.compute.profile import density, poverty_pct
from ppsp.core.access import object_for_user, require
from ppsp.core.permissions import Permission
from ppsp.profiles.models import DesaProfile, LegacyDocument, LegacyTarget
from ppsp.regions.models import Level, Population, Region

VIEW = Permission.VIEW_REGION
EDIT = Permission.EDIT_REGION_DATA
VIEW_KEMAJUAN = Permission.VIEW_DOCUMENTS
EDIT_KEMAJUAN = Permission.EDIT_DOCUMENTS


def get_desa_for_user(user: Any, code: str, permission: Permission = VIEW) -> Region:
    require(user, permission, code)
    return get_object_or_404(Region, code=code, level=Level.DESA)


def get_legacy_for_user(
    user: Any, pk: int, permission: Permission = VIEW_KEMAJUAN
) -> LegacyDocument:
    return object_for_user(user, LegacyDocument, pk, permission, "region.code")


def get_target_for_user(user: Any, pk: int, permission: Permission = EDIT_KEMAJUAN) -> LegacyTarget:
    return object_for_user(user, LegacyTarget, pk, permission, "document.region.code")


@dataclass(frozen=True)
class Profile:
    """Form 2 row of one desa and year with population and the derived figures."""

    code: str
    name: str
    kecamatan: str
    year: int
    penduduk: int | None
    kk: int | None
    luas_administratif: float | None
    luas_terbangun: float | None
    growth_pct: float | None
    urban_bps: int | None
    urban_rtrw: int | None
    cbd: bool
    kk_miskin: int | None
    jamban_pribadi: int | None
    tangki_septik: int | None
    sampah_terangkut: float | None
    tps: int | None
    luas_genangan: float | None
    kepadatan_bruto: float | None  # jiwa/ha
    kepadatan_netto: float | None  # jiwa/ha
    kk_miskin_pct: float | None
    pk: int | None = None

    def value(self, key: str) -> Any:
        if key == "desa":
            return self.name
        return getattr(self, key)


PROFILE_FIELDS = (
    "luas_administratif",
    "luas_terbangun",
    "growth_pct",
    "urban_bps",
    "urban_rtrw",
    "cbd",
    "kk_miskin",
    "jamban_pribadi",
    "tangki_septik",
    "sampah_terangkut",
    "tps",
    "luas_genangan",
)


def _nan(value: float | int | None) -> float:
    return math.nan if value is None else float(value)


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 2)


def profiles_of(desa: list[Region], year: int) -> list[Profile]:
    """Profiles of the given desa for a year, in the given order (three queries in all)."""
    ids = [d.pk for d in desa]
    rows = {p.desa_id: p for p in DesaProfile.objects.filter(desa_id__in=ids, year=year)}
    people = {p.region_id: p for p in Population.objects.filter(region_id__in=ids, year=year)}
    kecamatan = dict(
        Region.objects.filter(code__in={d.kecamatan_code for d in desa}).values_list("code", "name")
    )
    pend = [_nan(people[d.pk].penduduk) if d.pk in people else math.nan for d in desa]
    kks = [_nan(people[d.pk].kk) if d.pk in people else math.nan for d in desa]
    adm = [_nan(rows[d.pk].luas_administratif) if d.pk in rows else math.nan for d in desa]
    built = [_nan(rows[d.pk].luas_terbangun) if d.pk in rows else math.nan for d in desa]
    poor = [_nan(rows[d.pk].kk_miskin) if d.pk in rows else math.nan for d in desa]
    bruto, netto, pct = density(pend, adm), density(pend, built), poverty_pct(poor, kks)
    result = []
    for i, region in enumerate(desa):
        row = rows.get(region.pk)
        pop = people.get(region.pk)
        values = {f: getattr(row, f) for f in PROFILE_FIELDS} if row else {}
        if not row:
            values = {f: (False if f == "cbd" else None) for f in PROFILE_FIELDS}
        result.append(
            Profile(
                code=region.code,
                name=region.name,
                kecamatan=kecamatan.get(region.kecamatan_code, ""),
                year=year,
                penduduk=pop.penduduk if pop else None,
                kk=pop.kk if pop else None,
                kepadatan_bruto=_opt(float(bruto[i])),
                kepadatan_netto=_opt(float(netto[i])),
                kk_miskin_pct=_opt(float(pct[i])),
                pk=row.pk if row else None,
                **values,
            )
        )
    return result


def desa_of(kabkota_code: str) -> list[Region]:
    return list(Region.objects.filter(kabkota_code=kabkota_code, level=Level.DESA).order_by("code"))


def profile_for_kabkota(code: str, year: int) -> dict[str, Profile]:
    """{desa code: Profile} for every desa of the kab/kota (unscoped read interface)."""
    return {p.code: p for p in profiles_of(desa_of(code), year)}


def profile_years(code: str) -> list[int]:
    return sorted(
        set(
            DesaProfile.objects.filter(desa__kabkota_code=code)
            .values_list("year", flat=True)
            .distinct()
        ),
        reverse=True,
    )


def legacy_documents(region: Region) -> list[LegacyDocument]:
    return list(
        LegacyDocument.objects.filter(region=region).defer("content").prefetch_related("targets")
    )
