"""A Pokja watches an optimiser run go from the queue to its result without reloading.

The app runs as in production: a server process and, started only once the job waits,
a ``ppsp_worker`` process, both on a copy of the test database. The page first explains
the wait ("menunggu pekerja latar", no worker alive), then the shared status block polls
until the job is done and the result block (value, proven bound, gap, solve time, hand
rule) replaces itself in place; a marker set on the window proves there was no reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse

from ppsp.scenarios import services
from tests.conftest import PASSWORD, Cast
from tests.core.jobs_support import free_port, process_env, start, stop, wait_until_serving
from tests.functional.conftest import log_in
from tests.scenarios.planning_support import JUTA, capacity_in, scenario_in

pytestmark = [pytest.mark.functional, pytest.mark.django_db(transaction=True)]
REGION = "15.07"


def test_it_shows_a_job_from_queue_to_result_without_reloading(
    cast: Cast, page: Any, screenshot: Any, tmp_path: Path, settings: Any
) -> None:
    # the server process runs without PPSP_TESTING: store the password with its hasher
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    cast.pokja_kabkota.set_password(PASSWORD)
    cast.pokja_kabkota.save(update_fields=["password"])
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    for number, amount in enumerate([10, 20, 30], start=1):
        services.scenario_line_add(
            scenario=scenario,
            description=f"Tangki septik tahap {number}",
            amounts=[amount * JUTA] * 5,
            subsector="air_limbah",
            kegiatan_type="konstruksi",
            people_served=100 * number,
            by=None,
        )
    env = process_env(tmp_path, PPSP_JOB_LEASE_SECONDS="10")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(["runserver", f"127.0.0.1:{port}", "--noreload"], env, tmp_path / "web.log")
    worker = None
    try:
        wait_until_serving(f"{base}/healthz", server)
        log_in(page, base, cast.pokja_kabkota.username, PASSWORD)
        page.goto(base + reverse("scenarios:detail", kwargs={"pk": scenario.pk}))
        with page.expect_navigation():
            page.click("[data-testid=optimise]")
        box = page.locator("[data-testid=job-status-box]")
        assert box.get_attribute("data-state") == "antre"
        queue = page.locator("[data-testid=job-queue]").inner_text()
        assert "Menunggu pekerja latar sejak" in queue
        assert "Tidak ada pekerja latar yang aktif" in queue
        screenshot("job-progress-queued")
        page.evaluate("window.__noReload = 'masih halaman yang sama'")

        worker = start(["ppsp_worker", "--interval", "0.3"], env, tmp_path / "worker.log")
        page.wait_for_selector("[data-testid=run-proof]", timeout=90_000)
        assert page.evaluate("window.__noReload") == "masih halaman yang sama"
        summary = page.locator("[data-testid=run-summary]").inner_text()
        assert "terbukti dalam 0,1 % dari optimum" in summary
        assert page.locator("[data-testid=run-bound]").inner_text().strip()
        assert "detik" in page.locator("[data-testid=run-seconds]").inner_text()
        assert "×" in page.locator("[data-testid=run-ratio]").inner_text()
        assert page.locator("[data-testid=job-status]").inner_text() == "selesai"
        screenshot("job-progress-done")
    finally:
        if worker is not None:
            stop(worker)
        stop(server)
