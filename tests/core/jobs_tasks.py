"""A slow background task for the job-tracking tests (steps with pauses between them)."""

from __future__ import annotations

import time

from django_tasks import task

from ppsp.core import jobs


@task()
def slow_steps(steps: int, pause: float, tracker_id: int | None = None) -> str:
    """``steps`` steps of ``pause`` seconds each, reported to the job's tracker."""

    def body(tracker: jobs.Tracker) -> str:
        for number in range(1, steps + 1):
            tracker.step(number, f"Langkah uji {number}", count=steps)
            time.sleep(pause)
        return f"{steps} langkah selesai."

    return jobs.run_tracked(tracker_id, body)
