"""A refused form comes back as the page it was sent from (422): what was typed is still in
its fields, each message sits by the field it names and is listed at the top, nothing was
stored, and the page's CSRF token still works for sending it again, in both languages."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from ipsentry.services.jobs import ThreadRunner
from tests.web.conftest import BASE, DEMO_USERS, client_for, sign_in

ZH = {"Accept-Language": "zh-CN,zh;q=0.9"}
LISTINGS = "kind,text\nlisting,CCELL TH2 cartridge 1ml ceramic coil\nlisting,Ccell pod 0.5ml\n"


def _as(demo_url: str, role: str, runner: ThreadRunner | None = None) -> tuple[TestClient, str]:
    client = client_for(demo_url, runner)
    return client, sign_in(client, DEMO_USERS[role])


def _page_csrf(page: str) -> str:
    return page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def _summary(page: str) -> str:
    found = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert found, "no error summary on the page"
    return found.group(0)


def _field(page: str, element_id: str) -> str:
    found = re.search(rf'<(?:input|textarea|select)[^>]*\bid="{element_id}"[^>]*>', page)
    assert found, f"no field #{element_id}"
    return found.group(0)


def test_a_refused_token_name_keeps_the_page_the_value_and_the_csrf_token(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel")
    before = client.get("/tokens").text.count("<tr>")
    long_name = "build server " + "x" * 300
    refused = client.post("/tokens", data={"name": long_name, "csrf_token": csrf})
    page = refused.text
    assert refused.status_code == 422 and "<h1>API tokens</h1>" in page
    field = _field(page, "name")
    assert f'value="{long_name}"' in field and 'aria-invalid="true"' in field
    assert 'aria-describedby="name-error"' in field
    assert re.search(r'id="name-error">At most 200 characters\.<', page)
    assert '<a href="#name">At most 200 characters.</a>' in _summary(page)
    assert client.get("/tokens").text.count("<tr>") == before  # nothing stored
    # the page carries the session's token: the corrected form goes through
    assert _page_csrf(page) == csrf
    again = client.post("/tokens", data={"name": "build server", "csrf_token": _page_csrf(page)})
    assert again.status_code == 201 and "error-summary" not in again.text


def test_the_service_message_and_the_page_in_chinese(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel")
    refused = client.post("/tokens", data={"name": "   ", "csrf_token": csrf}, headers=ZH)
    page = refused.text
    assert refused.status_code == 422 and '<html lang="zh-Hans">' in page
    assert "未保存：请改正标出的内容后再提交。" in _summary(page)
    assert 'id="name-error">give a name of 1-200 characters<' in page  # the service's words
    long = client.post("/tokens", data={"name": "x" * 201, "csrf_token": csrf}, headers=ZH)
    assert 'id="name-error">最多 200 个字符。<' in long.text


def test_a_dispute_intake_keeps_every_field_and_marks_the_bad_date(demo_url: str) -> None:
    client, csrf = _as(demo_url, "legal_service")
    listed = client.get("/api/v1/disputes").json()
    typed = {
        "title": "Copied shop sign <b>bold</b>",
        "claimant": "Example Claimant Ltd.",
        "respondent": "Example Respondent Ltd.",
        "received_on": "2026-02-30",
        "claims": "The shop sign copies the word mark.\nSecond line.",
        "amount": "50000",
        "currency": "CNY",
    }
    refused = client.post("/disputes/new", data=typed | {"csrf_token": csrf})
    page = refused.text
    assert refused.status_code == 422 and "<h1>Take in a dispute</h1>" in page
    assert 'value="Copied shop sign &lt;b&gt;bold&lt;/b&gt;"' in page  # kept, and escaped
    assert 'value="Example Respondent Ltd."' in page and 'value="50000"' in page
    assert ">The shop sign copies the word mark.\nSecond line.</textarea>" in page
    date_field = _field(page, "disputes-new-received_on")
    assert 'value="2026-02-30"' in date_field and 'aria-invalid="true"' in date_field
    assert 'id="disputes-new-received_on-error">Give a date as YYYY-MM-DD.<' in page
    assert "aria-invalid" not in _field(page, "disputes-new-title")
    assert client.get("/api/v1/disputes").json() == listed


def test_an_intake_refused_for_its_assignee_or_a_conflict_keeps_what_was_typed(
    demo_url: str,
) -> None:
    client, csrf = _as(demo_url, "legal_service")
    listed = client.get("/api/v1/disputes").json()
    demo = next(d for d in listed["items"] if d["status"] == "resolved")
    typed = {
        "title": "Sides swapped (refused-form test)",
        "claimant": "Example Unrelated Claimant Ltd.",
        "respondent": "Example Unrelated Respondent Ltd.",
        "received_on": "2026-10-01",
        "claims": "The app copies the platform mark.\nSecond line.",
        "assignee": "counsel@robotics-demo.example",  # an enterprise's user: not a colleague
    }
    unknown = client.post("/disputes/new", data=typed | {"csrf_token": csrf})
    page = unknown.text
    assert unknown.status_code == 422 and "<h1>Take in a dispute</h1>" in page
    assert ">The app copies the platform mark.\nSecond line.</textarea>" in page
    assignee = _field(page, "disputes-new-assignee")
    assert 'value="counsel@robotics-demo.example"' in assignee
    assert 'aria-invalid="true"' in assignee
    assert re.search(
        r'id="disputes-new-assignee-error">no active user &#39;counsel@robotics-demo\.example'
        r"&#39; in your organisation<",
        page,
    )
    # the other side of a dispute the centre mediated: a certain conflict
    typed |= {"claimant": demo["respondent"], "respondent": demo["claimant"], "assignee": ""}
    conflict = client.post("/disputes/new", data=typed | {"csrf_token": csrf})
    page = conflict.text
    assert conflict.status_code == 422 and "<h1>Take in a dispute</h1>" in page
    assert 'value="Sides swapped (refused-form test)"' in _field(page, "disputes-new-title")
    assert 'aria-invalid="true"' in _field(page, "disputes-new-conflict_waiver")
    found = re.search(r'id="disputes-new-conflict_waiver-error">conflict check: ([^<]*)<', page)
    assert found and "record why it may go ahead" in found.group(1)
    assert client.get("/api/v1/disputes").json() == listed  # neither was taken in
    waived = client.post(
        "/disputes/new",
        data=typed | {"conflict_waiver": "Both sides asked us to mediate.",
                      "csrf_token": _page_csrf(page)},
    )  # fmt: skip
    assert waived.status_code == 200 and "<h1>Dispute" in waived.text


def test_outreach_and_session_forms_keep_what_was_typed(demo_url: str) -> None:
    """A refused outreach event and a refused session record come back filled in, with the
    message by the field (the Referer is the page, as a browser sends it)."""
    advisor, csrf = _as(demo_url, "legal_service")
    ahead = (date.today() + timedelta(days=30)).isoformat()
    event = {"kind": "consultation", "title": "Open day <ahead>", "held_on": ahead,
             "attendance": "12", "summary": "Booths for start-ups.", "enterprise": "robotics-demo"}  # fmt: skip
    refused = advisor.post(
        "/programme/outreach",
        data=event | {"csrf_token": csrf},
        headers={"Referer": f"{BASE}/programme"},
    )
    page = refused.text
    assert refused.status_code == 422 and "<h1>Programme</h1>" in page
    assert 'value="Open day &lt;ahead&gt;"' in _field(page, "programme-outreach-title")
    assert f'value="{ahead}"' in _field(page, "programme-outreach-held_on")
    assert '<option value="consultation" selected>' in page
    assert ">Booths for start-ups.</textarea>" in page
    assert 'name="enterprise" value="robotics-demo" checked' in page
    assert 'aria-invalid="true"' in _field(page, "programme-outreach-attendance")
    assert 'id="programme-outreach-attendance-error">the event is on' in page
    assert "Open day &lt;ahead&gt;</td>" not in page  # not recorded
    mediator = client_for(demo_url)
    mcsrf = sign_in(mediator, "mediator@ipservice-demo.example")
    dispute = next(
        d for d in mediator.get("/api/v1/disputes").json()["items"] if d["status"] == "in_mediation"
    )
    path = f"/disputes/{dispute['id']}"
    late = mediator.post(
        f"{path}/sessions",
        data={"held_on": ahead, "notes": "Parties <agree> in principle.", "disclose": "true",
              "csrf_token": mcsrf},
        headers={"Referer": f"{BASE}{path}"},
    )  # fmt: skip
    page = late.text
    assert late.status_code == 422 and "<h1>Dispute" in page
    assert ">Parties &lt;agree&gt; in principle.</textarea>" in page
    assert 'name="disclose" value="true" checked' in page
    assert f'value="{ahead}"' in _field(page, f"disputes-{dispute['id']}-sessions-held_on")
    assert f"{ahead} is in the future" in page


def test_a_claim_chart_keeps_the_chosen_patent_and_marks_the_empty_product(
    demo_url: str,
) -> None:
    client, csrf = _as(demo_url, "analyst")
    form = client.get("/claims/chart").text
    numbers = re.findall(r'<option value="([^"]+)"', form)
    assert len(numbers) >= 2
    chosen = numbers[-1]
    refused = client.post(
        "/claims/chart", data={"patent": chosen, "product": "   ", "csrf_token": csrf}
    )
    page = refused.text
    assert refused.status_code == 422 and "<h1>Claim chart</h1>" in page
    assert re.search(rf'<option value="{re.escape(chosen)}" selected>', page)
    assert 'id="product-error">is empty<' in page
    assert 'aria-invalid="true"' in _field(page, "product")
    assert '<a href="#product">is empty</a>' in _summary(page)


def test_a_refused_file_lists_each_row_and_stores_nothing(demo_url: str) -> None:
    client, csrf = _as(demo_url, "analyst")
    jobs_before = client.get("/upload").text.count('href="/jobs/')
    bad = "kind,text\nlisting,\nspaceship,CCELL pod\n"
    refused = client.post(
        "/upload",
        files={"file": ("bad.csv", bad.encode(), "text/csv")},
        data={"csrf_token": csrf},
        headers=ZH,
    )
    page = refused.text
    assert refused.status_code == 422 and "<h1>上传观察记录</h1>" in page
    summary = _summary(page)
    assert "bad.csv，第 2 行: text: 为空；没有可筛查的内容" in summary
    assert "bad.csv，第 3 行: kind: “spaceship”不是以下之一：listing, declaration" in summary
    assert "is not one of" not in summary and "nothing to screen" not in summary
    assert client.get("/upload").text.count('href="/jobs/') == jobs_before


@pytest.mark.parametrize(
    ("name", "content", "chinese", "english"),
    [
        ("dup.csv", "kind,kind,text\nlisting,listing,x\n", "列 kind 出现了两次",
         "column kind appears twice"),
        ("headless.csv", "listing,CCELL pod\n", "表头中没有可识别的列（listing, CCELL pod……）",
         "no known column in the header (listing, CCELL pod...)"),
        ("wide.csv", "kind,text\nlisting,CCELL pod,extra\n", "单元格多于表头的列数",
         "more cells than header columns"),
        ("latin.csv", "kind,text\nlisting,caf\xe9\n", "不是 UTF-8 文本（第 12 列的字节 0xe9）",
         "not UTF-8 text (byte 0xe9 at column 12)"),
        ("blank.csv", "kind,text\n,\n", "没有任何记录", "has no records"),
        ("book.xlsx", "not a workbook", "不是 Excel .xlsx 工作簿（", "not an Excel .xlsx workbook ("),
    ],
)  # fmt: skip
def test_a_file_the_reader_refuses_is_told_in_the_pages_language(
    demo_url: str, name: str, content: str, chinese: str, english: str
) -> None:
    """The readers of every upload (formats/) say why a file is refused in the page's
    language, as the upload's own checks do; the same words stay English elsewhere."""
    client, csrf = _as(demo_url, "analyst")
    for headers, said, other in ((ZH, chinese, english), ({}, english, chinese)):
        refused = client.post(
            "/upload",
            files={"file": (name, content.encode("latin-1"), "text/csv")},
            data={"csrf_token": csrf},
            headers=headers,
        )
        assert refused.status_code == 422, refused.text
        summary = _summary(refused.text)
        assert said in summary and other not in summary, summary


@pytest.fixture(scope="module")
def runner() -> ThreadRunner:
    return ThreadRunner()


def test_on_a_page_of_many_forms_only_the_one_sent_is_filled(
    demo_url: str, runner: ThreadRunner
) -> None:
    """The review queue has a form per hit: the refused reason comes back in its own form,
    and the filters of the page it was sent from (the Referer) are kept."""
    client, csrf = _as(demo_url, "analyst", runner)
    client.post(
        "/api/v1/observations/upload",
        files={"file": ("l.csv", LISTINGS.encode(), "text/csv")},
        headers={"X-CSRF-Token": csrf},
    )
    runner.wait()
    queue = client.get("/review?status=open").text
    hits = re.findall(r'action="/review/(\d+)"', queue)
    assert len(hits) >= 2, "the upload should give two open hits"
    hit, other = hits[0], hits[1]
    version = re.search(rf'id="hit-{hit}".*?name="version" value="(\d+)"', queue, re.S)
    assert version
    reason = "a reason far too long " * 100
    refused = client.post(
        f"/review/{hit}",
        data={"decision": "confirmed", "reason": reason, "version": version.group(1),
              "csrf_token": csrf},
        headers={"Referer": f"{BASE}/review?status=open"},
    )  # fmt: skip
    page = refused.text
    assert refused.status_code == 422 and "<h1>Review queue</h1>" in page
    assert '<option value="open" selected>' in page  # the filtered page, not the default
    mine = _field(page, f"reason-{hit}")
    assert f'value="{reason}"' in mine and 'aria-invalid="true"' in mine
    assert 'value=""' in _field(page, f"reason-{other}")
    assert "aria-invalid" not in _field(page, f"reason-{other}")
    assert f'<a href="#reason-{hit}">At most 2000 characters.</a>' in _summary(page)
    status = client.get(f"/api/v1/hits/{hit}").json()["status"]
    assert status == "open"


def test_a_form_sent_from_no_page_gets_the_error_page(demo_url: str) -> None:
    """No Referer and no page at the form's own path: the plain error page, fields named."""
    client, csrf = _as(demo_url, "reviewer")
    refused = client.post(
        "/review/not-a-number", data={"decision": "confirmed", "reason": "r", "csrf_token": csrf}
    )
    assert refused.status_code == 422 and "Something is wrong (422)" in refused.text
    assert "hit_id: Give a whole number." in refused.text
    # a Referer from another site is not followed
    foreign = client.post(
        "/review/not-a-number",
        data={"decision": "confirmed", "reason": "r", "csrf_token": csrf},
        headers={"Referer": "https://elsewhere.example/review"},
    )
    assert foreign.status_code == 422 and "Something is wrong (422)" in foreign.text
