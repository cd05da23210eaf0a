"""A dispute's whole road through the REST API on the demo: intake with a conflict check,
suitability (assessed, overridden), mediation sessions, outcome, judicial confirmation,
escalation, statistics and outreach — each step refused where the service refuses it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import client_for, sign_in

ADVISOR = "advisor@ipservice-demo.example"
MEDIATOR = "mediator@ipservice-demo.example"


class As:
    """A signed-in client that sends its CSRF token with every change."""

    def __init__(self, demo_url: str, email: str) -> None:
        self.client: TestClient = client_for(demo_url)
        self.headers = {"X-CSRF-Token": sign_in(self.client, email)}

    def get(self, path: str) -> Any:
        return self.client.get(path)

    def post(self, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.client.post(path, json=body or {}, headers=self.headers)

    def patch(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.patch(path, json=body, headers=self.headers)


def _intake(**changes: Any) -> dict[str, Any]:
    intake: dict[str, Any] = {
        "title": "Video app copied a platform's mark into its deep links (test)",
        "claimant": {"name": "Example Video Platform Ltd."},
        "respondent": {"name": "Example Short Video App Co., Ltd.", "aliases": ["ShortVid"]},
        "received_on": "2026-09-01",
        "claims": "ShortVid used the claimant's word mark in its deep-link scheme.",
        "amount": {"amount": "200000", "currency": "CNY"},
        "done_already": "the app stopped after notice",
        "assignee": MEDIATOR,
    }
    return intake | changes


def test_a_dispute_goes_from_intake_to_a_confirmed_cooperation_agreement(demo_url: str) -> None:
    advisor, mediator = As(demo_url, ADVISOR), As(demo_url, MEDIATOR)
    taken = advisor.post("/api/v1/disputes", _intake())
    assert taken.status_code == 201, taken.text
    dispute = taken.json()
    assert dispute["status"] == "intake" and dispute["mediator"] == MEDIATOR
    assert dispute["provider"] == ADVISOR  # who took it in stays in charge beside the mediator
    path = f"/api/v1/disputes/{dispute['id']}"

    not_yet = mediator.post(f"{path}/mediation")
    assert not_yet.status_code == 409 and "assess" in not_yet.json()["detail"]
    assessed = mediator.post(
        f"{path}/assessment",
        {"factors": {"conduct_stopped_after_notice": True, "complementary_businesses": True}},
    ).json()
    assert assessed["suitability"]["assessed"] == "suitable"
    assert assessed["suitability"]["score"] == 5
    kept = mediator.post(f"{path}/assessment", {"factors": {"cross_border": False}}).json()
    assert kept["suitability"]["factors"] == {
        "conduct_stopped_after_notice": True,
        "complementary_businesses": True,
        "cross_border": False,
    }
    assert mediator.post(f"{path}/mediation").json()["status"] == "in_mediation"

    session = mediator.post(
        f"{path}/sessions", {"held_on": "2026-09-20", "notes": "Both sides want to cooperate."}
    )
    assert session.status_code == 201
    assert session.json()["sessions"][0]["notes"] == "Both sides want to cooperate."
    resolved = mediator.post(
        f"{path}/outcome",
        {"outcome": "cooperation_agreement", "on": "2026-10-01", "notes": "Joint content."},
    ).json()
    assert resolved["status"] == "resolved" and resolved["outcome"] == "cooperation_agreement"
    confirmation = f"{path}/judicial-confirmation"
    ahead = (date.today() + timedelta(days=2)).isoformat()
    for bad, where, said in (
        ({"on": ahead, "court": "Example Court"}, "body/on", "is in the future"),
        ({"on": "2026-09-30", "court": "Example Court"}, "body/on", "before the agreement"),
        ({"on": "2026-10-02"}, "body/court", "name the court"),
        ({"on": "2026-10-02", "court": "c" * 501}, "body/court", "at most 500 characters"),
        ({"on": "2026-10-02", "court": "C", "reference": "r" * 201}, "body/reference", "200"),
        ({"on": "2026-10-02", "court": "C", "refrence": "No. 1"}, "body/refrence", "Extra"),
        ({"on": 1788220800, "court": "C"}, "body/on", "YYYY-MM-DD"),
    ):
        refused = mediator.post(confirmation, {"state": "requested", **bad})
        assert refused.status_code == 422, refused.text
        [error] = refused.json()["errors"]
        assert error["path"] == where and said in error["message"], error
    assert mediator.get(path).json()["judicial_confirmation"] == "not_sought"
    asked = {"state": "requested", "on": "2026-10-02", "court": "Example Internet Court"}
    step = mediator.post(confirmation, asked).json()
    assert (step["judicial_confirmation"], step["confirmation_requested_on"]) == (
        "requested", "2026-10-02"
    )  # fmt: skip
    early = mediator.post(confirmation, {"state": "confirmed", "on": "2026-10-01"})
    assert early.status_code == 422 and "before the court was asked" in early.text
    ruled = {"state": "confirmed", "on": "2026-10-20", "reference": "(2026) No. 12"}
    step = mediator.post(confirmation, ruled).json()
    assert step["judicial_confirmation"] == "confirmed"
    assert (step["confirmation_decided_on"], step["confirmation_court"]) == (
        "2026-10-20", "Example Internet Court"
    )  # fmt: skip
    assert step["confirmation_reference"] == "(2026) No. 12"
    again = mediator.post(confirmation, asked)
    assert again.status_code == 409

    figures = mediator.get("/api/v1/disputes/statistics").json()
    assert (
        figures["by_mediation"] >= 2 and figures["total"] == figures["open"] + figures["resolved"]
    )


def test_bad_steps_are_problems_naming_the_field(demo_url: str) -> None:
    advisor, mediator = As(demo_url, ADVISOR), As(demo_url, MEDIATOR)
    negative = advisor.post("/api/v1/disputes", _intake(amount={"amount": "-5", "currency": "CNY"}))
    assert negative.status_code == 422 and "amount" in negative.text
    future = (date.today() + timedelta(days=30)).isoformat()
    early = advisor.post("/api/v1/disputes", _intake(received_on=future))
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "received_on"
    missing = advisor.post("/api/v1/disputes", _intake(claimant={"name": ""}, title="x"))
    assert missing.status_code == 422
    assert any("claimant" in e["field"] for e in missing.json()["errors"])
    bad_date = advisor.post("/api/v1/disputes", _intake(received_on="2026-13-01"))
    assert bad_date.status_code == 422 and "received_on" in bad_date.text
    dispute = advisor.post("/api/v1/disputes", _intake(title="Second deep-link dispute (test)"))
    path = f"/api/v1/disputes/{dispute.json()['id']}"
    unknown = mediator.post(f"{path}/assessment", {"factors": {"moon_phase": True}})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "moon_phase"
    no_reason = mediator.post(f"{path}/override", {"verdict": "suitable", "reason": ""})
    assert no_reason.status_code == 422
    nothing_to_override = mediator.post(
        f"{path}/override", {"verdict": "suitable", "reason": "the parties asked for it"}
    )
    assert nothing_to_override.status_code == 409
    mediator.post(f"{path}/assessment", {"factors": {"wilful_counterfeiting": True}})
    refused = mediator.post(f"{path}/mediation")
    assert refused.status_code == 409 and "not suitable" in refused.json()["detail"]
    overridden = mediator.post(
        f"{path}/override", {"verdict": "consider", "reason": "both parties asked to mediate"}
    ).json()
    assert overridden["suitability"]["override"]["reason"] == "both parties asked to mediate"
    mediator.post(f"{path}/mediation")
    future = (date.today() + timedelta(days=3)).isoformat()
    late = mediator.post(f"{path}/sessions", {"held_on": future, "notes": "n"})
    assert late.status_code == 422 and late.json()["errors"][0]["field"] == "held_on"
    assert len(mediator.get(path).json()["sessions"]) == 0  # nothing stored by the refusal


def test_a_certain_conflict_refuses_the_intake_until_waived(demo_url: str) -> None:
    advisor = As(demo_url, ADVISOR)
    # the demo's referred dispute has this factory as respondent; acting for it now conflicts
    existing = next(
        d for d in advisor.get("/api/v1/disputes").json()["items"] if d["status"] == "referred"
    )
    switched = _intake(
        title="The factory's own complaint (test)",
        claimant={"name": existing["respondent"]},
        respondent={"name": "Someone Else Trading Co."},
        assignee=None,
    )
    refused = advisor.post("/api/v1/disputes", switched)
    assert refused.status_code == 409
    waived = advisor.post(
        "/api/v1/disputes", switched | {"conflict_waiver": "both parties consented in writing"}
    )
    assert waived.status_code == 201 and waived.json()["conflicts"][0]["certain"]


def test_escalation_opens_a_case_and_closes_the_dispute(demo_url: str) -> None:
    advisor = As(demo_url, ADVISOR)
    stranger = advisor.post("/api/v1/disputes", _intake(title="Not theirs", rights=["CN 60000001"]))
    assert stranger.status_code == 422  # the mark is neither party's
    assert stranger.json()["errors"][0]["field"] == "rights.0"
    assert "held by Beijing Example Robotics Co., Ltd., neither party" in stranger.text
    intake = _intake(title="Copies sold at scale (test)", assignee=None, rights=["CN 60000001"],
                     claimant={"name": "Beijing Example Robotics Co., Ltd."})  # fmt: skip
    dispute = advisor.post("/api/v1/disputes", intake).json()
    # robotics-demo engaged the service centre: its mark is named by number at intake
    assert dispute["rights"] == [
        {"id": dispute["rights"][0]["id"], "number": "CN 60000001", "title": "EXAMPLEBOT",
         "kind": "trademark", "owner": "Beijing Example Robotics Co., Ltd."}
    ]  # fmt: skip
    path = f"/api/v1/disputes/{dispute['id']}"
    opened = advisor.post(f"{path}/escalation", {"kind": "district_court", "forum": "Court"})
    assert opened.status_code == 201
    assert opened.json()["dispute"]["status"] == "referred"
    assert opened.json()["dispute"]["case_id"] == opened.json()["case_id"]
    case = advisor.get(f"/api/v1/cases/{opened.json()['case_id']}").json()
    assert case["asserted_rights"] == ["CN 60000001"]
    closed = advisor.post(f"{path}/escalation", {"kind": "district_court"})
    assert closed.status_code == 409


def test_outreach_is_recorded_and_case_studies_are_anonymised(demo_url: str) -> None:
    advisor = As(demo_url, ADVISOR)
    before = advisor.get("/api/v1/outreach").json()["total"]
    seminar = advisor.post(
        "/api/v1/outreach",
        {
            "kind": "seminar",
            "title": "Trade secrets for hardware start-ups",
            "held_on": "2026-11-02",
            "attendance": 30,
            "enterprises": ["robotics-demo"],
        },
    )
    assert seminar.status_code == 201 and seminar.json()["attendance"] == 30
    unknown = advisor.post(
        "/api/v1/outreach",
        {"kind": "seminar", "title": "t", "held_on": "2026-11-02", "enterprises": ["nobody"]},
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "enterprises"
    assert "'nobody' is not an enterprise your organisation serves" in unknown.text
    not_served = advisor.post(  # smoore has not engaged the service centre
        "/api/v1/outreach",
        {"kind": "seminar", "title": "t", "held_on": "2026-11-02", "enterprises": ["smoore-demo"]},
    )
    assert not_served.status_code == 422 and "'smoore-demo' is not an enterprise" in not_served.text
    negative = advisor.post(
        "/api/v1/outreach",
        {"kind": "consultation", "title": "t", "held_on": "2026-11-02", "attendance": -1},
    )
    assert negative.status_code == 422
    study_as_event = advisor.post(
        "/api/v1/outreach", {"kind": "case_study", "title": "t", "held_on": "2026-11-02"}
    )
    assert study_as_event.status_code == 422
    assert "'seminar' or 'consultation'" in study_as_event.text
    ahead = (date.today() + timedelta(days=30)).isoformat()
    announced = advisor.post(
        "/api/v1/outreach", {"kind": "seminar", "title": "Next month's seminar", "held_on": ahead}
    )
    assert announced.status_code == 201 and announced.json()["attendance"] == 0
    guessed = advisor.post(
        "/api/v1/outreach",
        {"kind": "seminar", "title": "t", "held_on": ahead, "attendance": 40},
    )
    assert guessed.status_code == 422 and guessed.json()["errors"][0]["field"] == "attendance"
    early = advisor.patch(f"/api/v1/outreach/{announced.json()['id']}", {"attendance": 40})
    assert early.status_code == 422 and "not held yet" in early.text
    counted = advisor.patch(f"/api/v1/outreach/{seminar.json()['id']}", {"attendance": 32})
    assert counted.status_code == 200 and counted.json()["attendance"] == 32
    for loose in ({"attendance": True}, {"attendance": "12"}, {"attendance": 12.5},
                  {"attendance": 12, "title": "renamed"}):  # fmt: skip
        read = advisor.patch(f"/api/v1/outreach/{seminar.json()['id']}", loose)
        assert read.status_code == 422, loose  # never read as a count, nor dropped unread
    listed = advisor.get("/api/v1/outreach").json()["items"]
    assert [e["attendance"] for e in listed if e["id"] == seminar.json()["id"]] == [32]
    outsider = As(demo_url, "counsel@robotics-demo.example")
    refused = outsider.patch(f"/api/v1/outreach/{seminar.json()['id']}", {"attendance": 1})
    assert refused.status_code == 403
    dispute = advisor.post(
        "/api/v1/disputes", _intake(title="Deep links again (test)", assignee=None)
    ).json()
    study_path = f"/api/v1/outreach/case-studies/{dispute['id']}"
    assert advisor.post(study_path, {"held_on": "2026-11-20"}).status_code == 409  # not ended
    advisor.post(f"/api/v1/disputes/{dispute['id']}/escalation", {"kind": "district_court"})
    future = advisor.post(study_path, {"held_on": ahead})
    assert future.status_code == 422 and "is in the future" in future.text
    early = advisor.post(study_path, {"held_on": "2026-08-01"})
    assert early.status_code == 422 and early.json()["errors"][0]["field"] == "held_on"
    elsewhere = advisor.post(study_path, {"held_on": "2026-11-20", "enterprises": ["smoore-demo"]})
    assert elsewhere.status_code == 422 and elsewhere.json()["errors"][0]["field"] == "enterprises"
    study = advisor.post(
        study_path, {"held_on": "2026-11-20", "enterprises": ["robotics-demo"]}
    ).json()
    assert "ShortVid" not in study["summary"] and "[respondent]" in study["summary"]
    member = As(demo_url, "counsel@robotics-demo.example").get("/api/v1/outreach/case-studies")
    assert member.status_code == 200
    read = next(s for s in member.json()["items"] if s["id"] == study["id"])
    assert read["summary"] == study["summary"] and read["shared_on"] == "2026-11-20"
    assert read["provider"] == "Bao'an IP Protection Service Centre (demo)"
    other = As(demo_url, "counsel@smoore-demo.example").get("/api/v1/outreach/case-studies")
    assert other.status_code == 200 and other.json()["items"] == []  # shared with robotics only
    assert advisor.get("/api/v1/outreach").json()["total"] == before + 3


def test_a_mediator_neither_takes_disputes_in_nor_refers_them_on(demo_url: str) -> None:
    advisor, mediator = As(demo_url, ADVISOR), As(demo_url, MEDIATOR)
    before = mediator.get("/api/v1/disputes").json()["total"]
    refused = mediator.post("/api/v1/disputes", _intake(title="Taken in by a neutral (test)"))
    assert refused.status_code == 403 and "take in, hand over or refer" in refused.text
    assert mediator.get("/api/v1/disputes").json()["total"] == before
    dispute = advisor.post("/api/v1/disputes", _intake(title="Refer it, not you (test)")).json()
    path = f"/api/v1/disputes/{dispute['id']}"
    assert mediator.post(f"{path}/escalation", {"kind": "district_court"}).status_code == 403
    assert (
        mediator.get(path).json()["status"] == "intake" and not mediator.get(path).json()["case_id"]
    )
    assessed = mediator.post(f"{path}/assessment", {"factors": {"small_amount": True}})
    assert assessed.status_code == 200  # what a mediator does, they still do
    assert advisor.post(f"{path}/escalation", {"kind": "district_court"}).status_code == 201


def test_a_case_study_names_neither_the_mark_nor_the_right_in_dispute(demo_url: str) -> None:
    advisor = As(demo_url, ADVISOR)
    claims = "The shop sold robots as EXAMPLEBOT, the claimant's mark no. 60000001 (CN 60000001)."
    dispute = advisor.post(
        "/api/v1/disputes",
        _intake(
            title="EXAMPLEBOT copied (test)",
            claims=claims,
            rights=["CN 60000001"],
            claimant={
                "name": "Example Robotics",
                "aliases": ["Beijing Example Robotics Co., Ltd."],
            },
        ),
    ).json()
    assert [r["title"] for r in dispute["rights"]] == ["EXAMPLEBOT"]
    advisor.post(f"/api/v1/disputes/{dispute['id']}/escalation", {"kind": "district_court"})
    study = advisor.post(
        f"/api/v1/outreach/case-studies/{dispute['id']}", {"held_on": "2026-11-20"}
    ).json()
    assert "EXAMPLEBOT" not in study["title"] + study["summary"]
    assert "60000001" not in study["summary"]
    assert "sold robots as [mark], the claimant's mark no. [right] ([right])" in study["summary"]


def test_only_the_provider_takes_disputes(demo_url: str) -> None:
    counsel = As(demo_url, "counsel@robotics-demo.example")
    assert counsel.post("/api/v1/disputes", _intake()).status_code == 403
    assert counsel.get("/api/v1/outreach").status_code == 403
    assert counsel.post("/api/v1/disputes/1/assessment", {"factors": {}}).status_code == 403


def test_a_dispute_is_handed_to_another_mediator_by_the_lawyer_in_charge(demo_url: str) -> None:
    advisor, mediator = As(demo_url, ADVISOR), As(demo_url, MEDIATOR)
    dispute = advisor.post(
        "/api/v1/disputes", _intake(title="Handed to a mediator (test)", assignee=None)
    ).json()
    path = f"/api/v1/disputes/{dispute['id']}"
    assert (dispute["provider"], dispute["mediator"]) == (ADVISOR, None)
    assert mediator.get(path).status_code == 404
    wrong_role = advisor.post(f"{path}/assignment", {"provider": MEDIATOR})
    assert wrong_role.status_code == 422
    assert wrong_role.json()["errors"][0]["field"] == "provider"
    assert "is a mediator, not a legal-service user" in wrong_role.text
    outsider = advisor.post(f"{path}/assignment", {"mediator": "counsel@robotics-demo.example"})
    assert outsider.status_code == 422 and outsider.json()["errors"][0]["field"] == "mediator"
    assert "no active user" in outsider.text
    assert advisor.post(f"{path}/assignment", {}).status_code == 422
    assert advisor.get(path).json()["mediator"] is None  # nothing changed by the refusals
    moved = advisor.post(f"{path}/assignment", {"mediator": MEDIATOR})
    assert moved.status_code == 200 and moved.json()["mediator"] == MEDIATOR
    assert mediator.get(path).status_code == 200
    refused = mediator.post(f"{path}/assignment", {"mediator": MEDIATOR})
    assert refused.status_code == 403 and "hand over" in refused.json()["detail"]
    misspelt = advisor.post(f"{path}/assignment", {"mediatr": MEDIATOR})
    assert misspelt.status_code == 422 and misspelt.json()["errors"][0]["field"] == "mediatr"


def test_the_demo_centres_head_takes_over_a_dispute_its_lawyer_left(demo_url: str) -> None:
    """The demo's service centre has an admin, so a dispute never lacks someone who may
    hand it on: the head sees every dispute and puts one in someone else's charge."""
    head, advisor = As(demo_url, "head@ipservice-demo.example"), As(demo_url, ADVISOR)
    dispute = advisor.post("/api/v1/disputes", _intake(title="Lawyer left (test)")).json()
    path = f"/api/v1/disputes/{dispute['id']}"
    seen = {d["id"] for d in head.get("/api/v1/disputes").json()["items"]}
    assert seen >= {d["id"] for d in advisor.get("/api/v1/disputes").json()["items"]}
    moved = head.post(f"{path}/assignment", {"provider": "head@ipservice-demo.example"})
    assert moved.status_code == 200 and moved.json()["provider"] == "head@ipservice-demo.example"


def test_a_referred_dispute_takes_only_its_disclosed_sessions_into_the_case(demo_url: str) -> None:
    advisor, mediator = As(demo_url, ADVISOR), As(demo_url, MEDIATOR)
    dispute = advisor.post("/api/v1/disputes", _intake(title="Sessions into a case (test)")).json()
    path = f"/api/v1/disputes/{dispute['id']}"
    mediator.post(f"{path}/assessment", {"factors": {"conduct_stopped_after_notice": True}})
    mediator.post(f"{path}/mediation")
    for held_on, notes, disclosed in (
        ("2026-09-10", "An offer made without prejudice.", False),
        ("2026-09-12", "Both agree the app used the scheme for a year.", True),
    ):
        made = mediator.post(
            f"{path}/sessions", {"held_on": held_on, "notes": notes, "disclosure_agreed": disclosed}
        )
        assert made.status_code == 201
    opened = advisor.post(f"{path}/escalation", {"kind": "district_court"}).json()

    def filed(client: As) -> list[dict[str, Any]]:
        items = client.get("/api/v1/evidence?limit=100").json()["items"]
        return [i for i in items if i["case_id"] == opened["case_id"]]

    [record] = filed(mediator)
    assert record["title"].startswith("Mediation session of 2026-09-12")
    assert record["confidentiality"] == "privileged" and record["kind"] == "document"
    assert filed(advisor) == []  # a lawyer is not cleared for privileged records


@pytest.mark.parametrize(
    ("changes", "path", "said"),
    [
        ({"claimant": "Example Video Platform Ltd."}, "body/claimant", "valid dictionary"),
        ({"respondent": {"name": "R", "aliases": "ShortVid"}}, "body/respondent/aliases", "list"),
        ({"amount": {"amount": 200000, "currency": "CNY"}}, "body/amount/amount", "as text"),
        ({"amount": {"amount": "200000", "currency": 156}}, "body/amount/currency", "string"),
        ({"amount": {"amount": "1e20", "currency": "CNY"}}, "body/amount/amount", "'1e20' is not"),
        ({"amount": {"amount": "NaN", "currency": "CNY"}}, "body/amount/amount", "'NaN' is not"),
        ({"amount": {"amount": "Infinity", "currency": "CNY"}}, "body/amount/amount", "not an"),
        ({"amount": {"amount": "1" * 16, "currency": "CNY"}}, "body/amount/amount", "at most 15"),
        ({"received_on": 1788220800}, "body/received_on", "as text, YYYY-MM-DD"),
        ({"claimant": {"name": "C", "country": "ZZ"}}, "body/claimant.country", "ISO 3166-1"),
        ({"respondent": {"name": "EXAMPLE VIDEO PLATFORM LIMITED"}}, "body/respondent", "too"),
        ({"asignee": MEDIATOR}, "body/asignee", "Extra inputs"),
        ({"claimant": {"name": "C", "contry": "CN"}}, "body/claimant/contry", "Extra inputs"),
        ({"rights": "CN 60000001"}, "body/rights", "valid list"),
        ({"rights": [60000001]}, "body/rights/0", "valid string"),
        # smoore-demo holds it, but has not engaged the service centre
        (
            {
                "rights": ["CN 60000001", "US 10,357,623"],
                "claimant": {"name": "Beijing Example Robotics Co., Ltd."},
            },
            "body/rights.1",
            "no right 'US 10,357",
        ),
        # robotics-demo holds it, but is neither party
        ({"rights": ["CN 60000001"]}, "body/rights.0", "neither party to this dispute"),
    ],
)
def test_a_bad_intake_body_is_a_422_naming_the_field(
    changes: dict[str, Any], path: str, said: str, demo_url: str
) -> None:
    advisor = As(demo_url, ADVISOR)
    before = advisor.get("/api/v1/disputes").json()["total"]
    refused = advisor.post("/api/v1/disputes", _intake(**changes))
    assert refused.status_code == 422, refused.text
    [error] = refused.json()["errors"]
    assert error["path"] == path and said in error["message"], error
    assert advisor.get("/api/v1/disputes").json()["total"] == before


def test_a_session_or_outcome_date_given_as_a_number_is_refused(demo_url: str) -> None:
    advisor = As(demo_url, ADVISOR)
    dispute = advisor.post("/api/v1/disputes", _intake(title="Dates as numbers (test)")).json()
    path = f"/api/v1/disputes/{dispute['id']}"
    refused = advisor.post(f"{path}/outcome", {"outcome": "withdrawal", "on": 1788220800})
    assert refused.status_code == 422 and refused.json()["errors"][0]["path"] == "body/on"
    assert advisor.get(path).json()["status"] == "intake"
