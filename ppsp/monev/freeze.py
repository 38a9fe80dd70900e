"""Locking a monev realisation report freezes its figures (issue 16).

Submitting a report (diajukan) and approving it (disetujui) each store the report's
realisation figures as a `core.DataSnapshot` (kind ``monev_report``): per programme row the
budget, output, work status, evidence and not-available code, per sasaran indicator the
value and source. While the report is not a draft or returned, the direct lock registered
here refuses every write to the report and its values through `ppsp.core.freeze`, with the
same message and audit as every other freeze. Returning a report opens it again; the next
submission stores a new snapshot (the earlier ones stay).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from ppsp.core import freeze
from ppsp.core.freeze import Holder
from ppsp.monev.models import (
    EDITABLE,
    IndicatorRealisation,
    Report,
    ReportStatus,
    RowRealisation,
)

KIND = "monev_report"
# msgids (Indonesian), translated when the message is shown (`core.freeze.frozen_message`)
STATES = {
    ReportStatus.SUBMITTED: gettext_noop("diajukan"),
    ReportStatus.APPROVED: gettext_noop("disetujui"),
}
HINTS = {
    ReportStatus.SUBMITTED: gettext_noop(
        "Minta peninjau mengembalikan laporan bila perlu diperbaiki."
    ),
    ReportStatus.APPROVED: gettext_noop("Periode ini sudah disetujui dan dikunci."),
}


def label(report: Report) -> str:
    return f"laporan realisasi {report.year} {report.region.name}"


def _number(value: Any) -> str | None:
    return None if value is None else str(value)


def report_data(report: Report) -> dict[str, Any]:
    """The realisation figures of a report, JSON-ready (the snapshot's content)."""
    rows = [
        {
            "row": r.row_id,
            "budget": r.budget,
            "output": _number(r.output),
            "work_status": r.work_status,
            "evidence": r.evidence,
            "source_note": r.source_note,
            "na_code": r.na_code,
            "na_reason": r.na_reason,
        }
        for r in RowRealisation.objects.filter(report=report).order_by("row_id")
    ]
    indicators = [
        {
            "node": i.node_id,
            "value": _number(i.value),
            "source": i.source,
            "source_note": i.source_note,
            "na_code": i.na_code,
            "na_reason": i.na_reason,
        }
        for i in IndicatorRealisation.objects.filter(report=report).order_by("node_id")
    ]
    return {
        "report": report.pk,
        "region": report.region.code,
        "year": report.year,
        "status": report.status,
        "rows": rows,
        "indicators": indicators,
        "budget_total": sum(r["budget"] or 0 for r in rows),
    }


def snapshot_take(*, report: Report, by: Any) -> Any:
    """Store the figures at submission or approval (inside that transition's transaction)."""
    status = STATES.get(ReportStatus(report.status), report.status)
    return freeze.snapshot_store(
        kind=KIND,
        subject=report,
        year=report.year,
        region_code=report.region.code,
        label=label(report),
        event=f"laporan realisasi {report.year} {status}",
        data=report_data(report),
        by=by,
    )


def snapshot_of(report: Report) -> Any:
    return freeze.snapshot_latest(KIND, report.pk)


def report_lock(report: Report) -> Holder | None:
    """The report as stored is submitted or approved: its figures are frozen."""
    if report.pk is None:
        return None
    stored = Report.objects.select_related("region").filter(pk=report.pk).first()
    if stored is None or stored.status in EDITABLE:
        return None
    snap = snapshot_of(stored)
    return Holder(
        label(stored),
        0,
        stored.region.code,
        state=STATES.get(ReportStatus(stored.status), stored.status),
        hint=HINTS.get(ReportStatus(stored.status), ""),
        sha256=snap.sha256 if snap is not None else "",
        subject=stored,
    )


def _through_report(value: RowRealisation | IndicatorRealisation) -> Holder | None:
    return report_lock(value.report) if value.report_id else None


def register() -> None:
    freeze.register_lock(Report, report_lock)
    freeze.register_lock(RowRealisation, _through_report)
    freeze.register_lock(IndicatorRealisation, _through_report)
