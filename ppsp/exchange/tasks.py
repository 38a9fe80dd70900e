"""Background work of the exchange app (Django Tasks API): national extracts to a file."""

from __future__ import annotations

from django_tasks import task


@task()
def export_task(job_id: int) -> int:
    """Write one ExportJob's file under MEDIA_ROOT; returns the rows written."""
    from ppsp.exchange.exports import run_job

    return run_job(job_id)
