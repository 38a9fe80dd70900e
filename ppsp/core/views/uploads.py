"""The status page of a file import running in the background (see core.upload_jobs)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from ppsp.core import jobs
from ppsp.core.models import JobState, UploadedImport
from ppsp.core.upload_jobs import ERROR, LEVELS
from ppsp.core.views.jobs import get_job_for_user


@login_required
def upload_status(request: HttpRequest, pk: int) -> HttpResponse:
    """While the job runs: the shared progress block (polls itself). When it has ended:
    its messages go to the message framework and the user back to the upload's page."""
    upload = get_object_or_404(UploadedImport, pk=pk)
    job = jobs.latest_for(upload)
    if job is None:
        raise Http404
    job = get_job_for_user(request.user, job.pk)
    if job.pending:
        jobs.reap()
        job.refresh_from_db()
    if job.pending:
        if request.GET.get("poll"):
            return HttpResponse(status=204)
        context = {**jobs.status_context(job), "live": True, "upload": upload}
        return render(request, "core/upload_status.html", context)
    target = upload.result.get("next") or upload.return_url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    if not upload.delivered:
        shown = upload.result.get("messages") or []
        for level, text in shown:
            messages.add_message(request, LEVELS.get(level, LEVELS[ERROR]), text)
        if job.state != JobState.DONE and not shown and job.message:
            messages.error(request, f"{upload.filename}: {job.message}")
        UploadedImport.objects.filter(pk=upload.pk).update(delivered=True)
    if request.htmx:  # type: ignore[attr-defined]
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return redirect(target)
