"""Background work of the exchange app (Django Tasks API): national extracts to a file."""

from __future__ import annotations

from django_tasks import task

from ppsp.core import jobs


@task()
def export_task(job_id: int, tracker_id: int | None = None) -> int:
    """Write one ExportJob's file under MEDIA_ROOT; returns the rows written."""
    from ppsp.exchange.exports import run_job
    from ppsp.exchange.models import ExportJob

    def body(tracker: jobs.Tracker) -> str:
        return f"{run_job(job_id, tracker)} baris ditulis."

    jobs.run_tracked(tracker_id, body)
    return ExportJob.objects.get(pk=job_id).rows_done
