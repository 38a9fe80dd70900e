"""Background work shared by the apps (Django Tasks API): the file imports."""

from __future__ import annotations

from django_tasks import task

from ppsp.core import jobs


@task()
def import_upload_task(upload_id: int, tracker_id: int | None = None) -> str:
    """Parse, validate and commit one uploaded file (see ``ppsp.core.upload_jobs``)."""
    from ppsp.core.upload_jobs import run_upload

    return jobs.run_tracked(tracker_id, lambda tracker: run_upload(upload_id, tracker))
