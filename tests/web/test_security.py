"""Security checks: CSRF, cookie flags, headers and CSP, tokens, sessions, problem details."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from ipsentry.api.app import create_app
from ipsentry.api.discovery import app_routes
from ipsentry.api.security import CSRF_COOKIE, SESSION_COOKIE
from ipsentry.errors import NotAuthenticated
from ipsentry.services import sign_in as sign_in_service
from ipsentry.services.accounts import deactivate_user
from ipsentry.services.demo import DEMO_PASSWORD
from ipsentry.store.unit_of_work import UnitOfWork
from tests.web.conftest import DEMO_USERS, client_for, sign_in

SignedIn = Callable[[str], tuple[TestClient, str]]
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def unsafe_routes() -> list[tuple[str, str]]:
    """Every route of the app that changes something, enumerated from the app itself."""
    return sorted(
        (method, route.path)
        for route in app_routes(create_app())
        for method in route.methods & UNSAFE
    )


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.mark.parametrize(("method", "path"), unsafe_routes())
def test_a_change_with_the_session_cookie_but_no_csrf_token_is_refused(
    method: str, path: str, signed_in: SignedIn
) -> None:
    client, _ = signed_in("admin")
    response = client.request(method, concrete(path), data={"name": "x"})
    assert response.status_code == 403, response.text
    assert "security token" in response.text


def test_the_sign_in_form_needs_its_csrf_token(anonymous: TestClient) -> None:
    anonymous.get("/sign-in")
    data = {"email": DEMO_USERS["admin"], "password": DEMO_PASSWORD}
    assert anonymous.post("/sign-in", data=data).status_code == 403
    wrong = anonymous.post("/sign-in", data={**data, "csrf_token": "forged"})
    assert wrong.status_code == 403
    right = {**data, "csrf_token": anonymous.cookies[CSRF_COOKIE]}
    assert anonymous.post("/sign-in", data=right, follow_redirects=False).status_code == 303


def test_session_cookie_flags(anonymous: TestClient) -> None:
    anonymous.get("/sign-in")
    response = anonymous.post(
        "/sign-in",
        data={"email": DEMO_USERS["viewer"], "password": DEMO_PASSWORD,
              "csrf_token": anonymous.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )  # fmt: skip
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE + "=")
    )
    flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
    assert {"secure", "httponly", "max-age", "path"} <= flags
    assert "samesite=lax" in cookie.lower()
    max_age = int(re.search(r"Max-Age=(\d+)", cookie, re.I).group(1))  # type: ignore[union-attr]
    assert 0 < max_age <= 24 * 3600
    value = cookie.split(";")[0].split("=", 1)[1]
    assert len(value) >= 40  # a random secret, not an id


@pytest.mark.parametrize("path", ["/sign-in", "/", "/api/v1/rights", "/static/app.css"])
def test_security_headers_and_a_csp_without_inline_script(path: str, signed_in: SignedIn) -> None:
    client, _ = signed_in("analyst")
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_pages_carry_no_inline_script_or_style(signed_in: SignedIn) -> None:
    client, _ = signed_in("counsel")
    for path in ["/", "/sign-in"]:
        page = client.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"\son[a-z]+=", page), path
        assert not re.search(r"\sstyle=", page), path
        assert "//cdn" not in page and "https://" not in page


def test_pages_need_a_session_and_come_back_after_sign_in(anonymous: TestClient) -> None:
    response = anonymous.get("/?tab=due", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/?tab=due"
    assert anonymous.get("/api/v1/rights").status_code == 401


def test_a_redirect_after_sign_in_stays_on_this_site(anonymous: TestClient) -> None:
    anonymous.get("/sign-in")
    response = anonymous.post(
        "/sign-in",
        data={"email": DEMO_USERS["viewer"], "password": DEMO_PASSWORD,
              "csrf_token": anonymous.cookies[CSRF_COOKIE], "next": "//evil.example/x"},
        follow_redirects=False,
    )  # fmt: skip
    assert response.headers["location"] == "/"


def test_tokens_are_shown_once_work_as_bearer_and_stop_when_revoked(
    signed_in: SignedIn, demo_url: str
) -> None:
    client, csrf = signed_in("analyst")
    created = client.post("/api/v1/tokens", json={"name": "crawler"},
                          headers={"X-CSRF-Token": csrf})  # fmt: skip
    assert created.status_code == 201, created.text
    secret = created.json()["secret"]
    assert secret.startswith("ips_") and created.json()["prefix"] == secret[:10]
    listed = client.get("/api/v1/tokens").json()
    assert listed["total"] == 1 and secret not in str(listed)
    machine = client_for(demo_url)
    bearer = {"Authorization": f"Bearer {secret}"}
    assert machine.get("/api/v1/rights", headers=bearer).status_code == 200
    # a bearer token is not an ambient credential: no CSRF token is needed with it
    other = machine.post("/api/v1/tokens", json={"name": "second"}, headers=bearer)
    assert other.status_code == 201
    token_id = created.json()["id"]
    revoked = client.delete(f"/api/v1/tokens/{token_id}", headers={"X-CSRF-Token": csrf})
    assert revoked.status_code == 200 and revoked.json()["revoked"] is True
    refused = machine.get("/api/v1/rights", headers=bearer)
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["type"] == "/problems/not-authenticated"
    # another user neither sees nor revokes this user's token; viewers hold no tokens at all
    other_user, other_csrf = signed_in("reviewer")
    assert other_user.get("/api/v1/tokens").json()["total"] == 0
    stolen = other_user.delete(f"/api/v1/tokens/{token_id}", headers={"X-CSRF-Token": other_csrf})
    assert stolen.status_code == 404
    viewer, _ = signed_in("viewer")
    assert viewer.get("/api/v1/tokens").status_code == 403


def test_an_expired_session_and_a_deactivated_user_are_refused(demo_url: str) -> None:
    uow = UnitOfWork.for_url(demo_url)
    then = datetime.now(UTC) - sign_in_service.SESSION_LIFETIME - timedelta(minutes=1)
    old = sign_in_service.sign_in(uow, DEMO_USERS["reviewer"], DEMO_PASSWORD, "10.0.0.9", then)
    with pytest.raises(NotAuthenticated):
        sign_in_service.session_actor(uow, old.secret)
    client = client_for(demo_url)
    client.cookies.set(SESSION_COOKIE, old.secret)
    assert client.get("/", follow_redirects=False).status_code == 303

    live_client = client_for(demo_url)
    sign_in(live_client, DEMO_USERS["legal_service"])
    assert live_client.get("/", follow_redirects=False).status_code == 200
    with uow:
        from ipsentry.services.access import resolve_user

        operator = resolve_user(uow, DEMO_USERS["operator"])
    deactivate_user(uow, operator, DEMO_USERS["legal_service"])
    assert live_client.get("/", follow_redirects=False).status_code == 303


def test_sign_out_ends_the_session(signed_in: SignedIn) -> None:
    client, csrf = signed_in("counsel")
    secret = client.cookies[SESSION_COOKIE]
    client.post("/sign-out", data={"csrf_token": csrf}, follow_redirects=False)
    client.cookies.set(SESSION_COOKIE, secret)  # even if the browser kept it
    assert client.get("/", follow_redirects=False).status_code == 303


def test_problem_details_name_the_bad_field(signed_in: SignedIn) -> None:
    client, _ = signed_in("counsel")
    bad = client.get("/api/v1/rights?limit=0")
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    body = bad.json()
    assert body["type"] == "/problems/invalid-input" and body["status"] == 422
    assert [e["field"] for e in body["errors"]] == ["limit"]
    missing = client.get("/api/v1/rights/99999")
    assert missing.status_code == 404 and missing.json()["detail"] == "no right 99999"
    assert missing.json()["instance"] == "/api/v1/rights/99999"
