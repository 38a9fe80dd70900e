"""Writing an export table: streaming CSV, write-only XLSX, and background jobs to files.

CSV is UTF-8 with BOM (Excel opens it with the right characters), comma separated;
XLSX uses openpyxl's write-only mode so a national table never sits in memory whole.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils import timezone
from openpyxl import Workbook

from ppsp.core import jobs
from ppsp.core.safe_cells import safe_row
from ppsp.core.scope import scope_for
from ppsp.core.xlsx import start_streamed_table, streamed_row
from ppsp.exchange.models import ExportJob, JobStatus
from ppsp.exchange.registry import TABLES
from ppsp.regions.models import Region

FORMATS = ("csv", "xlsx")
PROGRESS_EVERY = 1000


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(headers: list[str], rows: Iterable[list[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(safe_row(headers))
    for row in rows:
        yield writer.writerow(safe_row(row))


def write_xlsx(
    headers: list[str],
    rows: Iterable[list[Any]],
    out: IO[bytes],
    progress: Callable[[int], None] | None = None,
) -> int:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    start_streamed_table(sheet, headers)
    count = 0
    for row in rows:
        sheet.append(streamed_row(sheet, safe_row(row)))
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    book.save(out)
    return count


def job_path(job: ExportJob) -> Path:
    return Path(settings.MEDIA_ROOT) / job.file


def run_job(job_id: int, tracker: jobs.Tracker | None = None) -> int:
    """Write one export job's file; returns the number of data rows written.

    Two steps reported to ``tracker`` (count, write with row progress); cancellation
    stops between blocks of ``PROGRESS_EVERY`` rows.
    """
    tracker = tracker or jobs.Tracker(None)
    tracker.step(1, "Menghitung baris", count=2)
    job = ExportJob.objects.select_related("requested_by").get(pk=job_id)
    table = TABLES[job.table]
    scope = scope_for(job.requested_by, table.permission)
    region = Region.objects.get(code=job.region_code) if job.region_code else None
    job.status = JobStatus.RUNNING
    job.rows_total = table.queryset(scope, region).count() if not scope.empty else 0
    job.file = f"exports/{job.pk}-{job.table}-{job.region_code or 'nasional'}.{job.fmt}"
    job.save(update_fields=["status", "rows_total", "file"])
    path = job_path(job)
    path.parent.mkdir(parents=True, exist_ok=True)

    def progress(done: int) -> None:
        ExportJob.objects.filter(pk=job.pk).update(rows_done=done)
        tracker.fraction(done / job.rows_total if job.rows_total else 0.0)

    tracker.step(2, "Menulis berkas", count=2)

    try:
        rows = table.rows(scope, region)
        if job.fmt == "xlsx":
            with path.open("wb") as out:
                count = write_xlsx(table.output_headers(), rows, out, progress)
        else:
            count = -1
            with path.open("w", encoding="utf-8", newline="") as text:
                for count, line in enumerate(csv_lines(table.output_headers(), rows)):
                    text.write(line)
                    if count and count % PROGRESS_EVERY == 0:
                        progress(count)
            count = max(count, 0)
    except Exception as error:  # the job records the failure for its page
        job.status, job.error = JobStatus.FAILED, str(error)[:1000]
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    job.status, job.rows_done, job.finished_at = JobStatus.DONE, count, timezone.now()
    job.save(update_fields=["status", "rows_done", "finished_at"])
    return count
