"""schemathesis against the published OpenAPI schema: no 500s, no response off the schema.

It runs with a bearer token of the demo counsel (every API operation is open to counsel),
on the SQLite demo database, with a few examples per operation to keep `make test` short.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from ipsentry.api.app import create_app
from ipsentry.services import tokens
from ipsentry.services.access import resolve_user
from ipsentry.services.database import unit_of_work
from ipsentry.services.jobs import ThreadRunner
from ipsentry.settings import Settings
from tests.web.conftest import DEMO_USERS

CONTENT_CHECKED = {"/api/v1/observations/upload"}
# Bodies read against the stored records and across fields (the right named is in the
# portfolio, a period ends after it starts): a schema-valid body may still be refused
# (422, naming the field), as an upload's rows may.
READ_AGAINST_RECORDS = {
    "/api/v1/customs/recordations",
    "/api/v1/customs/recordations/{recordation_id}",
    "/api/v1/customs/recordations/{recordation_id}/guide",
    "/api/v1/customs/plans",
    "/api/v1/customs/plans/{plan_id}",
}
# A date a user gives the API is of something that has happened (a filing, a service, the
# day a diagnosis is made) or is a day due; one after today is refused with 422 naming the
# field (services/stated_dates.py), which no schema can say. Valid data is drawn as users
# give it, up to today; the refusal of a future date is tested where each date is stated.
schemathesis.openapi.format("date", st.dates(max_value=date.today()).map(date.isoformat))
RUNNER = ThreadRunner()
# The schema is read from the app when this module loads; the database is set per run.
APP = create_app(Settings(database_url="sqlite:///:memory:"), RUNNER)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)


@pytest.fixture(scope="module")
def token(demo_url: str) -> str:
    APP.state.settings = Settings(database_url=demo_url)
    with unit_of_work(demo_url) as uow:
        counsel = resolve_user(uow, DEMO_USERS["counsel"])
    return tokens.create_token(unit_of_work(demo_url), counsel, "schemathesis").secret


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_schema(case: Any, token: str) -> None:
    """No 500, every response (errors included) as the schema says, valid input accepted.

    Unknown query parameters are ignored, as HTTP APIs commonly do, so schemathesis's
    check that schema-violating requests are refused is not run. An uploaded file's
    content is checked row by row, which no schema can say: a file the schema allows may
    still be refused (422, naming row and field), so valid-input acceptance is not asked of
    the upload.
    """
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
    ]
    if case.path not in CONTENT_CHECKED | READ_AGAINST_RECORDS:
        checks.append(positive_data_acceptance)
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=checks)
    RUNNER.wait()  # an upload's job finishes before the next example
