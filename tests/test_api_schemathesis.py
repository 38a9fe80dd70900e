"""Property-based API test: schemathesis drives every GET operation of the OpenAPI document
served by the Django app itself (WSGI, no server) with a PMU token; no answer may be a 5xx.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from tests.conftest import Cast
from tests.test_api_permissions import populate


def test_it_never_answers_a_server_error(cast: Cast) -> None:
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
