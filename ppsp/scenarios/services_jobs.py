"""Queue and run the optimiser in the background; the job keeps status, message, result."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from ppsp.scenarios import services
from ppsp.scenarios.models import JobStatus, OptimisationJob, Scenario


def job_enqueue(*, scenario: Scenario, by: Any) -> OptimisationJob:
    """Record a job for the scenario and hand it to the task backend."""
    from ppsp.scenarios.tasks import optimise_task

    services.require(by, scenario.region.code)
    job = OptimisationJob.objects.create(scenario=scenario, requested_by=services._actor(by))
    optimise_task.enqueue(job.pk)
    job.refresh_from_db()
    return job


def job_run(job_id: int) -> OptimisationJob:
    """Run the optimiser for a queued job; ValidationError → status gagal with its message."""
    job = OptimisationJob.objects.select_related("scenario", "requested_by").get(pk=job_id)
    job.status, job.started_at = JobStatus.BERJALAN, timezone.now()
    job.save(update_fields=["status", "started_at"])
    try:
        run = services.scenario_optimise(scenario=job.scenario, by=job.requested_by)
    except ValidationError as error:
        job.status, job.message = JobStatus.GAGAL, " ".join(error.messages)
    except Exception as error:  # a background failure must be shown, not lost
        job.status, job.message = JobStatus.GAGAL, f"Optimasi gagal: {error}"
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
