"""A web client over the demo database, signed in as a chosen demo user."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ipsentry.api.app import create_app
from ipsentry.api.security import CSRF_COOKIE
from ipsentry.services.demo import DEMO_PASSWORD, load_demo
from ipsentry.services.jobs import Runner
from ipsentry.settings import Settings
from ipsentry.store.database import dispose_all
from ipsentry.store.unit_of_work import UnitOfWork

BASE = "https://testserver"  # the session cookie is Secure: the client must speak HTTPS
DEMO_USERS = {
    "admin": "admin@smoore-demo.example",
    "counsel": "counsel@smoore-demo.example",
    "analyst": "analyst@smoore-demo.example",
    "reviewer": "reviewer@smoore-demo.example",
    "viewer": "viewer@smoore-demo.example",
    "customs_officer": "officer@customs-demo.example",
    "legal_service": "advisor@ipservice-demo.example",
    "operator": "operator@operator-demo.example",
}


def demo_database(url: str) -> str:
    load_demo(UnitOfWork.for_url(url))
    return url


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.sqlite3'}"
    yield demo_database(url)
    dispose_all()


def client_for(url: str, runner: Runner | None = None, **settings: Any) -> TestClient:
    """A client of an app over ``url``; ``settings`` adds others (the search indexes)."""
    app = create_app(Settings(database_url=url, **settings), runner)
    return TestClient(app, base_url=BASE)


def sign_in(client: TestClient, email: str, password: str = DEMO_PASSWORD) -> str:
    """Signs the client in; returns the session's CSRF token (as the pages carry it)."""
    client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"email": email, "password": password, "csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    page = client.get("/").text
    marker = 'name="csrf_token" value="'
    return page.split(marker, 1)[1].split('"', 1)[0]


@pytest.fixture
def signed_in(demo_url: str) -> Callable[[str], tuple[TestClient, str]]:
    def make(role: str) -> tuple[TestClient, str]:
        client = client_for(demo_url)
        return client, sign_in(client, DEMO_USERS[role])

    return make


@pytest.fixture
def anonymous(demo_url: str) -> TestClient:
    return client_for(demo_url)


__all__ = ["BASE", "DEMO_USERS", "client_for", "demo_database", "sign_in"]
