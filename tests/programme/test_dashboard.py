"""Dashboards: counts per stage/cohort, table, exports, no N+1, programme figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from ppsp.programme import stats
from ppsp.programme.models import Participation, Stage, StageRecord, StageStatus
from ppsp.programme.services import phase_for_year, sync_current_stage
from ppsp.regions.models import Level, Region
from tests.conftest import Cast


def build_history(codes: list[str], cohort: int = 2013) -> None:
    """Each kab/kota: stages 1–3 in the cohort year, MPS the next year (running)."""
    stages = {s.number: s for s in Stage.objects.all()}
    phase = phase_for_year(cohort)
    for code in codes:
        participation = Participation.objects.create(
            region=Region.objects.get(code=code), cohort_year=cohort, phase=phase
        )
        for number in (1, 2, 3):
            StageRecord.objects.create(
                participation=participation,
                stage=stages[number],
                status=StageStatus.SELESAI,
                start_date=dt.date(cohort, 2, 1),
                end_date=dt.date(cohort, 11, 30),
            )
        StageRecord.objects.create(
            participation=participation,
            stage=stages[4],
            status=StageStatus.BERJALAN,
            start_date=dt.date(cohort + 1, 2, 1),
        )
        sync_current_stage(participation)


def kabkota_codes(prefix: str = "") -> list[str]:
    return list(
        Region.objects.filter(level=Level.KABKOTA, code__startswith=prefix).values_list(
            "code", flat=True
        )
    )


def test_it_counts_kabkota_per_stage_and_cohort(cast: Cast, client: Client) -> None:
    build_history(kabkota_codes("15"), cohort=2013)
    build_history(kabkota_codes("75"), cohort=2014)
    client.force_login(cast.pmu)
    response = client.get("/program/nasional/")
    counts = {row["number"]: row["n"] for row in response.context["stage_counts"]}
    total = len(kabkota_codes())
    assert counts[4] == total and counts[1] == 0
    cohorts = {row["cohort_year"]: row["cumulative"] for row in response.context["cohort_counts"]}
    assert cohorts == {2013: len(kabkota_codes("15")), 2014: total}
    assert b"chart.umd.min.js" in response.content and b"programme-chart-data" in response.content


def test_it_shows_pf_only_their_province(cast: Cast, client: Client) -> None:
    build_history(kabkota_codes())
    client.force_login(cast.pf)
    response = client.get("/program/provinsi/15/")
    codes = [p.region.code for p in response.context["rows"]]
    assert codes and all(code.startswith("15.") for code in codes)
    assert client.get("/program/provinsi/75/").status_code == 404
    assert client.get("/program/nasional/").status_code == 404


def test_it_sorts_and_filters_the_table(cast: Cast, client: Client) -> None:
    build_history(kabkota_codes("15"), cohort=2012)
    build_history(kabkota_codes("75"), cohort=2016)
    client.force_login(cast.pmu)
    rows = client.get("/program/nasional/?urut=-kohort").context["rows"]
    assert rows[0].cohort_year == 2016
    rows = client.get("/program/nasional/?provinsi=15&urut=nama").context["rows"]
    names = [p.region.name for p in rows]
    assert names == sorted(names) and all(p.region.province_code == "15" for p in rows)
    assert not client.get("/program/nasional/?kohort=2019").context["rows"]
    assert client.get("/program/nasional/?urut=drop_table").status_code == 200


def test_it_exports_the_table_as_csv_and_xlsx(cast: Cast, client: Client) -> None:
    build_history(kabkota_codes("15"))
    client.force_login(cast.pmu)
    text = client.get("/program/provinsi/15/ekspor.csv").content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("kode_kabkota,nama_kabkota,provinsi,tahun_kohort")
    assert len(lines) == 1 + len(kabkota_codes("15")) and "15.07" in text
    response = client.get("/program/nasional/ekspor.xlsx?provinsi=15")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1 + len(kabkota_codes("15"))
    assert client.get("/program/nasional/ekspor.pdf").status_code == 404


def _queries(client: Client, url: str) -> int:
    caches["local"].clear()  # the summary is cached per data stamp: measure it computed
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("url", ["/program/nasional/", "/program/provinsi/15/"])
def test_it_runs_the_same_number_of_queries_for_few_and_many(
    cast: Cast, client: Client, url: str, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cast.pmu)
    codes = kabkota_codes()
    build_history(codes[:2])
    few = _queries(client, url)
    build_history(codes[2:])
    with django_assert_max_num_queries(few):
        client.get(url)
    assert _queries(client, url) == few


def test_it_shows_the_stage_timeline_of_a_kabkota(cast: Cast, client: Client) -> None:
    build_history(["15.07"])
    client.force_login(cast.kepala_daerah)
    response = client.get("/program/15.07/")
    page = response.content.decode()
    assert [r.stage.number for r in response.context["records"]] == [1, 2, 3, 4]
    assert "Penyusunan MPS" in page and "Tandai selesai" not in page  # reads only
    client.force_login(cast.cf)
    assert "Tandai selesai" in client.get("/program/15.07/").content.decode()


def test_it_answers_the_programme_figures_as_queries(regions: None) -> None:
    build_history(kabkota_codes("15"), cohort=2012)
    build_history(kabkota_codes("75"), cohort=2013)
    assert stats.participants_by_cohort_year() == {
        2012: len(kabkota_codes("15")),
        2013: len(kabkota_codes("75")),
    }
    assert stats.participants_through(2012) == len(kabkota_codes("15"))
    assert stats.kabkota_starting_stage_in(4, 2014) == len(kabkota_codes("75"))
    assert stats.kabkota_starting_stage_in(4, 2013) == len(kabkota_codes("15"))
    assert stats.kabkota_starting_stage_in(3, 2012) == len(kabkota_codes("15"))


def test_it_shows_documents_cycles_and_triggers_on_the_national_dashboard(cast: Cast) -> None:
    from tests.cycles.support import cycle, ensure_seed

    ensure_seed()
    cycle("15.07")
    client = Client()
    client.force_login(cast.pmu)
    body = client.get("/program/nasional/").content.decode()
    for testid in ("document-overview", "cycle-overview", "trigger-overview"):
        assert f'data-testid="{testid}"' in body
    assert 'data-testid="cycle-done-1"' in body


def test_it_exports_every_summary_table_in_one_workbook(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pmu)
    response = client.get("/program/nasional/ekspor.ringkasan.xlsx")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["tahapan", "kohort", "dokumen", "siklus", "pemicu"]
    assert [c.value for c in workbook["tahapan"][1]] == ["tahapan", "nama", "kab_kota", "terlambat"]
    client.force_login(cast.pf)
    assert client.get("/program/nasional/ekspor.ringkasan.xlsx").status_code == 404
    assert client.get("/program/provinsi/15/ekspor.ringkasan.xlsx").status_code == 200
