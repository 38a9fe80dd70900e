"""Dashboard panels that draw on the documents and cycles apps (issue 4, item 6):
documents by status and age, update cycles by process and lateness, triggers firing.

Each panel is a constant number of grouped queries whatever the number of kab/kota.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Case, CharField, Count, OuterRef, Subquery, Value, When
from django.utils import timezone

from ppsp.core.permissions import Permission
from ppsp.core.scope import scope_for
from ppsp.cycles.selectors import process_counts
from ppsp.cycles.trigger_data import LABELS, triggers_for
from ppsp.documents.models import DocType, Document, DocumentVersion, Status

AGE_BUCKETS = ("0–2", "3–5", "> 5")


def document_overview(
    user: Any, *, province: str = "", today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Per document type: how many documents have their latest version in each status, and
    how old they are (years since the start of their period: 0–2, 3–5, more than 5)."""
    scope = scope_for(user, Permission.VIEW_DOCUMENTS)
    if scope.empty:
        return []
    year = (today or timezone.localdate()).year
    latest_status = (
        DocumentVersion.objects.filter(document=OuterRef("pk")).order_by("-number").values("status")
    )[:1]
    documents = Document.objects.filter(scope.region_q("region__"))
    if province:
        documents = documents.filter(region__province_code=province)
    grouped = (
        documents.annotate(
            latest_status=Subquery(latest_status, output_field=CharField()),
            age=Case(
                When(period_start__gte=year - 2, then=Value(AGE_BUCKETS[0])),
                When(period_start__gte=year - 5, then=Value(AGE_BUCKETS[1])),
                default=Value(AGE_BUCKETS[2]),
                output_field=CharField(),
            ),
        )
        .values("doc_type", "latest_status", "age")
        .annotate(n=Count("id"))
    )
    by_type: dict[str, dict[str, Counter[str]]] = {}
    for row in grouped:
        entry = by_type.setdefault(row["doc_type"], {"status": Counter(), "age": Counter()})
        entry["status"][row["latest_status"] or ""] += row["n"]
        entry["age"][row["age"]] += row["n"]
    return [
        {
            "doc_type": label,
            "total": sum(by_type[value]["status"].values()),
            "status": [by_type[value]["status"][s] for s in Status.values],
            "age": [by_type[value]["age"][a] for a in AGE_BUCKETS],
        }
        for value, label in DocType.choices
        if value in by_type
    ]


def cycle_overview(user: Any, *, province: str = "") -> list[dict[str, Any]]:
    """Update-cycle processes per number, by state, with how many are late."""
    return process_counts(user, province=province)


def trigger_overview(user: Any, *, province: str = "") -> dict[str, Any]:
    """How many kab/kota (with an SSK) each pemutakhiran trigger fires for."""
    results = [t for t in triggers_for(user) if not province or t.region.province_code == province]
    fired = Counter(r.key for t in results for r in t.fired)
    return {
        "assessed": len(results),
        "any": sum(1 for t in results if t.fired),
        "rows": [{"label": label, "n": fired[key]} for key, label in LABELS.items()],
    }


SUMMARY = "ringkasan.xlsx"


def summary_sheets(
    user: Any, *, province: str = ""
) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """The dashboard's summary tables as (header, rows), for the one-workbook export."""
    from ppsp.programme import stats

    participations = stats.participations_for(user, province=province)
    documents = document_overview(user, province=province)
    triggers = trigger_overview(user, province=province)
    return {
        "tahapan": (
            ["tahapan", "nama", "kab_kota", "terlambat"],
            [
                [s["number"], s["name"], s["n"], s["late"]]
                for s in stats.stage_counts(participations)
            ],
        ),
        "kohort": (
            ["tahun_kohort", "baru", "kumulatif"],
            [
                [c["cohort_year"], c["n"], c["cumulative"]]
                for c in stats.cohort_counts(participations)
            ],
        ),
        "dokumen": (
            ["dokumen", "jumlah", *Status.values, *[f"umur {a} th" for a in AGE_BUCKETS]],
            [[str(d["doc_type"]), d["total"], *d["status"], *d["age"]] for d in documents],
        ),
        "siklus": (
            ["proses", "nama", "siklus", "berjalan", "selesai", "terlambat"],
            [
                [p["number"], p["name"], p["total"], p["berjalan"], p["selesai"], p["late"]]
                for p in cycle_overview(user, province=province)
            ],
        ),
        "pemicu": (
            ["pemicu", "kab_kota"],
            [[str(t["label"]), t["n"]] for t in triggers["rows"]],
        ),
    }


def overview_context(user: Any, *, province: str = "") -> dict[str, Any]:
    return {
        "document_overview": document_overview(user, province=province),
        "document_statuses": [label for _, label in Status.choices],
        "age_buckets": AGE_BUCKETS,
        "cycle_overview": cycle_overview(user, province=province),
        "trigger_overview": trigger_overview(user, province=province),
    }
