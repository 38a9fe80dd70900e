"""A real task worker killed with SIGKILL mid-job: the job is retried to completion.

The test copies the test database to a file (SQLite) or reuses it (PostgreSQL, committed
by a transactional test) and runs ``tests/core/jobs_driver.py`` in a subprocess against it:
the driver queues a slow job, starts ``manage.py ppsp_worker``, kills it with SIGKILL
during step 2, starts a second worker and waits. The second worker's reaper finds the
job's lease expired, queues it again, and runs it to the end.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.jobs_support import ROOT, process_env


@pytest.mark.django_db(transaction=True)
def test_it_retries_a_job_whose_worker_was_killed_mid_job(tmp_path: Path) -> None:
    env = process_env(tmp_path, PPSP_JOB_LEASE_SECONDS="2", PPSP_JOB_MAX_ATTEMPTS="2")
    done = subprocess.run(
        [sys.executable, "tests/core/jobs_driver.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["after_kill"] == "berjalan"  # the dead worker left it "running"...
    assert report["lost_message"].startswith("Pekerja latar berhenti")  # ...the reaper saw it
    assert report["state"] == "selesai", report
    assert report["attempts"] == 2
    assert report["message"] == "8 langkah selesai."
    # a second attempt ran after the first (the observer samples the state, so it may or
    # may not catch the short "antre" moment between the reaper and the new worker)
    attempts = [int(s.rsplit(":", 1)[1]) for s in report["seen"] if s.startswith("berjalan:")]
    assert 1 in attempts and 2 in attempts, report["seen"]
    assert attempts.index(2) > attempts.index(1), report["seen"]
