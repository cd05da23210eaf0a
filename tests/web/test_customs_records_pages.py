"""Recording a right and agreeing a protection plan on the demo, from the web forms and the
API: created, edited, bad fields named beside the form (nothing stored), officers refused."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.web.conftest import client_for, sign_in

COUNSEL = "counsel@smoore-demo.example"
OFFICER = "officer@customs-demo.example"


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


def test_counsel_records_a_right_from_the_form_and_edits_it(demo_url: str) -> None:
    counsel, csrf = _as(demo_url, COUNSEL)
    assert 'href="/customs/recordations/new"' in counsel.get("/customs").text
    assert counsel.get("/customs/recordations/new").status_code == 200
    form = {"csrf_token": csrf, "right": "US 5633060", "authority": "US-CBP",
            "number": "TMK 26-00001", "goods": "cartridges", "coverage": "imports",
            "valid_from": "2026-01-01", "valid_until": "2027-12-31"}  # fmt: skip
    refused = counsel.post("/customs/recordations", data={**form, "valid_until": "2025-01-01"},
                           headers={"Referer": "https://testserver/customs/recordations/new"})  # fmt: skip
    assert refused.status_code == 422 and "is before valid_from" in refused.text
    assert 'value="TMK 26-00001"' in refused.text  # what was typed is kept
    before = counsel.get("/api/v1/customs/recordations").json()
    assert "TMK 26-00001" not in {r["number"] for r in before}
    done = counsel.post("/customs/recordations", data=form, follow_redirects=False)
    assert done.status_code == 303
    page = counsel.get(done.headers["location"])
    assert "TMK 26-00001" in page.text and "/edit" in page.text
    recordation_id = int(done.headers["location"].rsplit("/", 1)[1])
    edit = counsel.get(f"/customs/recordations/{recordation_id}/edit")
    assert 'value="TMK 26-00001"' in edit.text
    changed = counsel.post(f"/customs/recordations/{recordation_id}",
                           data={**form, "contact_point": "brand desk"}, follow_redirects=False)  # fmt: skip
    assert changed.status_code == 303
    shown = counsel.get(f"/api/v1/customs/recordations/{recordation_id}").json()
    assert (shown["contact_point"], shown["coverage"]) == ("brand desk", "imports")


def test_the_api_records_and_plans_and_names_bad_fields(demo_url: str) -> None:
    counsel, csrf = _as(demo_url, COUNSEL)
    headers = {"X-CSRF-Token": csrf}
    bad = counsel.post("/api/v1/customs/recordations", headers=headers,
                       json={"right": "US 1", "authority": "US-CBP", "valid_until": None})  # fmt: skip
    assert bad.status_code == 422
    assert {(e["source"], e["field"]) for e in bad.json()["errors"]} == {
        ("body", "right"), ("body", "number")
    }  # fmt: skip
    wrong = counsel.post("/api/v1/customs/recordations", headers=headers,
                         json={"authority": "CBP"})  # fmt: skip
    assert wrong.status_code == 422 and "authority" in wrong.text
    made = counsel.post("/api/v1/customs/recordations", headers=headers,
                        json={"right": "US 5633060", "authority": "US-CBP", "number": "TMK 2"})  # fmt: skip
    assert made.status_code == 201
    patched = counsel.patch(f"/api/v1/customs/recordations/{made.json()['id']}",
                            headers=headers, json={"goods": "vaporizers"})  # fmt: skip
    assert patched.json()["goods"] == "vaporizers" and patched.json()["number"] == "TMK 2"
    guide = counsel.put(f"/api/v1/customs/recordations/{made.json()['id']}/guide",
                        headers=headers, json={"hs_codes": ["854340"]})  # fmt: skip
    assert guide.status_code == 200 and guide.json()["guide"]["hs_codes"] == ["854340"]
    plan = counsel.post("/api/v1/customs/plans", headers=headers,
                        json={"title": "Yantian watch", "customs": "shenzhen-customs-demo",
                              "ports": ["Yantian"], "recordations": ["T2017-00001"]})  # fmt: skip
    assert plan.status_code == 201, plan.text
    assert plan.json()["recordations"] == ["CN-GACC T2017-00001"]
    edited = counsel.patch(f"/api/v1/customs/plans/{plan.json()['id']}", headers=headers,
                           json={"ends_on": "2027-06-30"})  # fmt: skip
    assert edited.json()["ends_on"] == "2027-06-30" and edited.json()["ports"] == ["Yantian"]
    assert plan.json()["id"] in {p["id"] for p in counsel.get("/api/v1/customs/plans").json()}
    page = counsel.get(f"/customs/plans/{plan.json()['id']}/edit")
    assert page.status_code == 200 and 'value="Yantian"' in page.text

    officer, officer_csrf = _as(demo_url, OFFICER)
    refused = officer.patch(f"/api/v1/customs/plans/{plan.json()['id']}",
                            headers={"X-CSRF-Token": officer_csrf}, json={"title": "mine"})  # fmt: skip
    assert refused.status_code == 403
    assert 'href="/customs/recordations/new"' not in officer.get("/customs").text


def test_the_holder_hands_a_seizure_to_an_enforcement_case(demo_url: str) -> None:
    counsel, csrf = _as(demo_url, COUNSEL)
    seized = next(d for d in counsel.get("/api/v1/customs/detentions").json()
                  if d["status"] == "seized")  # fmt: skip
    assert seized["evidence"] is None
    page = counsel.get(f"/customs/detentions/{seized['id']}")
    assert f'action="/customs/detentions/{seized["id"]}/evidence"' in page.text
    refused = counsel.post(f"/customs/detentions/{seized['id']}/evidence",
                           data={"csrf_token": csrf, "case": "no such case"})  # fmt: skip
    assert refused.status_code == 404
    done = counsel.post(f"/customs/detentions/{seized['id']}/evidence",
                        data={"csrf_token": csrf}, follow_redirects=False)  # fmt: skip
    assert done.status_code == 303 and done.headers["location"].startswith("/evidence#evidence-")
    item = int(done.headers["location"].rsplit("-", 1)[1])
    shown = counsel.get(f"/api/v1/customs/detentions/{seized['id']}").json()
    assert shown["evidence"] == {"id": item, "case_id": None}
    assert f"#evidence-{item}" in counsel.get(f"/customs/detentions/{seized['id']}").text
    officer, officer_csrf = _as(demo_url, OFFICER)
    assert (
        "Hand to an enforcement case" not in officer.get(f"/customs/detentions/{seized['id']}").text
    )
    no = officer.post(f"/customs/detentions/{seized['id']}/evidence",
                      data={"csrf_token": officer_csrf})  # fmt: skip
    assert no.status_code in (403, 404)
    seen = officer.get(f"/api/v1/customs/detentions/{seized['id']}").json()
    assert seen["evidence"] is None  # customs does not see the holder's locker
