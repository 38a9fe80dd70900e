"""The Lampiran 4 import as background jobs (see ``ppsp.core.upload_jobs``): one checks
the file and keeps its preview (cell changes, new rows, problems), one saves it."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from ppsp.core.upload_jobs import ERROR, SUCCESS, Outcome, pack, unpack

CHECK = "ppsp.mps.import_jobs.lampiran4_check"
COMMIT = "ppsp.mps.import_jobs.lampiran4_commit"


def _plan(upload: Any) -> Any:
    from ppsp.mps.models import Plan

    return Plan.objects.select_related("region").get(pk=upload.params["plan"])


def lampiran4_check(upload: Any, tracker: Any) -> Outcome:
    """Read the workbook against the plan's rows; the preview is kept, nothing saved."""
    from ppsp.mps.workbook import read_workbook

    plan = _plan(upload)
    diff = read_workbook(upload.filename, bytes(upload.content), plan, list(plan.rows.all()))
    outcome = Outcome(
        preview={
            "changes": pack(diff.changes),
            "additions": pack(diff.additions),
            "errors": pack(diff.errors),
        },
        keep_content=not diff.errors,
    )
    outcome.next = f"{reverse('mps:import', kwargs={'pk': plan.pk})}?unggahan={upload.pk}"
    if diff.errors:
        outcome.ok = False
        outcome.add(ERROR, str(diff.errors[0]))
    return outcome


def preview(upload: Any) -> dict[str, Any]:
    """The kept preview as the workbook's own objects (for the preview page)."""
    from ppsp.mps.workbook import CellChange, RowAddition, WorkbookError

    stored = upload.result.get("preview") or {}
    return {
        "changes": [CellChange(**unpack(c)) for c in stored.get("changes", [])],
        "additions": [RowAddition(**unpack(a)) for a in stored.get("additions", [])],
        "errors": [WorkbookError(**unpack(e)) for e in stored.get("errors", [])],
    }


def lampiran4_commit(upload: Any, tracker: Any) -> Outcome:
    """Read the file again against the current rows and save every change, all or nothing."""
    from ppsp.mps import services
    from ppsp.mps.workbook import read_workbook

    plan = _plan(upload)
    diff = read_workbook(upload.filename, bytes(upload.content), plan, list(plan.rows.all()))
    outcome = Outcome()
    if diff.errors:
        for error in diff.errors:
            outcome.error(str(error))
        outcome.error(_("Tidak ada data yang disimpan. Perbaiki berkas lalu unggah lagi."))
        return outcome
    count = services.rows_apply_changes(
        plan=plan,
        changes=[(c.row_id, c.field, c.new) for c in diff.changes],
        additions=[a.values for a in diff.additions],
        by=upload.created_by,
        reason=f"impor {upload.filename}",
    )
    outcome.add(
        SUCCESS,
        _("Impor %(file)s selesai: %(n)d sel diubah, %(a)d baris ditambahkan.")
        % {"file": upload.filename, "n": count, "a": len(diff.additions)},
    )
    outcome.next = reverse("mps:kabkota", kwargs={"code": plan.region.code})
    return outcome
