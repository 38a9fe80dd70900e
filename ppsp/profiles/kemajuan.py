"""Kemajuan: current values of the previous SSK's indicators and the comparison table.

Current values come from what exists (domain-ppsp.md §14): the latest computed EHRA round
(sanitation ladder per household, IRS) and the latest Form 2 year of the kab/kota; a
value keyed in on the indicator wins. Achievement and status: ``ppsp.compute.kemajuan``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ppsp.compute.kemajuan import achievement, status
from ppsp.ehra.models import DesaResult, SurveyRound
from ppsp.profiles.figures import ladder_shares
from ppsp.profiles.models import LegacyDocument, LegacyTarget
from ppsp.profiles.selectors import Profile, profile_for_kabkota, profile_years
from ppsp.regions.models import Region


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    unit: str
    lower_is_better: bool
    origin: str  # "ehra" or "form2"


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source("babs", str(_("% RT BABS di tempat terbuka (EHRA)")), "%", True, "ehra"),
        Source("belum_layak", str(_("% RT akses sanitasi belum layak (EHRA)")), "%", True, "ehra"),
        Source("akses_layak", str(_("% RT akses sanitasi layak (EHRA)")), "%", False, "ehra"),
        Source("akses_aman", str(_("% RT akses sanitasi aman (EHRA)")), "%", False, "ehra"),
        Source("irs", str(_("IRS rata-rata desa (EHRA)")), "poin", True, "ehra"),
        Source("jamban", str(_("% KK dengan jamban pribadi (Form 2)")), "%", False, "form2"),
        Source("tangki", str(_("% KK dengan tangki septik (Form 2)")), "%", False, "form2"),
        Source("sampah", str(_("% sampah terangkut (Form 2)")), "%", False, "form2"),
        Source("genangan", str(_("Luas genangan (ha, Form 2)")), "ha", True, "form2"),
        Source("miskin", str(_("% KK miskin (Form 2)")), "%", True, "form2"),
    )
}
SOURCE_CHOICES = [("", _("(isian manual)"))] + [(s.key, s.label) for s in SOURCES.values()]


@dataclass(frozen=True)
class CurrentValues:
    values: dict[str, float]
    ehra_year: int | None
    form2_year: int | None


def _ladder_values(survey: SurveyRound) -> dict[str, float]:
    totals: dict[str, int] = {}
    irs_values: list[float] = []
    ladders = list(DesaResult.objects.filter(survey=survey).values_list("ladder", "irs"))
    shares = ladder_shares(ladder for ladder, _irs in ladders)  # the one layak/aman selector
    for ladder, irs in ladders:
        for rung, (count, _pct) in ladder.items():
            totals[rung] = totals.get(rung, 0) + int(count)
        if irs is not None:
            irs_values.append(float(irs))
    known = sum(v for k, v in totals.items() if k != "Tidak diketahui")
    out: dict[str, float] = {}
    if known:

        def pct(*rungs: str) -> float:
            return round(100.0 * sum(totals.get(r, 0) for r in rungs) / known, 2)

        out["babs"] = pct("BABS di tempat terbuka")
        out["belum_layak"] = pct("BABS di tempat terbuka", "Belum layak")
        out["akses_layak"] = shares["layak"]
        out["akses_aman"] = shares["aman"]
    if irs_values:
        out["irs"] = round(sum(irs_values) / len(irs_values), 2)
    return out


def _share(profiles: list[Profile], part: Callable[[Profile], float | None]) -> float | None:
    num = den = 0.0
    for p in profiles:
        value = part(p)
        if value is not None and p.kk:
            num += value
            den += p.kk
    return round(100.0 * num / den, 2) if den else None


def _form2_values(profiles: list[Profile]) -> dict[str, float]:
    candidates: dict[str, float | None] = {
        "jamban": _share(profiles, lambda p: p.jamban_pribadi),
        "tangki": _share(profiles, lambda p: p.tangki_septik),
        "miskin": _share(profiles, lambda p: p.kk_miskin),
    }
    weighted = [(p.sampah_terangkut, p.penduduk) for p in profiles]
    pairs = [(v, w) for v, w in weighted if v is not None and w]
    if pairs:
        total = sum(w for _v, w in pairs)
        candidates["sampah"] = round(sum(v * w for v, w in pairs) / total, 2)
    areas = [p.luas_genangan for p in profiles if p.luas_genangan is not None]
    if areas:
        candidates["genangan"] = round(sum(areas), 2)
    return {k: v for k, v in candidates.items() if v is not None}


def current_values(region: Region, *, within: tuple[int, int] | None = None) -> CurrentValues:
    """Current value per source key for a kab/kota (latest EHRA round, latest Form 2 year).

    ``within`` (first, last year, inclusive) limits both to a document's period, so that a
    historical document never shows today's values (issue 16)."""
    values: dict[str, float] = {}
    rounds = SurveyRound.objects.filter(region=region, computed_at__isnull=False)
    if within is not None:
        rounds = rounds.filter(year__range=within)
    survey = rounds.order_by("-year").first()
    if survey is not None:
        values.update(_ladder_values(survey))
    years = profile_years(region.code)
    if within is not None:
        years = [y for y in years if within[0] <= y <= within[1]]
    if years:
        values.update(_form2_values(list(profile_for_kabkota(region.code, years[0]).values())))
    return CurrentValues(values, survey.year if survey else None, years[0] if years else None)


@dataclass(frozen=True)
class KemajuanRow:
    target: LegacyTarget
    document: LegacyDocument
    current: float | None
    current_origin: str
    achievement: float | None
    status: str


STATUS_LABELS = {
    "tercapai": _("tercapai"),
    "sebagian": _("sebagian"),
    "belum": _("belum"),
    "tidak_ada_data": _("tidak ada data"),
}


def kemajuan_rows(documents: list[LegacyDocument], current: CurrentValues) -> list[KemajuanRow]:
    """One row per indicator of the given documents, achievement computed in one call."""
    targets = [(d, t) for d in documents for t in d.targets.all()]
    now: list[float] = []
    origin: list[str] = []
    for _d, t in targets:
        if t.current_manual is not None:
            now.append(t.current_manual)
            origin.append(str(_("isian")))
        elif t.source in current.values:
            now.append(current.values[t.source])
            src = SOURCES[t.source]
            year = current.ehra_year if src.origin == "ehra" else current.form2_year
            origin.append(f"{'EHRA' if src.origin == 'ehra' else 'Form 2'} {year}")
        else:
            now.append(math.nan)
            origin.append("")
    base = [t.baseline for _d, t in targets]
    goal = [t.target for _d, t in targets]
    lower = [t.lower_is_better for _d, t in targets]
    pct = achievement(base, goal, now, lower)
    states = status(base, goal, now, lower)
    return [
        KemajuanRow(
            target=t,
            document=d,
            current=None if math.isnan(now[i]) else now[i],
            current_origin=origin[i],
            achievement=None if math.isnan(float(pct[i])) else round(float(pct[i]), 1),
            status=states[i],
        )
        for i, (d, t) in enumerate(targets)
    ]
