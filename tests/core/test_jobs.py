"""Shared background-job tracking: lease expiry, retry or clean failure, cancel, queue wait."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppsp.audit.models import AuditEvent
from ppsp.core import jobs
from ppsp.core.management.commands.ppsp_worker import supervise
from ppsp.core.models import BackgroundJob, JobState, WorkerBeat
from ppsp.scenarios.models import JobStatus, OptimisationJob
from tests.conftest import Cast
from tests.core.jobs_tasks import slow_steps
from tests.scenarios.planning_support import scenario_in

REGION = "15.07"


def _job(**fields: object) -> BackgroundJob:
    values: dict[str, object] = {
        "kind": "uji",
        "label": "Tugas uji",
        "region_code": REGION,
        "permission": "view_planning",
        "cancel_permission": "edit_planning",
        "task_path": slow_steps.module_path,
        "args": [2, 0.0],
        "step_count": 2,
    }
    values.update(fields)
    return BackgroundJob.objects.create(**values)


def _stale(**fields: object) -> BackgroundJob:
    old = timezone.now() - timedelta(seconds=600)
    values: dict[str, object] = {"state": JobState.RUNNING, "attempts": 1}
    values.update(started_at=old, heartbeat_at=old, **fields)
    return _job(**values)


def test_it_requeues_a_job_whose_worker_went_silent_and_runs_it_again(regions: None) -> None:
    job = _stale()
    assert [j.pk for j in jobs.reap()] == [job.pk]
    job.refresh_from_db()  # the immediate backend ran the retry at once
    assert job.state == JobState.DONE and job.attempts == 2
    assert job.message == "2 langkah selesai." and job.percent == 100


def test_it_fails_a_lost_job_after_its_last_attempt_and_tells_its_owner_row(cast: Cast) -> None:
    scenario = scenario_in(REGION)
    run = OptimisationJob.objects.create(scenario=scenario, status=JobStatus.BERJALAN)
    job = _stale(attempts=2, target_model="scenarios.optimisationjob", target_id=run.pk)
    jobs.reap()
    job.refresh_from_db()
    run.refresh_from_db()
    assert job.state == JobState.FAILED and job.finished_at is not None
    assert job.message == (
        "Pekerja latar berhenti saat menjalankan tugas ini (percobaan 2). "
        "Tugas dihentikan; silakan jalankan ulang."
    )
    assert run.status == JobStatus.GAGAL and run.message == job.message


def test_it_leaves_a_job_with_a_fresh_heartbeat_alone(regions: None) -> None:
    now = timezone.now()
    job = _job(state=JobState.RUNNING, attempts=1, started_at=now, heartbeat_at=now)
    assert jobs.reap() == []
    job.refresh_from_db()
    assert job.state == JobState.RUNNING


def test_it_cancels_a_queued_job_at_once_and_audits_it(cast: Cast) -> None:
    job = _job()
    client = Client()
    client.force_login(cast.pokja_kabkota)
    response = client.post(reverse("core:job_cancel", kwargs={"pk": job.pk}))
    assert response.status_code == 200 and 'data-state="batal"' in response.content.decode()
    job.refresh_from_db()
    assert job.state == JobState.CANCELLED and job.message == "Dibatalkan sebelum dimulai."
    assert AuditEvent.objects.filter(object_id=str(job.pk), actor=cast.pokja_kabkota).exists()
    reader = Client()
    reader.force_login(cast.cf)  # sees planning, may not cancel it
    assert reader.post(reverse("core:job_cancel", kwargs={"pk": _job().pk})).status_code == 404


def test_it_stops_a_running_job_at_its_next_step(regions: None) -> None:
    job = _job()
    reached = []

    def body(tracker: jobs.Tracker) -> str:
        tracker.step(1, "Satu", count=3)
        BackgroundJob.objects.filter(pk=job.pk).update(cancel_requested=True)  # user clicks
        reached.append(1)
        tracker.step(2, "Dua", count=3)
        reached.append(2)
        return "tidak sampai"

    assert jobs.run_tracked(job.pk, body) == JobState.CANCELLED
    job.refresh_from_db()
    assert reached == [1] and job.state == JobState.CANCELLED
    assert job.message == "Dibatalkan atas permintaan; hasil tidak disimpan."


def test_it_fails_a_job_whose_body_raises_with_the_reason(regions: None) -> None:
    job = _job()

    def body(tracker: jobs.Tracker) -> str:
        raise ValueError("kolom B kosong")

    assert jobs.run_tracked(job.pk, body) == JobState.FAILED
    job.refresh_from_db()
    assert job.message == "Tugas gagal: kolom B kosong"


def test_it_explains_a_queue_wait_and_whether_a_worker_is_alive(cast: Cast) -> None:
    job = _job()
    BackgroundJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(seconds=75)
    )
    client = Client()
    client.force_login(cast.cf)
    url = reverse("core:job_status", kwargs={"pk": job.pk})
    page = client.get(url).content.decode()
    assert "Menunggu pekerja latar sejak 1 menit 15 detik." in page
    assert 'data-testid="job-no-worker"' in page and "hx-get" in page
    WorkerBeat.objects.create(worker_id="w1", seen_at=timezone.now())
    page = client.get(url).content.decode()
    assert "1 pekerja latar aktif." in page and "job-no-worker" not in page


def test_it_shows_step_percent_and_estimate_while_running(cast: Cast) -> None:
    started = timezone.now() - timedelta(seconds=30)
    job = _job(
        state=JobState.RUNNING,
        started_at=started,
        heartbeat_at=timezone.now(),
        step="Mencari program optimal (HiGHS)",
        step_number=2,
        step_count=3,
        percent=50,
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("core:job_status", kwargs={"pk": job.pk})).content.decode()
    assert "Langkah 2 dari 3: Mencari program optimal (HiGHS)" in page
    assert 'value="50"' in page and "perkiraan sisa 30 detik" in page
    assert 'data-testid="job-cancel"' in page


def test_it_refreshes_the_result_block_in_place_when_a_watched_job_is_done(cast: Cast) -> None:
    job = _job(
        state=JobState.DONE,
        message="Selesai.",
        result_url="/skenario/s/1/",
        result_select="#optimasi-hasil",
    )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    page = client.get(reverse("core:job_status", kwargs={"pk": job.pk})).content.decode()
    assert 'hx-select="#optimasi-hasil"' in page and 'hx-trigger="load"' in page
    assert "every 1s" not in page


def test_it_keeps_the_worker_alive_across_database_errors() -> None:
    calls: list[str] = []
    pauses: list[float] = []

    def run() -> None:
        calls.append("run")
        if len(calls) < 3:
            raise OperationalError("server closed the connection unexpectedly")

    supervise(run, sleep=pauses.append)
    assert calls == ["run", "run", "run"] and pauses == [1.0, 2.0]


def test_it_formats_durations_in_indonesian() -> None:
    assert [jobs.durasi(s) for s in (0, 45, 75, 3725)] == [
        "0 detik",
        "45 detik",
        "1 menit 15 detik",
        "1 jam 2 menit",
    ]


@pytest.mark.parametrize("value, text", [(0.001, "0,1 %"), (0.00016, "0,016 %"), (0, "0 %")])
def test_it_prints_a_gap_as_an_indonesian_percentage(value: float, text: str) -> None:
    from ppsp.core.templatetags.jobs_tags import percent_gap

    assert percent_gap(value) == text
