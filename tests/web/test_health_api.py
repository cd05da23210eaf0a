"""The legal-service side of the REST API on the demo: health checks, the programme, disputes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import client_for, sign_in


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


def test_a_provider_reads_its_checks_and_its_programme(demo_url: str) -> None:
    client, _ = _as(demo_url, "advisor@ipservice-demo.example")
    page = client.get("/api/v1/health-checks", params={"lang": "zh_Hans"}).json()
    assert page["total"] == 2
    recheck = client.get("/api/v1/health-checks/2").json()
    assert recheck["rechecks"] == 1 and recheck["recheck"][0]["trend"] == "improved"
    assert recheck["sections"][0]["title"] == "Ownership and assignment"
    programme = client.get("/api/v1/health-checks/programme").json()
    assert programme["service_hours"] == {"given": 10.0, "used": 7.0, "left": 3.0}
    served = client.get("/api/v1/health-checks/enterprises").json()
    assert served == [
        {"slug": "robotics-demo", "name": "Beijing Example Robotics Co., Ltd. (demo)"}
    ]


def test_answers_are_saved_and_a_bad_one_is_a_problem_naming_the_question(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    headers = {"X-CSRF-Token": csrf}
    saved = client.patch(
        "/api/v1/health-checks/3/answers", json={"co_development": "no"}, headers=headers
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["progress"]["answered"] == 7
    refused = client.patch(
        "/api/v1/health-checks/3/answers", json={"exports": "maybe"}, headers=headers
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "exports"
    pasted = "x" * 5000
    long = client.patch(
        "/api/v1/health-checks/3/answers", json={"enforcement_budget": pasted}, headers=headers
    )
    assert long.status_code == 422
    (error,) = long.json()["errors"]
    assert error["field"] == "enforcement_budget"
    assert error["message"].endswith("'" + "x" * 58 + "…")  # cut, not whole
    without_csrf = client.patch("/api/v1/health-checks/3/answers", json={"co_development": "yes"})
    assert without_csrf.status_code == 403


def test_numbers_that_are_no_amount_are_refused_naming_the_field(demo_url: str) -> None:
    """JSON as Python reads it carries NaN, Infinity, and 1e400 as infinity."""
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    headers = {"X-CSRF-Token": csrf, "Content-Type": "application/json"}
    before = client.get("/api/v1/health-checks/3").json()["progress"]
    for sent, said in [("NaN", "nan"), ("-Infinity", "-inf"), ("1e400", "inf"), ("1e99", "1e+99")]:
        refused = client.patch(
            "/api/v1/health-checks/3/answers",
            content=f'{{"enforcement_budget": {sent}}}',
            headers=headers,
        )
        assert refused.status_code == 422, refused.text
        (error,) = refused.json()["errors"]
        assert error["field"] == "enforcement_budget"
        assert error["message"] == f"give a finite number from 0 to 10,000, not {said}"
        diagnosis = client.post(
            "/api/v1/health-checks/3/diagnosis",
            content=f'{{"package_hours": {sent}}}',
            headers=headers,
        )
        assert diagnosis.status_code == 422
        assert diagnosis.json()["errors"][0]["field"] == "package_hours"
    assert client.get("/api/v1/health-checks/3").json()["progress"] == before
    advisor, advisor_csrf = _as(demo_url, "advisor@ipservice-demo.example")
    for sent in ("NaN", "Infinity", "1e400"):
        hours = advisor.post(
            "/api/v1/health-checks/1/hours",
            content=f'{{"hours": {sent}}}',
            headers={"X-CSRF-Token": advisor_csrf, "Content-Type": "application/json"},
        )
        assert hours.status_code == 422 and hours.json()["errors"][0]["field"] == "hours"


def test_an_answer_to_a_follow_up_not_asked_is_refused_naming_its_condition(
    demo_url: str,
) -> None:
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    before = client.get("/api/v1/health-checks/3").json()["progress"]
    refused = client.patch(
        "/api/v1/health-checks/3/answers",
        json={"co_development": "no", "co_development_ownership": "agreed_in_writing"},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 422
    (error,) = refused.json()["errors"]
    assert error["path"] == "body/co_development_ownership"
    assert error["message"] == (
        "a follow-up asked only when co_development is 'yes', and co_development is answered 'no'"
    )
    assert client.get("/api/v1/health-checks/3").json()["progress"] == before


def test_others_do_not_see_a_providers_work(demo_url: str) -> None:
    client, _ = _as(demo_url, "counsel@smoore-demo.example")
    assert client.get("/api/v1/health-checks/1").status_code == 404
    assert client.get("/api/v1/disputes").json()["total"] == 0
    assert client.get("/api/v1/health-checks/programme").status_code == 403


def test_a_mediator_reads_the_disputes_assigned_with_their_session_notes(demo_url: str) -> None:
    client, _ = _as(demo_url, "mediator@ipservice-demo.example")
    listed = client.get("/api/v1/disputes").json()
    assert {d["status"] for d in listed["items"]} == {"resolved", "in_mediation"}
    resolved = next(d for d in listed["items"] if d["status"] == "resolved")
    assert resolved["outcome"] == "cooperation_agreement"
    assert resolved["sessions"][0]["notes"]  # mediators are cleared for privileged records
    advisor, _ = _as(demo_url, "advisor@ipservice-demo.example")  # the lawyer in charge
    as_advisor = advisor.get(f"/api/v1/disputes/{resolved['id']}").json()
    assert as_advisor["mediator"] == "mediator@ipservice-demo.example"
    assert as_advisor["sessions"][0]["notes"] is None  # a lawyer is not cleared for them


def test_checks_are_started_tracked_and_counted_through_the_api(demo_url: str) -> None:
    client, csrf = _as(demo_url, "advisor@ipservice-demo.example")
    headers = {"X-CSRF-Token": csrf}
    started = client.post(
        "/api/v1/health-checks", json={"enterprise": "robotics-demo"}, headers=headers
    )
    assert started.status_code == 201 and started.json()["status"] == "draft"
    again = client.post(
        "/api/v1/health-checks", json={"enterprise": "robotics-demo"}, headers=headers
    )
    assert again.status_code == 409
    assert f"health check {started.json()['id']} of this enterprise is still open" in again.text
    future = client.post(
        f"/api/v1/health-checks/{started.json()['id']}/diagnosis",
        json={"today": "2999-01-01"},
        headers=headers,
    )
    assert future.status_code == 422
    assert future.json()["errors"][0]["path"] == "body/today"
    stranger = client.post(
        "/api/v1/health-checks", json={"enterprise": "no-such-firm"}, headers=headers
    )
    assert stranger.status_code == 422  # a field of the request, named
    assert stranger.json()["errors"][0]["path"] == "body/enterprise"
    assert "has engaged your organisation" in stranger.json()["errors"][0]["message"]
    nameless = client.post("/api/v1/health-checks", json={}, headers=headers)
    assert nameless.status_code == 422
    assert nameless.json()["errors"][0] == {
        "field": "enterprise",
        "path": "body/enterprise",
        "source": "body",
        "row": None,
        "message": "name the enterprise",
    }
    before = client.get("/api/v1/health-checks/1").json()
    package = before["packages"][0]
    task = client.patch(
        "/api/v1/health-checks/1/tasks/2", json={"status": "in_progress"}, headers=headers
    )
    assert task.status_code == 200
    assert next(t for t in task.json()["plan"] if t["priority"] == 2)["status"] == "in_progress"
    missing = client.patch(
        "/api/v1/health-checks/1/tasks/999", json={"status": "done"}, headers=headers
    )
    assert missing.status_code == 404
    used = client.post("/api/v1/health-checks/1/hours", json={"hours": 1}, headers=headers)
    assert used.json()["packages"][0]["hours_used"] == package["hours_used"] + 1
    beyond = client.post(
        "/api/v1/health-checks/1/hours", json={"hours": package["hours"]}, headers=headers
    )
    assert beyond.status_code == 422 and beyond.json()["errors"][0]["field"] == "hours"
    after = client.get("/api/v1/health-checks/1").json()["packages"][0]["hours_used"]
    assert after == package["hours_used"] + 1  # the refused hours were not counted
