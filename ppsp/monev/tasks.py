"""Background work of monev (Django Tasks API): refresh the precomputed aggregates."""

from __future__ import annotations

from django_tasks import task

from ppsp.core import jobs


@task()
def refresh_aggregates_task(year: int, tracker_id: int | None = None) -> int:
    """Recompute the ranking and national/provincial aggregates of `year`."""
    from ppsp.monev.aggregates import aggregates_refresh

    scored: list[int] = []

    def body(tracker: jobs.Tracker) -> str:
        tracker.step(1, f"Menghitung skor dan agregat monev {year}", count=1)
        scored.append(aggregates_refresh(year))
        return f"{scored[0]} kab/kota dinilai."

    jobs.run_tracked(tracker_id, body)
    return scored[0] if scored else 0
