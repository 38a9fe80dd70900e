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


EXPECTATIONS: dict[str, tuple[Kwargs, Expect]] = {
    "core:job_status": (_job, scoped(SEES)),
    "core:job_cancel": (_job, post_only),
}
