"""Dispute and programme pages on the demo: a dispute taken in by form and walked through
each step on its page, bad input refused with the field named and nothing stored, the
programme's figures and outreach, and other organisations kept out."""

from __future__ import annotations

import re
from datetime import date, timedelta

from fastapi.testclient import TestClient

from tests.web.conftest import BASE, client_for, sign_in

MEDIATOR = "mediator@ipservice-demo.example"
ADVISOR = "advisor@ipservice-demo.example"


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


def _dispute_id(response_url: str) -> int:
    found = re.search(r"/disputes/(\d+)$", response_url)
    assert found, response_url
    return int(found.group(1))


def test_a_mediator_walks_a_dispute_through_its_page(demo_url: str) -> None:
    advisor, advisor_csrf = _as(demo_url, ADVISOR)
    form = advisor.get("/disputes/new")
    assert form.status_code == 200 and 'name="conflict_waiver"' in form.text
    client, csrf = _as(demo_url, MEDIATOR)
    assert client.get("/disputes/new").status_code == 403  # a neutral takes nothing in
    assert 'href="/disputes/new"' not in client.get("/disputes").text
    taken = advisor.post(
        "/disputes/new",
        data={
            "csrf_token": advisor_csrf,
            "title": "Deep-link scheme copied a word mark (page test)",
            "claimant": "Example Video Platform Ltd.",
            "respondent": "Example Short Video App Co., Ltd.",
            "received_on": "2026-09-01",
            "amount": "120000",
            "currency": "CNY",
            "assignee": MEDIATOR,
        },
    )
    dispute_id = _dispute_id(str(taken.url))
    escalation = f'action="/disputes/{dispute_id}/escalation"'
    assert escalation in taken.text  # the lawyer in charge may refer it on
    page = client.get(f"/disputes/{dispute_id}").text
    assert "120,000" in page and f'action="/disputes/{dispute_id}/assessment"' in page
    assert "Start mediation" not in page  # not assessed yet
    assert escalation not in page  # the mediator may not
    refused = client.post(
        f"/disputes/{dispute_id}/escalation", data={"csrf_token": csrf, "kind": "district_court"}
    )
    assert refused.status_code == 403

    step = {"csrf_token": csrf}
    page = client.post(
        f"/disputes/{dispute_id}/assessment",
        data=step
        | {"factor_conduct_stopped_after_notice": "yes", "factor_complementary_businesses": "yes"},
    ).text
    assert "suitable (5)" in page and "Start mediation" in page
    page = client.post(f"/disputes/{dispute_id}/mediation", data=step).text
    assert "in mediation" in page and 'name="held_on"' in page
    page = client.post(
        f"/disputes/{dispute_id}/sessions",
        data=step | {"held_on": "2026-09-15", "notes": "The app offers to cooperate."},
    ).text
    assert "The app offers to cooperate." in page
    page = client.post(
        f"/disputes/{dispute_id}/outcome",
        data=step | {"outcome": "cooperation_agreement", "on": "2026-09-30"},
    ).text
    assert "cooperation agreement" in page and "Judicial confirmation of the agreement" in page
    confirmation = f"/disputes/{dispute_id}/judicial-confirmation"
    assert f'action="{confirmation}"' in page and 'name="court"' in page
    ahead = (date.today() + timedelta(days=2)).isoformat()
    back = {"Referer": f"{BASE}/disputes/{dispute_id}"}  # as a browser sends it
    for bad, field, said in (
        ({"on": ahead, "court": "Example Court"}, "on", "is in the future"),
        ({"on": "2026-09-29", "court": "Example Court"}, "on", "before the agreement"),
        ({"on": "2026-10-01", "court": ""}, "court", "name the court"),
        ({"on": "2026-10-01", "court": "c" * 501}, "court", "500"),
        ({"on": "2026-10-01", "court": "C", "reference": "r" * 201}, "reference", "200"),
    ):
        refused = client.post(confirmation, data=step | {"state": "requested"} | bad, headers=back)
        assert refused.status_code == 422 and said in refused.text, (bad, refused.text[-2000:])
        [marked] = re.findall(
            rf'<input[^>]*name="{field}"[^>]*>', refused.text.split(confirmation)[1]
        )
        assert 'aria-invalid="true"' in marked
    assert "Judicial confirmation: not sought" in client.get(f"/disputes/{dispute_id}").text
    page = client.post(
        confirmation,
        data=step | {"state": "requested", "on": "2026-10-01", "court": "Example Internet Court"},
    ).text
    assert "Judicial confirmation: requested · Court asked on 2026-10-01" in page
    assert "Court: Example Internet Court" in page
    page = client.post(
        confirmation,
        data=step | {"state": "confirmed", "on": "2026-10-20", "reference": "(2026) No. 12"},
    ).text
    assert "Decided on 2026-10-20 · Court: Example Internet Court" in page
    assert "Case or ruling number: (2026) No. 12" in page
    chinese = client.get(f"/disputes/{dispute_id}", headers={"Accept-Language": "zh-CN"}).text
    assert "2026-10-20 法院作出裁定" in chinese and "案号或裁定书编号" in chinese


def test_the_lawyer_in_charge_hands_a_dispute_to_the_mediator_on_its_page(demo_url: str) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    taken = client.post(
        "/disputes/new",
        data={
            "csrf_token": csrf,
            "title": "Handed over on the page (page test)",
            "claimant": "Example Handover Claimant Ltd.",
            "respondent": "Example Handover Respondent Ltd.",
            "received_on": "2026-10-01",
        },
    )
    dispute_id = _dispute_id(str(taken.url))
    form = f'action="/disputes/{dispute_id}/assignment"'
    assert form in taken.text and f"In charge: {ADVISOR}" in taken.text
    step = {"csrf_token": csrf}
    wrong = client.post(
        f"/disputes/{dispute_id}/assignment",
        data=step | {"provider": MEDIATOR},
        headers={"Referer": f"{BASE}/disputes/{dispute_id}"},  # as a browser sends it
    )
    assert wrong.status_code == 422 and "<h1>Dispute" in wrong.text
    assert f"{MEDIATOR} is a mediator, not a legal-service user or an admin" in wrong.text
    assert f'value="{MEDIATOR}"' in wrong.text  # the form keeps what was typed
    page = client.post(f"/disputes/{dispute_id}/assignment", data=step | {"mediator": MEDIATOR})
    assert f"Mediator: {MEDIATOR}" in page.text
    mediator, _ = _as(demo_url, MEDIATOR)
    seen = mediator.get(f"/disputes/{dispute_id}")
    assert seen.status_code == 200 and form not in seen.text  # a mediator does not reassign
    chinese = client.get(f"/disputes/{dispute_id}", headers={"Accept-Language": "zh-CN"}).text
    assert "重新分配纠纷" in chinese and "Reassign" not in chinese


def test_the_intake_form_names_the_rights_in_dispute_and_the_case_asserts_them(
    demo_url: str,
) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    form = client.get("/disputes/new").text
    assert 'name="rights"' in form
    before = client.get("/disputes").text.count('href="/disputes/')
    intake = {
        "csrf_token": csrf,
        "title": "Shop copies the mark (rights page test)",
        "claimant": "Beijing Example Robotics Co., Ltd.",
        "respondent": "Example Copy Shop",
        "received_on": "2026-10-01",
        # robotics-demo's mark, and smoore-demo's patent (smoore has not engaged the centre)
        "rights": "CN 60000001\n\nUS 10,357,623\n",
    }
    refused = client.post("/disputes/new", data=intake)
    assert refused.status_code == 422 and "<h1>Take in a dispute" in refused.text
    assert "no right &#39;US 10,357,623&#39; held by you or by an enterprise" in refused.text
    [field] = re.findall(r'<textarea[^>]*name="rights"[^>]*>', refused.text)
    assert 'aria-invalid="true"' in field  # the field the message belongs to is marked
    assert "CN 60000001\n\nUS 10,357,623" in refused.text  # what was typed, kept
    assert client.get("/disputes").text.count('href="/disputes/') == before  # nothing stored
    taken = client.post("/disputes/new", data=intake | {"rights": "cn 60000001"})
    dispute_id = _dispute_id(str(taken.url))
    assert "Rights in dispute" in taken.text
    assert "CN 60000001 (Trademark): EXAMPLEBOT · Owner: Beijing Example Robotics" in taken.text
    chinese = client.get(f"/disputes/{dispute_id}", headers={"Accept-Language": "zh-CN"}).text
    assert "争议权利" in chinese and "Rights in dispute" not in chinese
    client.post(
        f"/disputes/{dispute_id}/escalation", data={"csrf_token": csrf, "kind": "district_court"}
    )
    case_id = client.get(f"/api/v1/disputes/{dispute_id}").json()["case_id"]
    case = client.get(f"/cases/{case_id}").text
    assert '<th scope="col">CN 60000001</th>' in case  # the enterprise's right, asserted


def test_bad_steps_name_the_field_and_store_nothing(demo_url: str) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    bad_date = client.post(
        "/disputes/new",
        data={
            "csrf_token": csrf,
            "title": "t",
            "claimant": "A",
            "respondent": "B",
            "received_on": "not a date",
        },
    )
    assert bad_date.status_code == 422 and "received_on" in bad_date.text
    half = client.post(
        "/disputes/new",
        data={"csrf_token": csrf, "title": "t", "claimant": "A", "respondent": "B",
              "received_on": "2026-10-01", "currency": "CNY"},
    )  # fmt: skip
    assert half.status_code == 422
    assert "give the amount as well as its currency" in half.text  # not "not an amount: ''"
    taken = client.post(
        "/disputes/new",
        data={
            "csrf_token": csrf,
            "title": "Bad steps (page test)",
            "claimant": "Example Claimant Ltd.",
            "respondent": "Example Respondent Ltd.",
            "received_on": "2026-10-01",
        },
    )
    dispute_id = _dispute_id(str(taken.url))
    client.post(
        f"/disputes/{dispute_id}/assessment",
        data={"csrf_token": csrf, "factor_conduct_stopped_after_notice": "yes"},
    )
    client.post(f"/disputes/{dispute_id}/mediation", data={"csrf_token": csrf})
    future = (date.today() + timedelta(days=2)).isoformat()
    late = client.post(
        f"/disputes/{dispute_id}/sessions",
        data={"csrf_token": csrf, "held_on": future, "notes": "never"},
    )
    assert late.status_code in (403, 422)  # the advisor is not cleared for privileged records
    # ... so the page does not offer the advisor a session form it would refuse
    assert (
        f'action="/disputes/{dispute_id}/sessions"'
        not in client.get(f"/disputes/{dispute_id}").text
    )
    mediator, _ = _as(demo_url, MEDIATOR)
    client.post(
        f"/disputes/{dispute_id}/assignment", data={"csrf_token": csrf, "mediator": MEDIATOR}
    )
    offered = mediator.get(f"/disputes/{dispute_id}").text
    assert f'action="/disputes/{dispute_id}/sessions"' in offered
    banana = client.post(
        f"/disputes/{dispute_id}/assessment",
        data={"csrf_token": csrf, "factor_banana": "yes", "factor_small_amount": "perhaps"},
    )
    assert banana.status_code == 422
    assert "factor_banana" in banana.text and "factor_small_amount" in banana.text
    unknown = client.post(
        f"/disputes/{dispute_id}/outcome",
        data={"csrf_token": csrf, "outcome": "victory", "on": "2026-10-02"},
    )
    assert unknown.status_code == 422 and "outcome" in unknown.text
    page = client.get(f"/disputes/{dispute_id}").text
    assert "never" not in page and "in mediation" in page
    no_csrf = client.post(f"/disputes/{dispute_id}/mediation", data={})
    assert no_csrf.status_code == 403


def test_the_programme_page_shows_figures_and_records_outreach(demo_url: str) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    page = client.get("/programme")
    assert page.status_code == 200
    assert "Loopholes in the latest checks, by section" in page.text and "<svg" in page.text
    assert "Trademark watch and oppositions for start-ups" in page.text
    assert 'action="/programme/outreach"' in page.text
    mediator, _ = _as(demo_url, MEDIATOR)  # a neutral records no outreach: no form offered
    theirs = mediator.get("/programme")
    assert theirs.status_code == 200 and 'action="/programme/outreach"' not in theirs.text
    assert "/attendance" not in theirs.text and "/attendance" in page.text  # nor a count box
    recorded = client.post(
        "/programme/outreach",
        data={
            "csrf_token": csrf,
            "kind": "seminar",
            "title": "Evidence keeping for online sellers",
            "held_on": "2026-11-10",
            "attendance": "25",
        },
    )
    assert "Evidence keeping for online sellers" in recorded.text
    row = re.search(
        r"Evidence keeping for online sellers</td>.*?"
        r'action="/programme/outreach/(\d+)/attendance".*?value="25"',
        recorded.text,
        re.S,
    )
    assert row, "a held event's row offers its attendance to correct"
    counted = client.post(
        f"/programme/outreach/{row.group(1)}/attendance",
        data={"csrf_token": csrf, "attendance": "28"},
    )
    assert re.search(
        rf'action="/programme/outreach/{row.group(1)}/attendance".*?value="28"', counted.text, re.S
    )
    ahead = (date.today() + timedelta(days=30)).isoformat()
    announced = client.post(
        "/programme/outreach",
        data={"csrf_token": csrf, "kind": "seminar", "title": "Announced", "held_on": ahead},
    )
    row = re.search(r"<tr><td>[^<]*</td><td>Announced</td>.*?</tr>", announced.text)
    assert row and "not held yet" in row.group(0)
    guessed = client.post(
        "/programme/outreach",
        data={"csrf_token": csrf, "kind": "seminar", "title": "Guessed", "held_on": ahead,
              "attendance": "40"},
    )  # fmt: skip
    assert guessed.status_code == 422 and "not held yet: record its attendance" in guessed.text
    assert "Guessed</td>" not in guessed.text
    negative = client.post(
        "/programme/outreach",
        data={
            "csrf_token": csrf,
            "kind": "seminar",
            "title": "x",
            "held_on": "2026-11-10",
            "attendance": "-3",
        },
    )
    assert negative.status_code == 422 and "attendance" in negative.text
    listed = client.get("/api/v1/disputes").json()["items"]
    referred = next(d for d in listed if d["title"].startswith("Factory sells copies"))
    assert referred["status"] == "referred"  # and written up in the demo
    again = client.post(
        f"/programme/case-studies/{referred['id']}",
        data={"csrf_token": csrf, "held_on": "2026-11-30", "title": "A second lesson"},
    )
    assert again.status_code == 409 and "already has a case study" in again.text
    fresh = next(d for d in listed if d["status"] == "intake")
    ended = client.post(
        f"/api/v1/disputes/{fresh['id']}/outcome",
        headers={"X-CSRF-Token": csrf},
        json={"outcome": "withdrawal", "on": "2026-11-20"},
    )
    assert ended.status_code == 200, ended.text
    study = client.post(
        f"/programme/case-studies/{fresh['id']}",
        data={"csrf_token": csrf, "held_on": "2026-11-30", "title": "A lesson (page test)"},
    )
    assert "A lesson (page test)" in study.text and fresh["respondent"] not in study.text


def test_the_programme_in_chinese(demo_url: str) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    ahead = (date.today() + timedelta(days=30)).isoformat()
    page = client.post(
        "/programme/outreach",
        data={"csrf_token": csrf, "kind": "seminar", "title": "Announced", "held_on": ahead},
        headers={"Accept-Language": "zh-CN"},
    ).text
    assert "服务项目" in page and "外联活动" in page and "Outreach" not in page
    assert "尚未举行" in page and "not held yet" not in page


def test_a_member_enterprise_reads_the_case_studies_shared_with_it(demo_url: str) -> None:
    client, csrf = _as(demo_url, ADVISOR)
    taken = client.post(
        "/disputes/new",
        data={
            "csrf_token": csrf,
            "title": "Kept to the provider (page test)",
            "claimant": "Example Lamp Maker Ltd.",
            "respondent": "Example Lamp Copier Ltd.",
            "received_on": "2026-10-01",
        },
    )
    dispute_id = _dispute_id(str(taken.url))
    ended = client.post(
        f"/disputes/{dispute_id}/outcome",
        data={"csrf_token": csrf, "outcome": "withdrawal", "on": "2026-10-20"},
    ).text
    assert 'name="enterprise" value="robotics-demo"' in ended  # the one enterprise served
    not_served = client.post(
        f"/programme/case-studies/{dispute_id}",
        data={"csrf_token": csrf, "held_on": "2026-11-30", "enterprise": "smoore-demo"},
        headers={"Referer": f"https://testserver/disputes/{dispute_id}"},
    )
    assert not_served.status_code == 422
    assert re.search(
        rf'id="programme-case-studies-{dispute_id}-enterprise-error">'
        "&#39;smoore-demo&#39; is not an enterprise your organisation serves",
        not_served.text,
    )
    client.post(
        f"/programme/case-studies/{dispute_id}",
        data={"csrf_token": csrf, "held_on": "2026-11-30", "title": "Kept to the provider"},
    )  # written, but shared with no one
    member, _ = _as(demo_url, "counsel@robotics-demo.example")
    page = member.get("/case-studies")
    assert page.status_code == 200 and 'href="/case-studies"' in page.text
    # the demo's study of the referred dispute was shared with robotics; this one was not
    assert "When mass copying goes to court rather than mediation" in page.text
    assert "Kept to the provider" not in page.text and "Lamp" not in page.text
    assert "by Bao&#39;an IP Protection Service Centre (demo)" in page.text
    assert "<form" not in page.text.split("<main", 1)[1]  # read-only: nothing to change
    zh = member.get("/case-studies", headers={"Accept-Language": "zh-CN"}).text
    assert "来自 Bao&#39;an IP Protection Service Centre (demo)" in zh
    outsider, _ = _as(demo_url, "counsel@smoore-demo.example")
    unshared = outsider.get("/case-studies").text
    assert "When mass copying" not in unshared
    assert "No case study has been shared with your organisation." in unshared


def test_other_organisations_do_not_get_the_providers_pages(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel@robotics-demo.example")
    assert client.get("/disputes/new").status_code == 403
    assert client.get("/programme").status_code == 403
    refused = client.post(
        "/programme/outreach",
        data={"csrf_token": csrf, "kind": "seminar", "title": "x", "held_on": "2026-11-10"},
    )
    assert refused.status_code == 403
