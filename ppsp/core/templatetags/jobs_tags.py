"""``{% job_status job %}``: the shared status block of a background job (core/_job.html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format

from ppsp.core import jobs
from ppsp.core.models import BackgroundJob

register = template.Library()


@register.inclusion_tag("core/_job.html")
def job_status(job: BackgroundJob, embedded: bool = False) -> dict[str, Any]:
    """The status block; ``embedded`` when an enclosing element already polls."""
    context = jobs.status_context(job)
    context["embedded"] = embedded
    return context


@register.simple_tag
def job_for(obj: Any) -> BackgroundJob | None:
    """The latest background job recorded for an app's result row."""
    return jobs.latest_for(obj)


@register.filter
def percent_gap(value: float | None) -> str:
    """A relative gap as a percentage in the active locale: 0.00016 → '0,016 %'."""
    if value is None:
        return "–"
    pct = max(0.0, float(value)) * 100
    text = number_format(round(pct, 3), decimal_pos=3)
    sep = number_format(0.5, decimal_pos=1)[1]
    if sep in text:
        text = text.rstrip("0").rstrip(sep)
    return f"{text} %"
