"""Role scopes cached per process under the user's roles_token: read once, and a change of
an assignment (new, ended, deleted, or its end date passing) is seen on the next request."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ppsp.accounts.models import Role
from ppsp.accounts.services import role_assignment_create, role_assignment_end
from ppsp.regions.models import Region
from tests.conftest import Cast

pytestmark = pytest.mark.django_db

PAGE = "/wilayah/15.07/"


def _assignment_queries(client: Client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, sum("accounts_roleassignment" in q["sql"] for q in queries.captured_queries)


def test_it_reads_the_assignments_once_until_one_changes(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.cf)
    assert _assignment_queries(client, PAGE) == (200, 1)
    assert _assignment_queries(client, PAGE) == (200, 0)  # cached under the token
    role_assignment_end(
        assignment=cast.cf.assignments.get(),
        on=timezone.localdate() - dt.timedelta(days=1),
        by=None,
    )
    assert _assignment_queries(client, PAGE) == (404, 1)  # the next request sees the change


def test_it_renews_the_token_on_every_assignment_change(cast: Cast) -> None:
    user = cast.pf
    tokens = []
    for change in ("create", "end", "delete"):
        if change == "create":
            assignment = role_assignment_create(
                user=user, role=Role.PF, region=Region.objects.get(code="75")
            )
        elif change == "end":
            role_assignment_end(assignment=assignment, on=timezone.localdate(), by=None)
        else:
            assignment.delete()
        user.refresh_from_db()
        tokens.append(user.roles_token)
    assert None not in tokens and len(set(tokens)) == 3


def test_it_drops_an_assignment_the_day_after_it_ends(cast: Cast, monkeypatch: Any) -> None:
    today = timezone.localdate()
    role_assignment_end(assignment=cast.cf.assignments.get(), on=today, by=None)
    client = Client()
    client.force_login(cast.cf)
    assert client.get(PAGE).status_code == 200
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today + dt.timedelta(days=1))
    assert client.get(PAGE).status_code == 404
