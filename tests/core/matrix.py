"""Permission expectations of the shared background-job status and cancel URLs."""

from __future__ import annotations

from tests.matrix_support import SEES, Expect, Kwargs, post_only, scoped


def _job(code: str) -> dict[str, object]:
    from ppsp.core.models import BackgroundJob

    job = BackgroundJob.objects.create(
        kind="optimasi",
        label="Optimasi skenario uji",
        region_code=code[:5],
        permission="view_planning",
        cancel_permission="edit_planning",
        task_path="tests.core.jobs_tasks.slow_steps",
    )
    return {"pk": job.pk}


def _upload(code: str) -> dict[str, object]:
    """A file import waiting for the worker (its job is the one that scopes the page)."""
    from ppsp.core.models import BackgroundJob, UploadedImport

    upload = UploadedImport.objects.create(
        handler="ppsp.profiles.import_jobs.form2_import",
        filename="form2.xlsx",
        region_code=code[:5],
        return_url="/",
    )
    BackgroundJob.objects.create(
        kind="impor-berkas",
        label="Impor uji",
        region_code=code[:5],
        permission="view_planning",
        cancel_permission="edit_planning",
        task_path="ppsp.core.tasks.import_upload_task",
        target_model="core.uploadedimport",
        target_id=upload.pk,
    )
    return {"pk": upload.pk}


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "core:job_status": (_job, scoped(SEES)),
    "core:upload_status": (_upload, scoped(SEES)),
    "core:job_cancel": (_job, post_only),
}
