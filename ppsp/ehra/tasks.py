"""Background work of the EHRA app (Django Tasks API); results are stored in the database."""

from __future__ import annotations

from django_tasks import task

from ppsp.accounts.models import User
from ppsp.core import jobs


@task()
def import_submissions_task(run_id: int, tracker_id: int | None = None) -> int:
    """Run one submissions import (ImportRun); returns the number of new records."""
    from ppsp.ehra.models import ImportRun, ImportStatus
    from ppsp.ehra.services import import_run

    def body(tracker: jobs.Tracker) -> str:
        run = import_run(run_id, tracker)
        if run.status == ImportStatus.FAILED:
            tracker.fail(
                f"Berkas {run.filename} memiliki {len(run.errors)} kesalahan; "
                "tidak ada data yang disimpan."
            )
        return f"{run.created} rekaman baru, {run.skipped} sudah ada."

    jobs.run_tracked(tracker_id, body)
    return ImportRun.objects.get(pk=run_id).created


@task()
def compute_round_task(
    survey_id: int, user_id: int | None = None, tracker_id: int | None = None
) -> int:
    """Recompute IRS, ladder and area berisiko of one round; returns desa with an IRS."""
    from ppsp.ehra.models import SurveyRound
    from ppsp.ehra.services.results import round_compute

    by = User.objects.filter(pk=user_id).first() if user_id else None
    counted: list[int] = []

    def body(tracker: jobs.Tracker) -> str:
        tracker.step(1, "Menghitung IRS, tangga sanitasi dan area berisiko", count=1)
        counted.append(round_compute(survey=SurveyRound.objects.get(pk=survey_id), by=by))
        return f"{counted[0]} desa/kelurahan memiliki IRS."

    jobs.run_tracked(tracker_id, body)
    return counted[0] if counted else 0
