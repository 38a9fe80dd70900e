"""Every job type reports through the shared record: docgen renders, optimiser proof page."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ppsp.core import jobs
from ppsp.core.models import BackgroundJob, JobState
from ppsp.docgen import services as docgen_services
from ppsp.docgen.models import RenderedFile, RenderState
from ppsp.scenarios import services
from tests.conftest import Cast
from tests.cycles.support import ssk
from tests.scenarios.planning_support import JUTA, capacity_in, scenario_in

REGION = "15.07"


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_it_never_leaves_a_render_whose_worker_died_running(cast: Cast) -> None:
    version = ssk(REGION).versions.get()
    rendered = RenderedFile.objects.create(
        version=version, fmt="pdf", state=RenderState.RUNNING, progress=5
    )
    old = timezone.now() - timedelta(minutes=5)
    BackgroundJob.objects.create(
        kind="dokumen",
        label="SSK PDF",
        region_code=REGION,
        permission="view_documents",
        target_model="docgen.renderedfile",
        target_id=rendered.pk,
        task_path="ppsp.docgen.tasks.render_document_task",
        args=[rendered.pk],
        state=JobState.RUNNING,
        attempts=2,
        started_at=old,
        heartbeat_at=old,
    )
    jobs.reap()
    rendered.refresh_from_db()
    assert rendered.state == RenderState.FAILED  # no longer "PDF · sedang dibuat 5%"
    assert rendered.error.startswith("Pekerja latar berhenti saat menjalankan tugas ini")


def test_it_tracks_a_render_step_by_step_to_done(
    cast: Cast, media: Path, django_capture_on_commit_callbacks: Any
) -> None:
    version = ssk(REGION).versions.get()
    with django_capture_on_commit_callbacks(execute=True):
        rendered = docgen_services.render_request(version=version, fmt="docx", by=cast.pmu)
    job = jobs.latest_for(rendered)
    assert job is not None and job.kind == "dokumen" and job.state == JobState.DONE
    assert (job.step_number, job.step_count, job.step) == (4, 4, "Menyimpan berkas")
    assert job.percent == 100 and job.message.startswith("DOCX selesai disusun")


def test_it_shows_value_bound_gap_time_and_hand_rule_on_the_scenario_page(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    for number in (1, 2):
        services.scenario_line_add(
            scenario=scenario,
            description=f"Tangki septik {number}",
            amounts=[10 * number * JUTA] * 5,
            subsector="air_limbah",
            kegiatan_type="konstruksi",
            people_served=100 * number,
            by=None,
        )
    client = Client()
    client.force_login(cast.pokja_kabkota)
    client.post(reverse("scenarios:optimise", kwargs={"pk": scenario.pk}))
    page = client.get(reverse("scenarios:detail", kwargs={"pk": scenario.pk})).content.decode()
    for testid in ("run-value", "run-bound", "run-gap", "run-seconds", "run-ratio"):
        assert f'data-testid="{testid}"' in page
    assert "terbukti dalam 0,1 % dari optimum" in page
    assert "diminta paling besar 0,1 %" in page
    job = BackgroundJob.objects.get(kind="optimasi")
    assert job.state == JobState.DONE and job.step == "Menyimpan hasil dan Daftar Tunggu"
