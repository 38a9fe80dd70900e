"""The optimiser as a background task: status and result stored, infeasibility named."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from ppsp.scenarios import services
from ppsp.scenarios.models import JobStatus, OptimisationJob, OptimisationRun, Scenario
from ppsp.scenarios.services.jobs import job_run
from tests.conftest import Cast
from tests.scenarios.planning_support import JUTA, capacity_in, scenario_in

REGION = "15.07"


def _line(scenario: Scenario, description: str, amounts: list[int], **kw: object) -> object:
    values: dict[str, object] = {
        "subsector": "air_limbah",
        "kegiatan_type": "konstruksi",
        "people_served": 100,
    }
    values.update(kw)
    return services.scenario_line_add(
        scenario=scenario,
        description=description,
        amounts=[a * JUTA for a in amounts],
        by=None,
        **values,  # type: ignore[arg-type]
    )


def _client(cast: Cast) -> Client:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    return client


def test_it_runs_the_optimiser_as_a_task_and_stores_the_result(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    _line(scenario, "Tangki septik", [10, 10, 10, 10, 10])
    client = _client(cast)
    response = client.post(reverse("scenarios:optimise", kwargs={"pk": scenario.pk}), follow=True)
    job = OptimisationJob.objects.get(scenario=scenario)
    assert job.status == JobStatus.SELESAI and job.run is not None
    assert job.started_at and job.finished_at and job.requested_by == cast.pokja_kabkota
    assert job.run == OptimisationRun.objects.get(scenario=scenario)
    page = response.content.decode()
    assert "Optimasi selesai: 1 kegiatan terpilih, 0 masuk Daftar Tunggu." in page
    assert 'data-testid="job-status">selesai' in page
    fragment = client.get(reverse("scenarios:optimise_status", kwargs={"pk": scenario.pk}))
    assert fragment.status_code == 200 and "hx-get" not in fragment.content.decode()


def test_it_names_the_mandatory_items_when_the_task_finds_no_feasible_programme(
    cast: Cast,
) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    huge = 10_000_000  # Rp 10 T: beyond any komitmen
    _line(scenario, "IPAL kota tahap 1", [huge, 0, 0, 0, 0], mandatory=True)
    response = _client(cast).post(
        reverse("scenarios:optimise", kwargs={"pk": scenario.pk}), follow=True
    )
    job = OptimisationJob.objects.get(scenario=scenario)
    assert job.status == JobStatus.GAGAL and job.run is None
    assert job.message.startswith("Kegiatan wajib melebihi anggaran APBD Kabupaten/Kota tahun 2027")
    assert "IPAL kota tahap 1" in job.message
    page = response.content.decode()
    assert 'data-testid="job-error"' in page and "IPAL kota tahap 1" in page
    assert not OptimisationRun.objects.filter(scenario=scenario).exists()


def test_it_polls_while_a_job_waits_in_the_queue(cast: Cast) -> None:
    capacity_in(REGION)
    scenario = scenario_in(REGION)
    _line(scenario, "Tangki septik", [10, 10, 10, 10, 10])
    job = OptimisationJob.objects.create(scenario=scenario, requested_by=cast.pokja_kabkota)
    client = _client(cast)
    url = reverse("scenarios:optimise_status", kwargs={"pk": scenario.pk})
    waiting = client.get(url).content.decode()
    assert "hx-get" in waiting and 'data-testid="job-progress"' in waiting and "antre" in waiting
    assert job_run(job.pk).status == JobStatus.SELESAI  # what the worker does
    assert "hx-get" not in client.get(url).content.decode()
    reader = Client()
    reader.force_login(cast.cf)  # a CF sees the status, cannot start a run
    assert reader.get(url).status_code == 200
    assert reader.post(reverse("scenarios:optimise", kwargs={"pk": scenario.pk})).status_code == 404
