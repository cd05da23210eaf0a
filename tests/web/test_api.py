"""The REST API: schema, pagination and filters, who may read what (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ipsentry.store.database import dispose_all
from tests.web.conftest import DEMO_USERS, client_for, demo_database, sign_in

SignedIn = Callable[[str], tuple[TestClient, str]]


def test_the_openapi_schema_is_published_with_every_resource(anonymous: TestClient) -> None:
    schema = anonymous.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/v1/rights", "/api/v1/rights/{right_id}", "/api/v1/deadlines",
            "/api/v1/tokens", "/api/v1/tokens/{token_id}", "/api/v1/audit"} <= paths  # fmt: skip
    assert not [p for p in paths if not p.startswith("/api/v1/")]  # pages stay out of it


def test_rights_are_paged_and_filtered(signed_in: SignedIn) -> None:
    client, _ = signed_in("counsel")
    everything = client.get("/api/v1/rights", params={"limit": 200}).json()
    total = everything["total"]
    assert total == len(everything["items"]) > 4
    first = client.get("/api/v1/rights", params={"limit": 3}).json()
    second = client.get("/api/v1/rights", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] == total
    ids = [r["id"] for r in first["items"] + second["items"]]
    assert len(set(ids)) == 6 and ids == [r["id"] for r in everything["items"][:6]]
    marks = client.get("/api/v1/rights", params={"kind": "trademark"}).json()["items"]
    assert marks and {r["kind"] for r in marks} == {"trademark"}
    us = client.get("/api/v1/rights", params={"jurisdiction": "US"}).json()["items"]
    assert us and {r["jurisdiction"] for r in us} == {"US"}
    ccell = client.get("/api/v1/rights", params={"q": "ccell"}).json()["items"]
    assert ccell and all("CCELL" in r["title"].upper() for r in ccell)


def test_a_patent_comes_with_claims_and_elements_a_mark_with_classes(signed_in: SignedIn) -> None:
    client, _ = signed_in("counsel")
    items = client.get("/api/v1/rights", params={"limit": 200}).json()["items"]
    patent_id = next(r["id"] for r in items if r["number"] == "US 10357623")
    patent = client.get(f"/api/v1/rights/{patent_id}").json()
    assert patent["claims"] and patent["claims"][0]["elements"]
    assert any(c["depends_on"] for c in patent["claims"])
    mark_id = next(r["id"] for r in items if r["kind"] == "trademark" and r["jurisdiction"] == "US")
    mark = client.get(f"/api/v1/rights/{mark_id}").json()
    assert [c["number"] for c in mark["classes"]] == [34] and mark["classes"][0]["goods"]


def test_deadlines_filter_by_state_and_period(signed_in: SignedIn) -> None:
    client, _ = signed_in("analyst")
    year = client.get("/api/v1/deadlines", params={"within_days": 3650, "limit": 200}).json()
    assert year["total"] > 0
    states = {d["state"] for d in year["items"]}
    one = sorted(states)[0]
    only = client.get(
        "/api/v1/deadlines", params={"within_days": 3650, "state": one, "limit": 200}
    ).json()
    assert only["total"] == sum(1 for d in year["items"] if d["state"] == one)
    soon = client.get("/api/v1/deadlines", params={"within_days": 30}).json()
    assert soon["total"] <= year["total"]


def test_the_audit_log_is_for_admins(signed_in: SignedIn) -> None:
    admin, _ = signed_in("admin")
    log = admin.get("/api/v1/audit", params={"action": "session.sign_in"}).json()
    assert log["total"] >= 1 and {e["action"] for e in log["items"]} == {"session.sign_in"}
    analyst, _ = signed_in("analyst")
    refused = analyst.get("/api/v1/audit")
    assert refused.status_code == 403 and refused.json()["type"] == "/problems/forbidden"


def test_a_viewer_sees_only_public_rights(signed_in: SignedIn) -> None:
    counsel, _ = signed_in("counsel")
    viewer, _ = signed_in("viewer")
    all_rights = counsel.get("/api/v1/rights", params={"limit": 200}).json()["items"]
    public = viewer.get("/api/v1/rights", params={"limit": 200}).json()["items"]
    assert {r["marking"] for r in public} <= {"public"}
    hidden = [r for r in all_rights if r["marking"] != "public"]
    assert hidden
    assert viewer.get(f"/api/v1/rights/{hidden[0]['id']}").status_code == 404


def test_an_organisation_without_a_grant_sees_none_of_these_rights(signed_in: SignedIn) -> None:
    """The provider is engaged by another enterprise, not by this rights holder (what a
    grant shares is in test_grants.py)."""
    counsel, _ = signed_in("counsel")
    provider, _ = signed_in("legal_service")
    own = {r["id"] for r in counsel.get("/api/v1/rights", params={"limit": 200}).json()["items"]}
    seen = provider.get("/api/v1/rights", params={"limit": 200}).json()["items"]
    assert not own & {r["id"] for r in seen}
    assert provider.get(f"/api/v1/rights/{min(own)}").status_code == 404


@pytest.mark.postgres
def test_a_token_made_on_the_command_line_reads_the_hits_as_the_readme_says(
    demo_url: str, anonymous: TestClient
) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "IPSENTRY_DATABASE_URL": demo_url}
    made = subprocess.run(
        [sys.executable, "-m", "ipsentry", "user", "token", "readme recipe",
         "--as", DEMO_USERS["analyst"]],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    secret = made.stdout.strip()
    assert secret.startswith("ips_") and "shown once" in made.stderr
    bearer = {"Authorization": f"Bearer {secret}"}
    hits = anonymous.get("/api/v1/hits", params={"status": "all", "limit": 5}, headers=bearer)
    assert hits.status_code == 200 and hits.json()["limit"] == 5  # the demo screens on 'make demo'
    assert anonymous.get("/api/v1/rights", headers=bearer).json()["total"] > 0
    assert anonymous.get("/api/v1/hits").status_code == 401
    refused = subprocess.run(
        [sys.executable, "-m", "ipsentry", "user", "token", "x", "--as", DEMO_USERS["viewer"]],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert refused.returncode == 5 and "may not create API tokens" in refused.stderr


def test_sign_in_tokens_and_lists_on_postgresql(postgresql: Any) -> None:
    info = postgresql.info
    database_url = f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"
    client = client_for(demo_database(database_url))
    csrf = sign_in(client, DEMO_USERS["counsel"])
    assert client.get("/api/v1/rights").json()["total"] > 4
    created = client.post("/api/v1/tokens", json={"name": "ci"}, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201
    machine = client_for(database_url)
    bearer = {"Authorization": f"Bearer {created.json()['secret']}"}
    assert machine.get("/api/v1/deadlines", headers=bearer).status_code == 200
    dispose_all()
