"""Queue and run the optimiser in the background; the job keeps status, message, result.

Progress, queue wait, lease and cancellation are tracked by the shared
``ppsp.core.jobs`` (kind ``optimasi``); ``OptimisationJob`` keeps the scenario's own
record (status word, message, the resulting run).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from ppsp.core import jobs
from ppsp.core.actors import user_of
from ppsp.core.models import BackgroundJob
from ppsp.core.permissions import Permission
from ppsp.scenarios import services
from ppsp.scenarios.models import JobStatus, OptimisationJob, Scenario
from ppsp.scenarios.services import optimise as services_optimise

KIND = "optimasi"


def job_enqueue(*, scenario: Scenario, by: Any) -> OptimisationJob:
    """Record a job for the scenario and hand it to the task backend."""
    from ppsp.scenarios.tasks import optimise_task

    services.require(by, scenario.region.code)
    job = OptimisationJob.objects.create(scenario=scenario, requested_by=user_of(by))
    jobs.job_enqueue(
        task=optimise_task,
        args=[job.pk],
        kind=KIND,
        label=f"Optimasi skenario {scenario.name}",
        region_code=scenario.region.code,
        permission=Permission.VIEW_PLANNING,
        cancel_permission=Permission.EDIT_PLANNING,
        by=by,
        target=job,
        steps=3,
        result_url=reverse("scenarios:detail", kwargs={"pk": scenario.pk}),
        result_select="#optimasi-hasil",
    )
    job.refresh_from_db()
    return job


def job_run(job_id: int, tracker: jobs.Tracker | None = None) -> OptimisationJob:
    """Run the optimiser for a queued job; ValidationError → status gagal with its message."""
    tracker = tracker or jobs.Tracker(None)
    job = OptimisationJob.objects.select_related("scenario", "requested_by").get(pk=job_id)
    job.status, job.started_at = JobStatus.BERJALAN, timezone.now()
    job.save(update_fields=["status", "started_at"])
    try:
        run = services_optimise.scenario_optimise(
            scenario=job.scenario, by=job.requested_by, tracker=tracker
        )
    except jobs.JobCancelled:
        job.job_stopped("batal", "Optimasi dibatalkan; hasil sebelumnya tetap berlaku.")
        raise
    except ValidationError as error:
        job.status, job.message = JobStatus.GAGAL, " ".join(error.messages)
        tracker.fail(job.message)
    except Exception as error:  # a background failure must be shown, not lost
        job.status, job.message = JobStatus.GAGAL, f"Optimasi gagal: {error}"
        tracker.fail(job.message)
    else:
        job.status, job.run = JobStatus.SELESAI, run
        job.message = (
            f"Optimasi selesai: {len(run.chosen)} kegiatan terpilih, "
            f"{len(run.waiting)} masuk Daftar Tunggu."
        )
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "run", "finished_at"])
    return job


def latest_job(scenario: Scenario) -> OptimisationJob | None:
    return scenario.jobs.select_related("run").first()


def tracking_for(job: OptimisationJob | None) -> BackgroundJob | None:
    """The shared progress record of the scenario's latest run (None for old runs)."""
    return jobs.latest_for(job) if job is not None else None
