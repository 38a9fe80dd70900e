"""The national recompute after an approval shows live on the national dashboard (issue 19)."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from ppsp.core.models import BackgroundJob, JobState
from ppsp.monev.services import RECOMPUTE_KIND, realisation_save, report_approve, report_submit
from tests.conftest import Cast
from tests.monev.support import YEAR, full_values, plan_with_sasaran, report_in


def test_it_shows_the_pending_recompute_and_refreshes_the_figures_in_place(
    cast: Cast, django_capture_on_commit_callbacks: Any
) -> None:
    report = report_in("15.07")
    rows, indicators = full_values(plan_with_sasaran())
    realisation_save(report=report, rows=rows, indicators=indicators, by=cast.pokja_kabkota)
    report_submit(report=report, by=cast.pokja_kabkota)
    with django_capture_on_commit_callbacks(execute=False):  # the job is queued, not yet run
        report_approve(report=report, by=cast.cf)
    job = BackgroundJob.objects.get(kind=RECOMPUTE_KIND)
    assert job.result_url == reverse("monev:national", kwargs={"year": YEAR})
    client = Client()
    client.force_login(cast.pmu)
    page = client.get(reverse("monev:national", kwargs={"year": YEAR})).content.decode()
    assert f'id="job-{job.pk}"' in page and 'data-testid="job-progress"' in page
    assert 'id="monev-dashboard-body"' in page
    other_year = client.get(reverse("monev:national", kwargs={"year": YEAR + 1})).content.decode()
    assert f'id="job-{job.pk}"' not in other_year
    BackgroundJob.objects.filter(pk=job.pk).update(state=JobState.DONE)
    done = client.get(reverse("core:job_status", kwargs={"pk": job.pk})).content.decode()
    assert 'data-testid="job-result-refresh"' in done and "#monev-dashboard-body" in done
    after = client.get(reverse("monev:national", kwargs={"year": YEAR})).content.decode()
    assert f'id="job-{job.pk}"' not in after
