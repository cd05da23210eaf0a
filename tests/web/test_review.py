"""Upload → screening job → review queue → decisions, with versions that refuse overwrites."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ipsentry.domain.jobs import Job, JobKind, JobStatus
from ipsentry.domain.screening import ReviewStatus
from ipsentry.services import jobs, review
from ipsentry.services.database import unit_of_work
from ipsentry.services.jobs import ThreadRunner
from tests.web.conftest import DEMO_USERS, client_for, sign_in

LISTINGS = (
    "kind,text,seller,platform,url\n"
    "listing,CCELL TH2 replacement cartridge 1ml ceramic coil,Shop A,shop.example,https://shop.example/i/1\n"
    "listing,Ccel compatible vape cartridge 0.5ml,Shop B,,\n"
    "domain,ccell-official-store.com,,,\n"
)


@pytest.fixture(scope="module")
def runner() -> ThreadRunner:
    return ThreadRunner()


def analyst(demo_url: str, runner: ThreadRunner) -> tuple[TestClient, str]:
    client = client_for(demo_url, runner)
    return client, sign_in(client, DEMO_USERS["analyst"])


def upload(client: TestClient, csrf: str, text: str, name: str = "listings.csv") -> dict:  # type: ignore[type-arg]
    response = client.post(
        "/api/v1/observations/upload",
        files={"file": (name, text.encode("utf-8"), "text/csv")},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code in (202, 422), response.text
    return response.json()  # type: ignore[no-any-return]


def test_an_upload_is_screened_as_a_job_and_its_hits_queue_for_review(
    demo_url: str, runner: ThreadRunner
) -> None:
    client, csrf = analyst(demo_url, runner)
    job = upload(client, csrf, LISTINGS)
    assert job["status"] == "queued" and job["kind"] == "screen_upload"
    runner.wait()
    done = client.get(f"/api/v1/jobs/{job['id']}").json()
    assert done["status"] == "done", done
    assert done["result"]["stored"] == 3 and done["result"]["hits"] >= 2
    assert done["percent"] == 100 and done["total"] == done["done"] > 0
    # the same file again stores nothing twice
    again = upload(client, csrf, LISTINGS)
    runner.wait()
    assert client.get(f"/api/v1/jobs/{again['id']}").json()["result"]["stored"] == 0
    with unit_of_work(demo_url) as uow:  # where each was seen: the row's platform, else the file
        stored = {o.text: (o.source, o.url) for o in uow.records.observations(1)}
    assert stored["CCELL TH2 replacement cartridge 1ml ceramic coil"] == (
        "shop.example",
        "https://shop.example/i/1",
    )
    assert stored["Ccel compatible vape cartridge 0.5ml"] == ("listings.csv", "")

    hits = client.get("/api/v1/hits", params={"limit": 200}).json()["items"]
    uploaded = [h for h in hits if "CCELL TH2" in h["observed"]]
    assert uploaded and uploaded[0]["matched"].upper() == "CCELL"
    assert uploaded[0]["explanation"] and uploaded[0]["status"] == "open"
    page = client.get("/review").text
    assert "<mark>CCELL</mark>" in page


def test_a_bad_upload_is_refused_at_once_naming_row_and_field(
    demo_url: str, runner: ThreadRunner
) -> None:
    client, csrf = analyst(demo_url, runner)
    problem = upload(client, csrf, "kind,text\nlisting,fine\nparcel,what\n", "bad.csv")
    assert problem["status"] == 422
    assert problem["errors"][0] == {"field": "kind", "path": "bad.csv/3/kind", "source": "bad.csv",
                                    "row": 3, "message": problem["errors"][0]["message"]}  # fmt: skip
    odd = upload(client, csrf, "x", "notes.txt")
    assert odd["errors"][0]["field"] == "(file)" and "unknown format" in odd["errors"][0]["message"]


def test_decisions_are_versioned_so_the_slower_reviewer_gets_409(
    demo_url: str, runner: ThreadRunner
) -> None:
    client, csrf = analyst(demo_url, runner)
    upload(client, csrf, LISTINGS, "more.csv")
    runner.wait()
    hit = client.get("/api/v1/hits").json()["items"][0]
    first = client.post(
        f"/api/v1/hits/{hit['id']}/decisions",
        json={
            "decision": "confirmed",
            "reason": "same mark, same goods",
            "version": hit["version"],
        },
        headers={"X-CSRF-Token": csrf},
    )
    assert first.status_code == 200 and first.json()["status"] == "confirmed"
    assert first.json()["version"] == hit["version"] + 1
    other = client_for(demo_url, runner)
    other_csrf = sign_in(other, DEMO_USERS["reviewer"])
    late = other.post(
        f"/api/v1/hits/{hit['id']}/decisions",
        json={"decision": "dismissed", "reason": "looks fine to me", "version": hit["version"]},
        headers={"X-CSRF-Token": other_csrf},
    )
    assert late.status_code == 409 and late.headers["content-type"] == "application/problem+json"
    assert late.json()["current"]["status"] == "confirmed"
    assert late.json()["current"]["decisions"][0]["reason"] == "same mark, same goods"
    assert other.get(f"/api/v1/hits/{hit['id']}").json()["status"] == "confirmed"
    # a viewer may look but not decide
    viewer = client_for(demo_url, runner)
    viewer_csrf = sign_in(viewer, DEMO_USERS["viewer"])
    refused = viewer.post(
        f"/api/v1/hits/{hit['id']}/decisions",
        json={"decision": "escalated", "reason": "x", "version": hit["version"] + 1},
        headers={"X-CSRF-Token": viewer_csrf},
    )
    assert refused.status_code == 403


def test_every_status_on_request_and_bad_values_named_by_their_path(
    demo_url: str, runner: ThreadRunner
) -> None:
    assert {c.value for c in review.StatusChoice} == {*ReviewStatus, "all"}
    client, csrf = analyst(demo_url, runner)
    upload(client, csrf, LISTINGS, "statuses.csv")
    runner.wait()

    def ids(**params: str) -> set[int]:
        found = client.get("/api/v1/hits", params={"limit": "200", **params})
        assert found.status_code == 200, found.text
        return {h["id"] for h in found.json()["items"]}

    waiting = client.get("/api/v1/hits").json()["items"][0]
    misspelt = client.post(
        f"/api/v1/hits/{waiting['id']}/decisions",
        json={"decision": "confirm", "reason": "same mark", "version": waiting["version"]},
        headers={"X-CSRF-Token": csrf},
    )
    assert misspelt.status_code == 422 and misspelt.json()["detail"].startswith("body/decision: ")
    assert misspelt.json()["errors"][0]["path"] == "body/decision"
    blank = client.post(
        f"/api/v1/hits/{waiting['id']}/decisions",
        json={"decision": "confirmed", "reason": "   ", "version": waiting["version"]},
        headers={"X-CSRF-Token": csrf},
    )
    assert blank.status_code == 422, blank.text
    assert [e["field"] for e in blank.json()["errors"]] == ["reason"]
    assert blank.json()["errors"][0]["message"] == "a review decision needs a reason"
    assert client.get(f"/api/v1/hits/{waiting['id']}").json()["status"] == "open"
    client.post(
        f"/api/v1/hits/{waiting['id']}/decisions",
        json={"decision": "dismissed", "reason": "a reseller", "version": waiting["version"]},
        headers={"X-CSRF-Token": csrf},
    ).raise_for_status()
    reopened = client.post(
        f"/api/v1/hits/{waiting['id']}/decisions",
        json={
            "decision": "escalated",
            "reason": "a second look",
            "version": waiting["version"] + 1,
        },
        headers={"X-CSRF-Token": csrf},
    )  # a dismissed hit is only reopened: the decision is what is wrong, not the reason
    assert reopened.status_code == 422 and reopened.json()["errors"][0]["field"] == "decision"
    everything = ids(status="all")
    assert waiting["id"] not in ids() and waiting["id"] in ids(status="dismissed")
    assert everything == ids() | ids(status="confirmed") | ids(status="dismissed")
    bad = client.get("/api/v1/hits", params={"status": "closed"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("query/status: ")
    schema = client.get("/api/v1/openapi.json").json()
    (status,) = [p for p in schema["paths"]["/api/v1/hits"]["get"]["parameters"]
                 if p["name"] == "status"]  # fmt: skip
    assert "all: every status" in status["description"]
    page = client.get("/review", params={"status": "all"})
    assert page.status_code == 200 and f'id="hit-{waiting["id"]}-h"' in page.text
    # the filter form's "All" options send empty values: the choice not made, not an error
    blank = client.get("/review", params={"status": "", "channel": ""})
    assert blank.status_code == 200 and f'id="hit-{waiting["id"]}-h"' not in blank.text
    assert client.get("/review", params={"status": "all", "channel": ""}).status_code == 200
    listed = client.get("/api/v1/hits", params={"channel": "", "kind": "", "limit": "200"})
    assert listed.status_code == 200 and {h["id"] for h in listed.json()["items"]} == ids()


DEMO_PRODUCT = (
    Path(__file__).resolve().parents[2] / "src/ipsentry/data/demo/products/th2-style-cartridge.txt"
)
CHINESE = {"Accept-Language": "zh-CN,zh;q=0.9"}


def test_a_chinese_review_page_tells_the_refusals_and_explanations_in_chinese(
    demo_url: str, runner: ThreadRunner
) -> None:
    client, csrf = analyst(demo_url, runner)
    listing = io.StringIO()
    csv.writer(listing).writerows(
        [["kind", "text", "seller"], ["listing", DEMO_PRODUCT.read_text("utf-8"), "Shop Z"]]
    )
    upload(client, csrf, listing.getvalue(), "cartridges.csv")
    runner.wait()
    found = client.get("/api/v1/hits", params={"kind": "claim", "limit": 200}).json()["items"]
    opening = " ".join(DEMO_PRODUCT.read_text("utf-8").split()[:6])
    hit = next(h for h in found if opening in " ".join(h["observed"].split()))
    assert hit["explanation"].startswith("claim ")  # the API says it in English
    page = client.get("/review", headers=CHINESE).text
    assert 'lang="zh-Hans"' in page and "的权利要求" in page and "个要素" in page
    assert "elements found" not in page and "商品链接 ·" in page
    # a hit's status is where it stands in review, not a right's legal status
    assert '<label for="status">状态</label>' in page and "法律状态" not in page
    portfolio = client.get("/portfolio", headers=CHINESE).text
    assert '<label for="status">法律状态</label>' in portfolio

    def decide(decision: str, reason: str, version: int) -> str:
        sent = client.post(
            f"/review/{hit['id']}",
            data={"decision": decision, "reason": reason, "version": version,
                  "csrf_token": csrf},
            headers=CHINESE,
        )  # fmt: skip
        return sent.text

    assert "审核决定需要填写理由" in decide("confirmed", "   ", hit["version"])
    assert "a review decision" not in decide("confirmed", "   ", hit["version"])
    decide("dismissed", "a reseller's own text", hit["version"])
    assert "已驳回的命中不能改为已确认" in decide("confirmed", "after all", hit["version"] + 1)
    viewer = client_for(demo_url, runner)
    viewer_csrf = sign_in(viewer, DEMO_USERS["viewer"])
    refused = viewer.post(
        f"/review/{hit['id']}",
        data={"decision": "open", "reason": "x", "version": hit["version"] + 1,
              "csrf_token": viewer_csrf},
        headers=CHINESE,
    )  # fmt: skip
    assert refused.status_code == 403 and "（查看者）无权审核命中" in refused.text


def test_review_decisions_from_the_page(demo_url: str, runner: ThreadRunner) -> None:
    client, csrf = analyst(demo_url, runner)
    hit = client.get("/api/v1/hits").json()["items"][0]
    response = client.post(
        f"/review/{hit['id']}",
        data={"decision": "dismissed", "reason": "referential use", "version": hit["version"],
              "csrf_token": csrf},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303
    assert client.get(f"/api/v1/hits/{hit['id']}").json()["status"] == "dismissed"
    stale = client.post(
        f"/review/{hit['id']}",
        data={"decision": "open", "reason": "again", "version": hit["version"],
              "csrf_token": csrf},
    )  # fmt: skip
    assert stale.status_code == 409 and "nothing was overwritten" in stale.text


def test_a_restart_marks_unfinished_jobs_interrupted(demo_url: str) -> None:
    uow = unit_of_work(demo_url)
    with uow:
        user = uow.organisations.user_by_email(DEMO_USERS["analyst"])
        assert user is not None and user.id is not None
        for status in (JobStatus.QUEUED, JobStatus.RUNNING):
            uow.jobs.add(Job(organisation_id=user.organisation_id, user_id=user.id,
                             kind=JobKind.SCREEN_UPLOAD, created_at=datetime.now(UTC),
                             status=status))  # fmt: skip
        uow.commit()
    assert jobs.interrupt_unfinished(demo_url) == 2
    with unit_of_work(demo_url) as check:
        assert not check.jobs.unfinished()


def test_a_failing_job_keeps_its_error(demo_url: str, runner: ThreadRunner) -> None:
    from ipsentry.errors import InvalidInput, Problem
    from ipsentry.services.access import resolve_user

    with unit_of_work(demo_url) as uow:
        actor = resolve_user(uow, DEMO_USERS["analyst"])
    job = jobs.create(unit_of_work(demo_url), actor, JobKind.SCREEN_UPLOAD, {})

    def broken(progress: jobs.Progress) -> dict[str, object]:
        progress(1, 2)
        raise InvalidInput([Problem("x.csv", 2, "text", "is empty")])

    assert job.id is not None
    runner.submit(demo_url, job.id, broken)
    runner.wait()
    failed = jobs.get(unit_of_work(demo_url), actor, job.id)
    assert failed.status is JobStatus.FAILED and failed.error == "x.csv:2: text: is empty"
    assert failed.done == 1 and failed.total == 2


def test_a_bulk_decision_decides_each_ticked_hit_and_lists_the_stale_ones(
    demo_url: str, runner: ThreadRunner
) -> None:
    client, csrf = analyst(demo_url, runner)
    upload(client, csrf, LISTINGS.replace("Shop", "Store"), "bulk.csv")
    runner.wait()
    hits = client.get("/api/v1/hits", params={"status": "open"}).json()["items"][:3]
    assert len(hits) == 3
    ticked = [f"{h['id']}:{h['version']}" for h in hits]
    stale = f"{hits[2]['id']}:{hits[2]['version'] + 5}"
    response = client.post(
        "/review/bulk",
        data={"decision": "escalated", "reason": "counsel to look", "csrf_token": csrf,
              "hit": [*ticked[:2], stale]},
    )  # fmt: skip
    assert response.status_code == 409 and f"hit {hits[2]['id']} was changed" in response.text
    states = [client.get(f"/api/v1/hits/{h['id']}").json()["status"] for h in hits]
    assert states == ["escalated", "escalated", "open"]
