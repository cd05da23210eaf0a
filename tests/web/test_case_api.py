"""The enforcement API on the demo: cases with counts from the record, evidence, takedown
notices drafted and moved, the network; refusals as problem details."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import client_for, sign_in


def _as(demo_url: str, email: str) -> tuple[TestClient, dict[str, str]]:
    client = client_for(demo_url)
    return client, {"X-CSRF-Token": sign_in(client, email)}


def test_cases_evidence_takedowns_and_network(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    cases = client.get("/api/v1/cases").json()
    itc = next(c for c in cases["items"] if c["number"] == "337-TA-1286")
    assert itc["respondents"] == itc["resolved"] == 38
    detail = client.get(f"/api/v1/cases/{itc['id']}").json()
    assert detail["resolved_by"]["no_violation"] >= 1 and detail["resolved_by"]["default"] == 1
    assert {r["kind"] for r in detail["remedies"]} == {"LEO", "CDO"}
    notices = client.get("/api/v1/takedowns").json()["items"]
    assert {n["status"] for n in notices} >= {"draft", "sent", "removed", "refused", "relisted"}
    draft = next(n for n in notices if n["status"] == "draft")
    moved = client.post(f"/api/v1/takedowns/{draft['id']}/status", headers=csrf,
                        json={"status": "removed"})  # fmt: skip
    assert moved.status_code == 409
    assert moved.headers["content-type"].startswith("application/problem+json")
    sent = client.post(f"/api/v1/takedowns/{draft['id']}/status", headers=csrf,
                       json={"status": "sent", "on": "2026-12-02"})  # fmt: skip
    assert sent.status_code == 200 and sent.json()["status"] == "sent"
    evidence = client.get("/api/v1/evidence").json()
    assert evidence["total"] >= 5 and all(len(e["sha256"]) == 64 for e in evidence["items"])
    network = client.get("/api/v1/network").json()
    assert len(network["clusters"]) >= 2 and network["marking"] == "confidential"


def test_refusals(demo_url: str) -> None:
    reviewer, csrf = _as(demo_url, "reviewer@smoore-demo.example")
    assert reviewer.post("/api/v1/hits/1/evidence", headers=csrf, json={}).status_code == 403
    viewer, _ = _as(demo_url, "viewer@smoore-demo.example")
    assert viewer.get("/api/v1/cases").json()["items"] == []  # every demo case is confidential
    assert viewer.get("/api/v1/cases/1").status_code == 404
    officer, _ = _as(demo_url, "officer@customs-demo.example")
    assert officer.get("/api/v1/takedowns/1").status_code == 404  # another organisation's


def test_an_impossible_hit_id_is_refused_by_the_schema(demo_url: str) -> None:
    """An id past the database's integer range is a 422 naming the field, never a 500
    (schemathesis found ``{"hits": [2**63]}`` overflowing SQLite)."""
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    answer = client.post("/api/v1/takedowns", headers=csrf, json={"hits": [2**63]})
    assert answer.status_code == 422
    assert "hits" in answer.text
