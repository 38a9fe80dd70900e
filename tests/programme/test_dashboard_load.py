"""Issue 21 item 11: the national dashboard is a smaller page (the kab/kota table in pages)
whose summary is computed once per data change (stamp-keyed `local` cache), not per request.
Speed itself is measured by bench/programme_load.py, never asserted here."""

from __future__ import annotations

import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from ppsp.audit.models import Action
from ppsp.audit.services import audit_record
from ppsp.programme import summary
from ppsp.programme.models import Participation, StageRecord, StageStatus
from ppsp.programme.transitions import StageAction
from ppsp.programme.views import dashboard
from tests.conftest import Cast
from tests.programme.test_dashboard import build_history, kabkota_codes

pytestmark = pytest.mark.django_db


def test_it_shows_the_kabkota_table_in_pages(cast: Cast, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = kabkota_codes()  # 17 in the test slice; pages of 5 here, of 50 in the app
    build_history(codes)
    assert dashboard.TABLE_PAGE == 50
    monkeypatch.setattr(dashboard, "TABLE_PAGE", 5)
    size = 5
    client = Client()
    client.force_login(cast.pmu)
    first = client.get("/program/nasional/?urut=-kode")
    rows = list(first.context["rows"])
    assert len(rows) == size
    assert rows[0].region.code == max(codes)  # sorted over all rows, then cut
    body = first.content.decode()
    assert 'data-testid="table-pages"' in body and "urut=-kode&amp;halaman=2" in body
    second = client.get("/program/nasional/?urut=-kode&halaman=2")
    assert [p.region.code for p in second.context["rows"]] == sorted(codes, reverse=True)[
        size : 2 * size
    ]
    assert first.context["participants"] == len(codes)  # the figures count every row
    last = client.get("/program/nasional/?halaman=999")  # out of range: the last page
    assert last.status_code == 200 and last.context["page"].number == -(-len(codes) // size)


def test_it_reuses_the_summary_within_its_minute(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = kabkota_codes()
    build_history(codes[:3])
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    client = Client()
    client.force_login(cast.pmu)
    first = client.get("/program/nasional/")
    assert first.context["participants"] == 3
    assert 'data-testid="summary-computed"' in first.content.decode()
    with CaptureQueriesContext(connection) as cold:
        client.get("/program/provinsi/15/")
    with CaptureQueriesContext(connection) as warm:
        client.get("/program/provinsi/15/")
    assert len(warm.captured_queries) < len(cold.captured_queries)
    participation = Participation.objects.first()
    assert participation is not None
    Participation.objects.filter(pk=participation.pk).delete()
    audit_record(actor=cast.pmu, obj=cast.pmu, action=Action.UPDATE, reason="uji")
    # writes elsewhere do not recompute the national figures within the minute (the whole
    # page is shared then, so the figure is read from the HTML)...
    assert _participants(client.get("/program/nasional/").content.decode()) == 3
    # ...the next time bucket does
    monkeypatch.setattr(time, "time", lambda: now + summary.SUMMARY_SECONDS)
    assert _participants(client.get("/program/nasional/").content.decode()) == 2


def _participants(html: str) -> int:
    match = re.search(r'data-testid="participants">(\d+)<', html)
    assert match is not None
    return int(match.group(1))


def test_it_computes_the_summary_for_a_partial_scope(cast: Cast) -> None:
    # PF of province 15 on the province page: whole area, cached; national: not covered
    assert summary.covers_area(cast.pf, "15")
    assert not summary.covers_area(cast.pf, "")
    assert summary.covers_area(cast.pmu, "")


def test_it_moves_the_stamp_with_the_time_bucket() -> None:
    now = 1_000_000.0
    assert summary.data_stamp(now) == summary.data_stamp(now + 1)
    assert summary.data_stamp(now) != summary.data_stamp(now + summary.SUMMARY_SECONDS)


def _form_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


def test_it_serves_the_cached_kabkota_page_with_each_users_own_csrf_token(cast: Cast) -> None:
    build_history(["15.07"])
    record = StageRecord.objects.filter(participation__region__code="15.07").last()
    assert record is not None
    pages = {}
    for user in (cast.pmu, cast.cf):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        html = client.get("/program/15.07/").content.decode()
        assert summary_csrf_slot() not in html
        pages[user.username] = (client, html)
    client, html = pages["cf.tanjabtim"]
    response = client.post(
        f"/program/tahapan/{record.pk}/status/",
        {"action": StageAction.SELESAIKAN, "csrfmiddlewaretoken": _form_token(html)},
    )
    assert response.status_code == 302  # the token in the cached body is the user's own
    record.refresh_from_db()
    assert record.status == StageStatus.SELESAI
    # the transition was audited: the next read of the page shows it
    after = client.get("/program/15.07/").content.decode()
    badge = f'<span class="badge">{StageStatus.SELESAI.label}</span>'
    assert after.count(badge) == html.count(badge) + 1
    # a viewer without edit rights gets the body without the forms
    viewer = Client()
    viewer.force_login(cast.pokja_provinsi)
    assert "/program/tahapan/" not in viewer.get("/program/15.07/").content.decode()


def summary_csrf_slot() -> str:
    return dashboard.CSRF_SLOT
