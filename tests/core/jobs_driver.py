"""Kill a real task worker mid-job and watch the job recover (run by test_core_jobs_worker).

Run as ``python tests/core/jobs_driver.py`` with DATABASE_URL pointing at a migrated database
(a copy of the test database). Prints one JSON line: the states seen and the final job.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppsp.settings")


def start_worker() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "manage.py", "ppsp_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition: Any, timeout: float = 90.0) -> Any:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if found := condition():
            return found
        time.sleep(0.1)
    raise TimeoutError("condition not reached")


def main() -> None:
    import django

    django.setup()
    from ppsp.core import jobs
    from ppsp.core.models import BackgroundJob
    from tests.core.jobs_tasks import slow_steps

    job = jobs.job_enqueue(
        task=slow_steps,
        args=[8, 0.5],
        kind="uji",
        label="Uji pekerja dimatikan",
        region_code="",
        permission="view_planning",
        by=None,
        steps=8,
    )
    seen: list[str] = []

    def state() -> BackgroundJob:
        current = BackgroundJob.objects.get(pk=job.pk)
        label = f"{current.state}:{current.step_number}:{current.attempts}"
        if not seen or seen[-1] != label:
            seen.append(label)
        return current

    first = start_worker()
    try:
        wait_for(lambda: state().step_number >= 2)
        first.send_signal(signal.SIGKILL)  # kill -9 in the middle of the job
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    after_kill = state()
    lost_message = ""
    second = start_worker()
    try:

        def requeued_or_done() -> bool:
            nonlocal lost_message
            current = state()
            if "Pekerja latar berhenti" in current.message:
                lost_message = current.message
            return current.state in ("selesai", "gagal")

        wait_for(requeued_or_done, timeout=120)
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=30)
        except subprocess.TimeoutExpired:
            second.kill()
    final = state()
    print(
        json.dumps(
            {
                "after_kill": after_kill.state,
                "seen": seen,
                "lost_message": lost_message,
                "state": final.state,
                "attempts": final.attempts,
                "message": final.message,
            }
        )
    )


if __name__ == "__main__":
    main()
