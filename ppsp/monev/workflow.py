"""Monev report review on `core.workflow` (DESIGN.md §3): draft → submitted → approved
(the period locks: `services.refuse_if_locked`) or returned → submitted again.

The Pokja submits (only with realisation values entered); the reviewers (CF, Pokja
Provinsi, PMU) approve or return with a comment.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ppsp.core.permissions import Permission
from ppsp.core.workflow import Context, Step, Workflow, guard
from ppsp.monev.models import ReportStatus as S


class ReportAction:
    SUBMIT = "ajukan"
    APPROVE = "setujui"
    RETURN = "kembalikan"


ACTION_LABELS = {
    ReportAction.SUBMIT: "Ajukan untuk ditinjau",
    ReportAction.APPROVE: "Setujui dan kunci periode",
    ReportAction.RETURN: "Kembalikan ke Pokja",
}
# The action that leads to each status (the services name the status they want).
ACTION_TO: dict[str, str] = {
    S.SUBMITTED: ReportAction.SUBMIT,
    S.APPROVED: ReportAction.APPROVE,
    S.RETURNED: ReportAction.RETURN,
}


@guard("realisasi_terisi")
def values_entered(ctx: Context) -> str | None:
    report = ctx.obj
    if report.row_values.exists() or report.indicator_values.exists():
        return None
    return "Isi realisasi terlebih dahulu sebelum mengajukan laporan."


def _validate(ctx: Context) -> None:
    if ctx.action == ReportAction.RETURN and not str(ctx.kw.get("reason", "")).strip():
        raise ValidationError("Tuliskan catatan untuk Pokja saat mengembalikan laporan.")


_EDIT, _REVIEW = Permission.EDIT_MONEV, Permission.REVIEW_MONEV
A = ReportAction
WORKFLOW = Workflow(
    name="monev.report",
    field="status",
    states=S,
    actions=ACTION_LABELS,
    steps=[
        Step(S.DRAFT, A.SUBMIT, S.SUBMITTED, _EDIT, (values_entered,)),
        Step(S.RETURNED, A.SUBMIT, S.SUBMITTED, _EDIT, (values_entered,)),
        Step(S.SUBMITTED, A.APPROVE, S.APPROVED, _REVIEW),
        Step(S.SUBMITTED, A.RETURN, S.RETURNED, _REVIEW),
    ],
    region_code=lambda report: str(report.region.code),
    attempted=lambda report, action: f"status laporan {report.year} '{action}'",
    not_allowed=lambda report, action, state: (
        f"Laporan berstatus {report.get_status_display().lower()}: langkah ini tidak bisa."
    ),
    validate=_validate,
    select_related=("region",),
    full_clean=False,
)
