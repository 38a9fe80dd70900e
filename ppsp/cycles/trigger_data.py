"""Gather the data of the four triggers for many kab/kota at once (a fixed number of
queries, whatever the number of kab/kota) and evaluate them with ppsp.compute.triggers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.compute import triggers as rules
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.cycles.completeness import Completeness, data_completeness
from ppsp.cycles.models import IndicatorRule, IndicatorValue, RpjmdPeriod, TriggerPolicy
from ppsp.documents.models import (
    DocType,
    Document,
    DocumentVersion,
    Status,
)
from ppsp.profiles.figures import SourcedValue, sanitasi_access
from ppsp.regions.models import Region


@dataclass(frozen=True)
class KabkotaTriggers:
    region: Region
    ssk: Document | None  # the SSK in force: the last approved one (None: none approved yet)
    version: DocumentVersion | None  # its approved version
    results: tuple[rules.TriggerResult, ...]
    completeness: Completeness | None = None
    draft: Document | None = None  # a newer SSK still being written, shown beside it
    access: tuple[SourcedValue, ...] = ()  # akses sanitasi per source and year, all shown

    @property
    def fired(self) -> list[rules.TriggerResult]:
        return [r for r in self.results if r.fired]


LABELS = {
    rules.EXPIRED: _("Periode SSK lebih dari 5 tahun"),
    rules.RPJMD: _("Perubahan RPJMD"),
    rules.INCOMPLETE: _("Data tidak lengkap"),
    rules.UNIVERSAL_ACCESS: _("Target akses universal"),
}


def _policy() -> tuple[int, float]:
    policy = TriggerPolicy.objects.order_by("-id").first()
    if policy is None:
        return 5, 0.8
    return policy.max_age_years, policy.completeness_threshold


def ssk_in_force(region: Region, as_of_year: int | None = None) -> Document | None:
    """The SSK in force in a kab/kota: the approved SSK with the latest period that began
    by ``as_of_year`` (default: any). A draft is never in force."""
    docs = Document.objects.filter(
        region=region, doc_type=DocType.SSK, versions__status=Status.APPROVED
    )
    if as_of_year is not None:
        docs = docs.filter(period_start__lte=as_of_year)
    return docs.order_by("-period_start").distinct().first()


def rule_for_year(
    candidates: list[IndicatorRule], region_id: int, year: int
) -> tuple[IndicatorRule, bool] | None:
    """The target of one indicator that applies to a kab/kota in ``year``: its own RPJMD
    target whose period contains the year, else the national (RPJMN) target whose period
    contains it, else the latest national target before the year (flagged stale: True)."""
    own = [r for r in candidates if r.region_id == region_id]
    national = [r for r in candidates if r.region_id is None]
    for pool in (own, national):
        covering = [r for r in pool if r.period_start <= year <= r.period_end]
        if covering:
            return max(covering, key=lambda r: r.period_start), False
    earlier = [r for r in national if r.period_start <= year]
    if earlier:
        return max(earlier, key=lambda r: r.period_start), True
    return None


def unconfirmed(source: str) -> list[str]:
    """The parts of a rule's source tagged [R] or [I] (not confirmed by a read source).

    >>> unconfirmed("90 % layak [C] ehra-risk.md §10.2; nilai awal 77,39 % (2019) [R]")
    ['nilai awal 77,39 % (2019) [R]']
    """
    return [p.strip() for p in source.split(";") if "[R]" in p or "[I]" in p]


def _pure_rule(rule: IndicatorRule, stale: bool) -> rules.IndicatorRule:
    label = rule.period_label
    if stale:
        label += ", " + str(_("target periode berjalan belum dicatat"))
    if unsure := unconfirmed(rule.source):
        label += "; " + str(_("belum dikonfirmasi sumber: %(parts)s")) % {
            "parts": "; ".join(unsure)
        }
    return rules.IndicatorRule(
        key=rule.key,
        label=rule.label,
        target=rule.target,
        target_year=rule.target_year,
        baseline=rule.baseline,
        baseline_year=rule.baseline_year,
        higher_is_better=rule.higher_is_better,
        period_label=label,
    )


def triggers_for(
    user: Any, *, kabkota_code: str | None = None, as_of_year: int | None = None
) -> list[KabkotaTriggers]:
    """Triggers of every kab/kota in the user's scope that has an SSK.

    The period and RPJMD triggers read the SSK in force (the last approved one, never a
    draft); the UA trigger reads the target of the period containing ``as_of_year``; data
    completeness is computed from the stored data (``ppsp.cycles.completeness``).
    """
    scope = scope_for(user, Permission.VIEW_CYCLES)
    if scope.empty:
        return []
    year = as_of_year or timezone.localdate().year
    docs = Document.objects.filter(doc_type=DocType.SSK).filter(scope.region_q("region__"))
    if kabkota_code is not None:
        docs = docs.filter(region__code=kabkota_code)
    all_docs = list(docs.select_related("region").order_by("region__code", "-period_start"))
    if not all_docs:
        return []
    approved: dict[int, DocumentVersion] = {}
    for v in DocumentVersion.objects.filter(document__in=all_docs, status=Status.APPROVED).order_by(
        "-number"
    ):
        approved.setdefault(v.document_id, v)
    in_force: dict[int, Document | None] = {}
    newest: dict[int, Document] = {}
    regions: dict[int, Region] = {}
    for doc in all_docs:
        regions.setdefault(doc.region_id, doc.region)
        newest.setdefault(doc.region_id, doc)
        in_force.setdefault(doc.region_id, None)
        if in_force[doc.region_id] is None and doc.pk in approved and doc.period_start <= year:
            in_force[doc.region_id] = doc
    region_ids = list(regions)
    rpjmds: dict[int, list[rules.RpjmdInfo]] = {}
    for period in RpjmdPeriod.objects.filter(region_id__in=region_ids):
        rpjmds.setdefault(period.region_id, []).append(
            rules.RpjmdInfo(period.start_year, period.end_year, period.perda_number)
        )
    by_key: dict[str, list[IndicatorRule]] = {}
    for r in IndicatorRule.objects.filter(active=True).filter(
        Q(region__isnull=True) | Q(region_id__in=region_ids)
    ):
        by_key.setdefault(r.key, []).append(r)
    observed: dict[tuple[int, str], rules.Observation] = {}
    for value in IndicatorValue.objects.filter(
        region_id__in=region_ids, indicator_key__in=list(by_key), year__lte=year
    ).order_by("-year"):
        observed.setdefault(
            (value.region_id, value.indicator_key),
            rules.Observation(value.year, value.value, value.source),
        )
    completeness = data_completeness(region_ids)
    access = sanitasi_access(region_ids)
    max_years, threshold = _policy()
    out = []
    for region_id, region in regions.items():
        current = in_force[region_id]
        data = completeness[region_id]
        checks = []
        for key, candidates in by_key.items():
            chosen = rule_for_year(candidates, region_id, year)
            if chosen is not None:
                checks.append((_pure_rule(*chosen), observed.get((region_id, key))))
        data_result = rules.completeness(
            data.filled,
            data.required,
            threshold=threshold,
            unit=str(_("butir data tersedia")),
            missing=data.missing,
        )
        ua_result = rules.universal_access(checks)
        if current is None:
            none = str(_("Belum ada SSK yang disahkan; pemicu dinilai setelah pengesahan."))
            head: tuple[rules.TriggerResult, ...] = (
                rules.TriggerResult(rules.EXPIRED, False, none),
                rules.TriggerResult(rules.RPJMD, False, none),
            )
        else:
            ssk = rules.SskInfo(current.period_start, current.period_end)
            head = (
                rules.period_expired(ssk, year, max_years=max_years),
                rules.rpjmd_changed(ssk, rpjmds.get(region_id, [])),
            )
        draft = newest[region_id]
        out.append(
            KabkotaTriggers(
                region,
                current,
                approved.get(current.pk) if current else None,
                (*head, data_result, ua_result),
                completeness=data,
                draft=draft if draft != current and draft.pk not in approved else None,
                access=tuple(access[region_id]),
            )
        )
    return out
