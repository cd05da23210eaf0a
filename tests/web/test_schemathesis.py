"""schemathesis against the published OpenAPI schema: no 500s, no response off the schema.

It runs with a bearer token of the demo counsel (every API operation is open to counsel),
on the SQLite demo database, with a few examples per operation to keep `make test` short.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from ipsentry.api.app import create_app
from ipsentry.services import tokens
from ipsentry.services.access import resolve_user
from ipsentry.services.database import unit_of_work
from ipsentry.services.jobs import ThreadRunner
from ipsentry.settings import Settings
from tests.web.conftest import DEMO_USERS

CONTENT_CHECKED = {"/api/v1/observations/upload"}
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
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_schema(case: Any, token: str) -> None:
    # An uploaded file's content is checked row by row, which no schema can say: a file
    # the schema allows may still be refused (422, naming row and field).
    excluded = [positive_data_acceptance] if case.path in CONTENT_CHECKED else []
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, excluded_checks=excluded)
    RUNNER.wait()  # an upload's job finishes before the next example
