"""Background work of the scenarios app (Django Tasks API): the optimiser run.

The view records an ``OptimisationJob`` (and its shared ``core.BackgroundJob``) and
enqueues ``optimise_task``; the task runs ``services.optimise.scenario_optimise`` step by step
under ``ppsp.core.jobs.run_tracked`` and stores the status, the message (for an
infeasible scenario: the mandatory items over budget, named) and the resulting run. In
tests the ImmediateBackend runs it at once.
"""

from __future__ import annotations

from django_tasks import task

from ppsp.core import jobs


@task()
def optimise_task(job_id: int, tracker_id: int | None = None) -> str:
    """Run one queued optimisation; returns the job's final status."""
    from ppsp.scenarios.models import OptimisationJob
    from ppsp.scenarios.services.jobs import job_run

    jobs.run_tracked(tracker_id, lambda tracker: job_run(job_id, tracker).message)
    return OptimisationJob.objects.get(pk=job_id).status
