"""Background jobs: one progress model for every job type, with lease, retry and cancel.

An app queues work with :func:`job_enqueue` (a ``BackgroundJob`` row + the Django task,
which receives ``tracker_id=`` as a keyword) and its task runs the body through
:func:`run_tracked`, which hands the body a :class:`Tracker`::

    @task()
    def render_document_task(rendered_id: int, tracker_id: int | None = None) -> str:
        return jobs.run_tracked(tracker_id, lambda t: render_run(rendered_id, t))

``tracker.step(n, label)`` records the step, the percentage and a heartbeat, and checks
for cancellation between steps (raising :class:`JobCancelled`, so the body's transaction
rolls back). The worker (``manage.py ppsp_worker``) renews the heartbeat of its running
job every few seconds; :func:`reap` treats a running job whose heartbeat is older than
``PPSP_JOB_LEASE_SECONDS`` as lost with its worker (``kill -9``, a crash, a reboot) and
queues it again until it has been tried ``PPSP_JOB_MAX_ATTEMPTS`` times, then fails it
with a message. An app's result row (the job's target) may define
``job_stopped(state, message)``; it is called whenever the job ends failed or cancelled,
so that the row never keeps saying "running".
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.apps import apps as django_apps
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.core.models import BackgroundJob, JobState, WorkerBeat

logger = logging.getLogger(__name__)

# The task worker process sets its id here (ppsp_worker); the running job is kept beside
# it so that the worker's heartbeat thread can renew that job's lease.
WORKER: dict[str, Any] = {"id": "", "job": None}


class JobCancelled(Exception):
    """Raised by ``Tracker.step`` when the user asked to cancel the job."""


class JobFailed(Exception):
    """Raised by a job body to fail the job with a message for the user (Indonesian)."""


def target_key(obj: Any) -> tuple[str, int]:
    return obj._meta.label_lower, obj.pk


def latest_for(obj: Any) -> BackgroundJob | None:
    """The most recent job recorded for an app's result row (or None)."""
    model, pk = target_key(obj)
    return BackgroundJob.objects.filter(target_model=model, target_id=pk).first()


def job_enqueue(
    *,
    task: Any,
    args: list[Any],
    kind: str,
    label: str,
    region_code: str,
    permission: str,
    by: Any,
    cancel_permission: str = "",
    target: Any = None,
    steps: int = 1,
    result_url: str = "",
    result_select: str = "",
    on_commit: bool = False,
) -> BackgroundJob:
    """Record a job and hand its task to the backend (after commit when ``on_commit``)."""
    model, pk = target_key(target) if target is not None else ("", None)
    job = BackgroundJob.objects.create(
        kind=kind,
        label=label[:200],
        region_code=region_code,
        permission=str(permission),
        cancel_permission=str(cancel_permission),
        target_model=model,
        target_id=pk,
        task_path=task.module_path,
        args=list(args),
        step_count=max(1, steps),
        result_url=result_url,
        result_select=result_select,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    if on_commit:
        transaction.on_commit(lambda: _send(job))
    else:
        _send(job)
    job.refresh_from_db()
    return job


def _send(job: BackgroundJob) -> None:
    result = import_string(job.task_path).enqueue(*job.args, tracker_id=job.pk)
    BackgroundJob.objects.filter(pk=job.pk).update(task_result_id=str(result.id))


@dataclass
class Tracker:
    """Progress of one running job; a ``None`` job (no tracking) accepts every call."""

    job: BackgroundJob | None
    failed: str = ""

    def step(self, number: int, label: str, *, count: int | None = None) -> None:
        """Enter step ``number`` (1-based) called ``label``; raise JobCancelled if asked."""
        if self.job is None:
            return
        total = count or self.job.step_count
        self.job.step, self.job.step_number, self.job.step_count = label, number, total
        self.job.percent = min(99, int(100 * (number - 1) / max(total, 1)))
        self._save(["step", "step_number", "step_count", "percent"])

    def fraction(self, done: float) -> None:
        """Progress inside the current step, ``done`` in [0, 1]; checks for cancellation."""
        if self.job is None:
            return
        total = max(self.job.step_count, 1)
        within = min(max(done, 0.0), 1.0)
        self.job.percent = min(99, int(100 * (self.job.step_number - 1 + within) / total))
        self._save(["percent"])

    def fail(self, message: str) -> None:
        """End the job as failed with ``message`` once the body returns."""
        self.failed = message

    def _save(self, fields: list[str]) -> None:
        assert self.job is not None
        now = timezone.now()
        self.job.heartbeat_at = now
        BackgroundJob.objects.filter(pk=self.job.pk).update(
            heartbeat_at=now, **{f: getattr(self.job, f) for f in fields}
        )
        if BackgroundJob.objects.filter(pk=self.job.pk, cancel_requested=True).exists():
            raise JobCancelled


def run_tracked(job_id: int | None, body: Callable[[Tracker], str | None]) -> str:
    """Run ``body`` as job ``job_id``: claim it, record its end; returns the final state.

    A database error (the database restarted) leaves the job running without heartbeat,
    so :func:`reap` queues it again; any other exception fails the job with its message.
    """
    if job_id is None:
        tracker = Tracker(None)
        body(tracker)
        return JobState.FAILED if tracker.failed else JobState.DONE
    job = _claim(job_id)
    if job is None:
        return BackgroundJob.objects.filter(pk=job_id).values_list("state", flat=True).first() or ""
    tracker = Tracker(job)
    WORKER["job"] = job.pk
    try:
        message = body(tracker)
    except JobCancelled:
        _finish(job, JobState.CANCELLED, _("Dibatalkan atas permintaan; hasil tidak disimpan."))
    except JobFailed as error:
        _finish(job, JobState.FAILED, str(error))
    except (OperationalError, InterfaceError):
        raise
    except Exception as error:  # a background failure must be shown, not lost
        logger.exception("job %s failed", job.pk)
        _finish(job, JobState.FAILED, _("Tugas gagal: %(e)s") % {"e": error})
    else:
        if tracker.failed:
            _finish(job, JobState.FAILED, tracker.failed)
        else:
            _finish(job, JobState.DONE, message or "")
    finally:
        WORKER["job"] = None
    return job.state


def _claim(job_id: int) -> BackgroundJob | None:
    now = timezone.now()
    claimed = BackgroundJob.objects.filter(
        pk=job_id, state=JobState.QUEUED, cancel_requested=False
    ).update(
        state=JobState.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        worker_id=WORKER["id"],
        step="",
        step_number=0,
        percent=0,
    )
    job = BackgroundJob.objects.filter(pk=job_id).first()
    if job is not None and not claimed and job.state == JobState.QUEUED:
        _finish(job, JobState.CANCELLED, _("Dibatalkan sebelum dimulai."))
    return job if claimed else None


def _finish(job: BackgroundJob, state: str, message: str) -> None:
    job.state, job.message, job.finished_at = state, message, timezone.now()
    job.percent = 100 if state == JobState.DONE else job.percent
    BackgroundJob.objects.filter(pk=job.pk).update(
        state=state, message=message, finished_at=job.finished_at, percent=job.percent
    )
    if state != JobState.DONE:
        _notify_target(job)


def _notify_target(job: BackgroundJob) -> None:
    """Tell the app's result row that its job ended failed or cancelled."""
    if not job.target_model or job.target_id is None:
        return
    model = django_apps.get_model(job.target_model)
    target = model._default_manager.filter(pk=job.target_id).first()
    if target is not None and hasattr(target, "job_stopped"):
        target.job_stopped(job.state, job.message)


def job_cancel(job: BackgroundJob, *, by: Any) -> BackgroundJob:
    """Cancel now if still queued; ask a running job to stop at its next step."""
    old = job.get_state_display()
    if job.state == JobState.QUEUED:
        _finish(job, JobState.CANCELLED, _("Dibatalkan sebelum dimulai."))
    elif job.state == JobState.RUNNING:
        BackgroundJob.objects.filter(pk=job.pk).update(cancel_requested=True)
        job.cancel_requested = True
    else:
        return job
    audit_record(
        actor=by,
        obj=job,
        action=Action.UPDATE,
        changes=[{"field": "status", "old": old, "new": "batal"}],
        region_code=job.region_code,
    )
    return job


def heartbeat(worker_id: str, *, host: str = "", pid: int = 0) -> None:
    """The worker is alive: renew its row and the lease of the job it is running."""
    now = timezone.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": now, "host": host[:200], "pid": pid}
    )
    if (job_id := WORKER.get("job")) is not None:
        BackgroundJob.objects.filter(pk=job_id, state=JobState.RUNNING).update(heartbeat_at=now)


def workers_alive() -> int:
    cutoff = timezone.now() - timedelta(seconds=settings.PPSP_JOB_LEASE_SECONDS)
    return WorkerBeat.objects.filter(seen_at__gte=cutoff).count()


def reap(*, now: Any = None) -> list[BackgroundJob]:
    """Retry or fail running jobs whose worker went silent for longer than the lease."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.PPSP_JOB_LEASE_SECONDS)
    reaped = []
    for job in BackgroundJob.objects.filter(state=JobState.RUNNING, heartbeat_at__lt=cutoff):
        lost = _("Pekerja latar berhenti saat menjalankan tugas ini (percobaan %(n)d).") % {
            "n": job.attempts
        }
        if job.attempts < settings.PPSP_JOB_MAX_ATTEMPTS and not job.cancel_requested:
            state, message = JobState.QUEUED, lost + " " + _("Tugas diantrekan ulang.")
        elif job.cancel_requested:
            state, message = JobState.CANCELLED, _("Dibatalkan; pekerja latar sudah berhenti.")
        else:
            state, message = (
                JobState.FAILED,
                lost + " " + _("Tugas dihentikan; silakan jalankan ulang."),
            )
        fields = {"state": state, "message": message, "worker_id": ""}
        if state != JobState.QUEUED:
            fields["finished_at"] = now
        changed = BackgroundJob.objects.filter(
            pk=job.pk, state=JobState.RUNNING, heartbeat_at__lt=cutoff
        ).update(**fields)
        if not changed:
            continue
        _fail_task_result(job.task_result_id)
        job.refresh_from_db()
        if state == JobState.QUEUED:
            _send(job)
        else:
            _notify_target(job)
        logger.warning("job %s (%s): worker lost, now %s", job.pk, job.kind, state)
        reaped.append(job)
    return reaped


def _fail_task_result(task_result_id: str) -> None:
    """Mark the database task row of a lost job failed (it would show RUNNING forever)."""
    if not task_result_id or "django_tasks_db" not in settings.INSTALLED_APPS:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_result_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="ppsp.core.jobs.WorkerLost",
        traceback="worker lost (no heartbeat within PPSP_JOB_LEASE_SECONDS)",
    )


def durasi(seconds: float | None) -> str:
    """'45 detik', '3 menit 5 detik', '1 jam 2 menit' (Indonesian, translatable)."""
    if seconds is None:
        return ""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(ngettext("%d jam", "%d jam", hours) % hours)
    if minutes:
        parts.append(ngettext("%d menit", "%d menit", minutes) % minutes)
    if secs or not parts:
        parts.append(ngettext("%d detik", "%d detik", secs) % secs)
    return " ".join(parts[:2])


def typical_seconds(kind: str) -> float | None:
    """Median run time of the last ten finished jobs of ``kind`` [s]."""
    rows = BackgroundJob.objects.filter(
        kind=kind, state=JobState.DONE, started_at__isnull=False, finished_at__isnull=False
    ).values_list("started_at", "finished_at")[:10]
    times = [(end - start).total_seconds() for start, end in rows if start and end]
    return statistics.median(times) if times else None


def status_context(job: BackgroundJob) -> dict[str, Any]:
    """What the shared status partial shows: waits, estimate, workers, queue position."""
    now = timezone.now()
    context: dict[str, Any] = {"job": job}
    typical = typical_seconds(job.kind)
    if job.state == JobState.QUEUED:
        context["waited"] = durasi((now - job.created_at).total_seconds())
        context["ahead"] = BackgroundJob.objects.filter(
            state=JobState.QUEUED, created_at__lt=job.created_at
        ).count()
        context["workers"] = workers_alive()
        context["lease"] = durasi(settings.PPSP_JOB_LEASE_SECONDS)
        if typical is not None:
            context["estimate"] = durasi(typical * (context["ahead"] + 1))
    elif job.state == JobState.RUNNING and job.started_at:
        elapsed = (now - job.started_at).total_seconds()
        context["elapsed"] = durasi(elapsed)
        if job.percent > 0:
            context["estimate"] = durasi(elapsed * (100 - job.percent) / job.percent)
        elif typical is not None:
            context["estimate"] = durasi(max(typical - elapsed, 1))
    elif job.started_at and job.finished_at:
        context["elapsed"] = durasi((job.finished_at - job.started_at).total_seconds())
    return context
