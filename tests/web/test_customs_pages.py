"""Customs pages and API on the demo, role by role: the officer's queue and detentions, what
a rights holder and a stranger see, bad files named, and the page in Chinese."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import client_for, sign_in


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


OFFICER = "officer@customs-demo.example"
EU_OFFICER = "officer-nl@customs-demo.example"
COUNSEL = "counsel@smoore-demo.example"
STRANGER = "counsel@robotics-demo.example"


def test_the_officer_sees_the_queue_and_only_what_is_recorded_with_china(demo_url: str) -> None:
    officer, _ = _as(demo_url, OFFICER)
    page = officer.get("/customs")
    assert page.status_code == 200 and "Targeting queue" in page.text
    queue = officer.get("/api/v1/customs/queue").json()
    assert queue and queue[0]["level"] == "high"
    assert [q["risk"] for q in queue] == sorted((q["risk"] for q in queue), reverse=True)
    authorities = {r["authority"] for r in officer.get("/api/v1/customs/recordations").json()}
    assert authorities == {"CN-GACC"}
    detentions = officer.get("/api/v1/customs/detentions").json()
    assert detentions and {d["authority"] for d in detentions} == {"CN-GACC"}
    eu, _ = _as(demo_url, EU_OFFICER)
    eu_detentions = eu.get("/api/v1/customs/detentions").json()
    assert {d["authority"] for d in eu_detentions} == {"EU"}
    assert {d["status"] for d in eu_detentions} >= {"detained", "notified", "confirmed",
                                                    "destroyed", "released", "handed_over"}  # fmt: skip
    hidden = detentions[0]["id"]
    assert eu.get(f"/api/v1/customs/detentions/{hidden}").status_code == 404


def test_the_rights_holder_sees_its_own_records_but_no_queue(demo_url: str) -> None:
    counsel, _ = _as(demo_url, COUNSEL)
    page = counsel.get("/customs")
    assert page.status_code == 200 and "Targeting queue" not in page.text
    assert "<svg" in page.text and "1,8" in page.text  # the four batches of the public record
    assert counsel.get("/api/v1/customs/queue").status_code == 403
    recorded = counsel.get("/api/v1/customs/recordations").json()
    assert {r["authority"] for r in recorded} == {"CN-GACC", "US-CBP", "EU"}
    guide = counsel.get(f"/customs/recordations/{recorded[0]['id']}")
    assert guide.status_code == 200
    stats = counsel.get("/api/v1/customs/statistics").json()
    assert stats["by_month"]["2019-04"] == 620_000


def test_a_stranger_sees_nothing(demo_url: str) -> None:
    stranger, _ = _as(demo_url, STRANGER)
    assert stranger.get("/api/v1/customs/recordations").json() == []
    assert stranger.get("/api/v1/customs/detentions/1").status_code == 404
    assert stranger.get("/customs/detentions/1").status_code == 404
    assert stranger.get("/customs/recordations/1").status_code == 404


def test_a_bad_declarations_file_is_named_row_by_row(demo_url: str) -> None:
    officer, csrf = _as(demo_url, OFFICER)
    before = len(officer.get("/api/v1/customs/queue", params={"limit": 1000}).json())
    bad = (
        b"direction,brand,description,hs_code,unit_value,currency\n"
        b"export,CCELL,cartridges,8543.40,cheap,USD\nsideways,X,y,1,1,USD\n"
    )
    page = officer.post(
        "/customs/score",
        files={"file": ("week.csv", bad, "text/csv")},
        data={"csrf_token": csrf},
    )
    assert page.status_code == 422
    assert "week.csv:2: unit_value" in page.text and "week.csv:3: direction" in page.text
    after = len(officer.get("/api/v1/customs/queue", params={"limit": 1000}).json())
    assert after == before


def test_the_customs_page_in_chinese(demo_url: str) -> None:
    officer, csrf = _as(demo_url, OFFICER)
    officer.post("/language", data={"csrf_token": csrf, "locale": "zh_Hans", "next": "/"})
    page = officer.get("/customs").text
    assert "海关知识产权边境保护" in page and "布控队列" in page
