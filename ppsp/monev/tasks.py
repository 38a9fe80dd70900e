"""Background work of monev (Django Tasks API): refresh the precomputed aggregates."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_aggregates_task(year: int) -> int:
    """Recompute the ranking and national/provincial aggregates of `year`."""
    from ppsp.monev.aggregates import aggregates_refresh

    return aggregates_refresh(year)
