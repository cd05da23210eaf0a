"""Login throttling per account and per address (its own database: failures accumulate)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ipsentry.api.security import CSRF_COOKIE
from ipsentry.services.demo import DEMO_PASSWORD
from ipsentry.services.sign_in import PER_ACCOUNT, PER_ADDRESS
from tests.web.conftest import DEMO_USERS, client_for


def attempt(client: TestClient, email: str, password: str) -> int:
    client.get("/sign-in")
    return client.post(
        "/sign-in",
        data={"email": email, "password": password, "csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    ).status_code


def test_an_account_is_throttled_after_repeated_failures(demo_url: str) -> None:
    client = client_for(demo_url)
    email = DEMO_USERS["counsel"]
    assert [attempt(client, email, "wrong password!") for _ in range(PER_ACCOUNT)] == [
        401
    ] * PER_ACCOUNT
    assert attempt(client, email, DEMO_PASSWORD) == 429  # even the right password, for a while
    # another account from the same address is still let in
    assert attempt(client, DEMO_USERS["analyst"], DEMO_PASSWORD) == 303


def test_an_address_is_throttled_across_accounts(demo_url: str) -> None:
    client = client_for(demo_url)
    tried = [
        attempt(client, f"nobody{i}@example.org", "guess guess guess") for i in range(PER_ADDRESS)
    ]
    assert tried.count(401) >= PER_ADDRESS - PER_ACCOUNT  # the counsel's failures count too
    assert attempt(client, DEMO_USERS["viewer"], DEMO_PASSWORD) == 429
    page = client.get("/sign-in")
    assert page.status_code == 200
