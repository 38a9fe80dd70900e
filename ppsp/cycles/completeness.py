"""Data completeness of kab/kota, computed from the stored data (pemutakhiran trigger 3).

An item is present when the data exist in the database, never because a box was ticked:
each Form 2 field counts when every desa of the kab/kota has it in the latest Form 2 year;
EHRA counts when a round has IRS results per desa, area berisiko when a round has classes;
SWOT, KKL and Lampiran 4 count when the MPS plan of the kab/kota has rows of that kind.
A fixed number of queries whatever the number of kab/kota.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from ppsp.ehra.models import AreaRisk, DesaResult
from ppsp.mps.models import KklNode, ProgrammeRow, SwotFactor
from ppsp.profiles.models import DesaProfile
from ppsp.regions.models import Level, Region

# Form 2 fields the SSK tables and the area-berisiko method read (ehra-risk.md §5.1/§5.2).
FORM2_FIELDS = (
    "luas_administratif",
    "urban_bps",
    "kk_miskin",
    "jamban_pribadi",
    "tangki_septik",
    "sampah_terangkut",
    "tps",
    "luas_genangan",
)


@dataclass(frozen=True)
class Item:
    label: str
    present: bool
    detail: str


@dataclass(frozen=True)
class Completeness:
    items: tuple[Item, ...]

    @property
    def filled(self) -> int:
        return sum(1 for i in self.items if i.present)

    @property
    def required(self) -> int:
        return len(self.items)

    @property
    def missing(self) -> list[str]:
        return [
            f"{i.label} ({i.detail})" if i.detail else i.label for i in self.items if not i.present
        ]


def _field_label(name: str) -> str:
    return str(getattr(DesaProfile._meta.get_field(name), "verbose_name", name))


def data_completeness(region_ids: Iterable[int]) -> dict[int, Completeness]:
    """Completeness items per kab/kota id (see the module docstring for what counts)."""
    ids = list(region_ids)
    if not ids:
        return {}
    codes = dict(Region.objects.filter(pk__in=ids).values_list("pk", "code"))
    by_code = {code: pk for pk, code in codes.items()}
    desa = dict(
        Region.objects.filter(level=Level.DESA, kabkota_code__in=by_code)
        .values("kabkota_code")
        .annotate(n=Count("id"))
        .values_list("kabkota_code", "n")
    )
    form2: dict[str, dict[str, int]] = {}
    for row in (
        DesaProfile.objects.filter(desa__kabkota_code__in=by_code)
        .values("desa__kabkota_code", "year")
        .annotate(**{f: Count(f) for f in FORM2_FIELDS})
        .order_by("desa__kabkota_code", "-year")
    ):
        form2.setdefault(row["desa__kabkota_code"], row)
    ehra = _counts(DesaResult.objects.filter(survey__region_id__in=ids), "survey__region_id")
    areas = _counts(AreaRisk.objects.filter(survey__region_id__in=ids), "survey__region_id")
    swot = _counts(SwotFactor.objects.filter(plan__region_id__in=ids), "plan__region_id")
    kkl = _counts(KklNode.objects.filter(plan__region_id__in=ids), "plan__region_id")
    rows = _counts(ProgrammeRow.objects.filter(plan__region_id__in=ids), "plan__region_id")
    out = {}
    for pk, code in codes.items():
        total = desa.get(code, 0)
        latest = form2.get(code)
        items = []
        for name in FORM2_FIELDS:
            have = latest[name] if latest else 0
            detail = (
                _("%(n)s dari %(total)s desa, Form 2 %(year)s")
                % {"n": have, "total": total, "year": latest["year"]}
                if latest
                else _("Form 2 belum diisi")
            )
            items.append(Item(f"Form 2: {_field_label(name)}", total > 0 and have >= total, detail))
        for label, counts, unit in (
            (_("EHRA: IRS per desa"), ehra, _("desa")),
            (_("Area berisiko"), areas, _("sel desa × komponen")),
            (_("SWOT"), swot, _("faktor")),
            (_("Kerangka Kerja Logis"), kkl, _("simpul")),
            (_("Lampiran 4 (program/kegiatan)"), rows, _("baris")),
        ):
            n = counts.get(pk, 0)
            items.append(Item(label, n > 0, f"{n} {unit}" if n else _("belum ada data")))
        out[pk] = Completeness(tuple(items))
    return out


def _counts(queryset: object, key: str) -> dict[int, int]:
    return dict(
        queryset.values(key).annotate(n=Count("id")).values_list(key, "n")  # type: ignore[attr-defined]
    )
