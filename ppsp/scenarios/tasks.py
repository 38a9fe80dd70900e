"""Background work of the scenarios app (Django Tasks API): the optimiser run.

The view records an ``OptimisationJob`` and enqueues ``optimise_task``; the task runs
``services.scenario_optimise`` and stores the status, the message (for an infeasible
scenario: the mandatory items over budget, named) and the resulting run. In tests the
ImmediateBackend runs it at once.
"""

from __future__ import annotations

from django_tasks import task


@task()
def optimise_task(job_id: int) -> str:
    """Run one queued optimisation; returns the job's final status."""
    from ppsp.scenarios.services_jobs import job_run

    return job_run(job_id).status
