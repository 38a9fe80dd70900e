"""Gather the data of the four triggers for many kab/kota at once (a fixed number of
queries, whatever the number of kab/kota) and evaluate them with ppsp.compute.triggers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppsp.compute import triggers as rules
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.cycles.models import IndicatorRule, IndicatorValue, RpjmdPeriod, TriggerPolicy
from ppsp.documents.models import (
    DocType,
    Document,
    DocumentVersion,
    RequiredTable,
    Status,
)
from ppsp.regions.models import Region


@dataclass(frozen=True)
class KabkotaTriggers:
    region: Region
    ssk: Document
    version: DocumentVersion | None
    results: tuple[rules.TriggerResult, ...]

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


def _current_version(versions: list[DocumentVersion]) -> DocumentVersion | None:
    """The approved version if any, else the newest one."""
    approved = [v for v in versions if v.status == Status.APPROVED]
    return approved[0] if approved else (versions[0] if versions else None)


def triggers_for(
    user: Any, *, kabkota_code: str | None = None, as_of_year: int | None = None
) -> list[KabkotaTriggers]:
    """Triggers of every kab/kota in the user's scope that has an SSK (its latest period)."""
    scope = scope_for(user, Permission.VIEW_CYCLES)
    if scope.empty:
        return []
    year = as_of_year or timezone.localdate().year
    docs = Document.objects.filter(doc_type=DocType.SSK).filter(scope.region_q("region__"))
    if kabkota_code is not None:
        docs = docs.filter(region__code=kabkota_code)
    latest: dict[int, Document] = {}
    for doc in docs.select_related("region").order_by("region__code", "-period_start"):
        latest.setdefault(doc.region_id, doc)
    if not latest:
        return []
    documents = list(latest.values())
    versions: dict[int, list[DocumentVersion]] = {}
    for row in (
        DocumentVersion.objects.filter(document__in=documents)
        .annotate(filled=Count("filled_tables"))
        .order_by("-number")
    ):
        versions.setdefault(row.document_id, []).append(row)
    required = dict(
        RequiredTable.objects.filter(method_version__in={d.method_version_id for d in documents})
        .values("method_version")
        .annotate(n=Count("id"))
        .values_list("method_version", "n")
    )
    region_ids = list(latest)
    rpjmds: dict[int, list[rules.RpjmdInfo]] = {}
    for period in RpjmdPeriod.objects.filter(region_id__in=region_ids):
        rpjmds.setdefault(period.region_id, []).append(
            rules.RpjmdInfo(period.start_year, period.end_year, period.perda_number)
        )
    indicator_rules = [
        rules.IndicatorRule(
            key=r.key,
            label=r.label,
            target=r.target,
            target_year=r.target_year,
            baseline=r.baseline,
            baseline_year=r.baseline_year,
            higher_is_better=r.higher_is_better,
        )
        for r in IndicatorRule.objects.filter(active=True)
    ]
    observed: dict[tuple[int, str], rules.Observation] = {}
    for value in IndicatorValue.objects.filter(
        region_id__in=region_ids,
        indicator_key__in=[r.key for r in indicator_rules],
        year__lte=year,
    ).order_by("-year"):
        observed.setdefault(
            (value.region_id, value.indicator_key), rules.Observation(value.year, value.value)
        )
    max_years, threshold = _policy()
    out = []
    for region_id, doc in latest.items():
        ssk = rules.SskInfo(doc.period_start, doc.period_end)
        version = _current_version(versions.get(doc.pk, []))
        filled = getattr(version, "filled", 0) if version else 0
        results = (
            rules.period_expired(ssk, year, max_years=max_years),
            rules.rpjmd_changed(ssk, rpjmds.get(region_id, [])),
            rules.completeness(filled, required.get(doc.method_version_id, 0), threshold=threshold),
            rules.universal_access(
                [(r, observed.get((region_id, r.key))) for r in indicator_rules]
            ),
        )
        out.append(KabkotaTriggers(doc.region, doc, version, results))
    return out
