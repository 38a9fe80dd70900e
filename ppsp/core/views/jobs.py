"""The shared status fragment of a background job (htmx polling) and its cancel button."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from ppsp.core import jobs
from ppsp.core.access import require
from ppsp.core.models import BackgroundJob
from ppsp.core.permissions import Permission


def get_job_for_user(user: object, pk: int, *, cancel: bool = False) -> BackgroundJob:
    """The job if the user may see (or cancel) it: its requester, or the permission over
    its region (``permission``; ``cancel_permission`` to cancel); else 404."""
    job = get_object_or_404(BackgroundJob, pk=pk)
    if job.created_by_id is not None and job.created_by_id == getattr(user, "pk", None):
        return job
    try:
        permission = Permission(job.cancel_permission if cancel else job.permission)
    except ValueError:
        raise Http404 from None
    require(user, permission, job.region_code)
    return job


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx fragment: state, step, progress, estimate; polls itself while pending."""
    job = get_job_for_user(request.user, pk)
    if job.pending:
        jobs.reap()  # a page watching a job also notices a dead worker
        job.refresh_from_db()
    context = jobs.status_context(job)
    context["live"] = True
    return render(request, "core/_job.html", context)


@login_required
@require_POST
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, pk, cancel=True)
    jobs.job_cancel(job, by=request.user)
    job.refresh_from_db()
    context = jobs.status_context(job)
    context["live"] = True
    return render(request, "core/_job.html", context)
