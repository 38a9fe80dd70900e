"""Property-based API test: schemathesis drives every GET operation of the OpenAPI document
served by the Django app itself (WSGI, no server) with a PMU token; no answer may be a 5xx.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from tests.api.test_permissions import populate
from tests.conftest import Cast


@pytest.fixture
def connection_kept_open() -> Iterator[None]:
    """Keep the test's connection across the WSGI calls, as Django's test client does.

    The request signals would close it (it sits inside the test's transaction); on
    PostgreSQL every later query would then fail with "the connection is closed".
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_it_never_answers_a_server_error(cast: Cast, connection_kept_open: None) -> None:
    populate()
    token = Token.objects.get_or_create(user=cast.pmu)[0].key
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    operations = [result.ok() for result in schema.include(method="GET").get_all_operations()]
    assert len(operations) >= 20

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def run(case: Any) -> None:
            case.call_and_validate(
                headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error]
            )

        run()
