"""The figures at the top of the national and provincial programme dashboards, and the
kab/kota page, computed once per stamp and web process instead of on every request
(issue 21 item 11).

Counts per stage and cohort, kab/kota totals and the documents/cycles/triggers panels are
the same for every user whose scope covers the whole area (national: the PMU; a province:
its Pokja Provinsi and PF), so they are kept in the per-process `local` cache under a stamp
of today's date and a SUMMARY_SECONDS time bucket: a national or provincial figure is at
most that old (the page says when it was computed), however many kab/kota are writing, so
a busy data-entry day does not turn every dashboard request into a recomputation. The
kab/kota page's stamp also carries the id of the latest audit row filed under that kab/kota
(every service write is audited in its transaction), so a Pokja sees its own change at once.

Reading a stamp is at most one index query. A user whose scope covers only part of the
area gets the figures computed for their scope, as before.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import caches
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language

from ppsp.audit.models import AuditEvent
from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.programme import stats
from ppsp.programme.models import Stage
from ppsp.programme.overview import overview_context

SUMMARY_SECONDS = 60
# the permissions the summary's selectors scope by
SCOPED_BY = (Permission.VIEW_PROGRAMME, Permission.VIEW_DOCUMENTS, Permission.VIEW_CYCLES)


def covers_area(user: Any, province: str = "") -> bool:
    """Whether the user sees the whole area (the nation, or `province`) for every panel."""
    for permission in SCOPED_BY:
        scope = scope_for(user, permission)
        if not (scope.national or (province and province in scope.provinces)):
            return False
    return True


def data_stamp(
    now: float | None = None, *, region_code: str = "", last_audit: int | None = None
) -> str:
    """Today's date and the time bucket; with `region_code`, also the latest audit row of
    that region (a change there gives a new stamp at once), read here unless the caller
    passes its id as `last_audit` (0: none), read in the same query as the region."""
    bucket = int((time.time() if now is None else now) // SUMMARY_SECONDS)
    stamp = f"{timezone.localdate().isoformat()}:{bucket}"
    if not region_code:
        return stamp
    last = last_audit
    if last is None:
        last = (
            AuditEvent.objects.filter(region_code=region_code)
            .order_by("-id")
            .values_list("id", flat=True)
            .first()
        )
    return f"{last or 0}:{stamp}"


def compute_summary(user: Any, *, province: str = "") -> dict[str, Any]:
    """Every figure of the dashboard above the kab/kota table, for the user's scope."""
    participations = stats.participations_for(user, province=province)
    counts = stats.stage_counts(participations)
    cohorts = stats.cohort_counts(participations)
    return {
        "summary_computed_at": timezone.localtime(),
        "stage_counts": counts,
        "cohort_counts": cohorts,
        "participants": sum(c["n"] for c in cohorts),
        "kabkota_total": stats.kabkota_total(user, province=province),
        "provinces": []
        if province
        else [{"code": p.code, "name": p.name} for p in stats.provinces_for(user)],
        "stages": [{"number": s.number, "label": str(s)} for s in Stage.objects.order_by("number")],
        "chart": {
            "stages": {
                "labels": [f"{c['number'] or '-'}" for c in counts],
                "names": [c["name"] for c in counts],
                "values": [c["n"] for c in counts],
            },
            "cohorts": {
                "labels": [str(c["cohort_year"]) for c in cohorts],
                "values": [c["n"] for c in cohorts],
            },
        },
        **overview_context(user, province=province),
    }


def plain(value: Any) -> Any:
    """Lists, dicts, numbers and str only: a lazy translation unpickled from the cache costs
    milliseconds (it rebuilds its proxy class), so the summary is stored translated."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


def summary_stamp(user: Any, province: str = "") -> str:
    """The cache stamp of the area's summary for this user; '' (compute, do not cache) when
    the user's scope covers only part of the area."""
    return data_stamp() if covers_area(user, province) else ""


def dashboard_summary(user: Any, *, province: str = "", stamp: str = "") -> dict[str, Any]:
    """The summary for `user`: from the per-process cache under `stamp` (see summary_stamp)."""
    if not stamp:
        return compute_summary(user, province=province)
    key = f"programme-summary:{province or 'nasional'}:{get_language()}:{stamp}"
    cached: dict[str, Any] | None = caches["local"].get(key)
    if cached is None:
        cached = plain(compute_summary(user, province=province))
        caches["local"].set(key, cached, SUMMARY_SECONDS * 2)
    return cached
