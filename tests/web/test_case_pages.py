"""Enforcement pages on the demo: a confirmed hit captured as evidence, filed under a case,
its takedown drafted and tracked; who may see and do what, markings enforced; Chinese."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.screening import ReviewStatus
from ipsentry.services import review, takedowns
from ipsentry.services.access import resolve_user
from ipsentry.services.screening import run_screening
from ipsentry.store.unit_of_work import UnitOfWork
from tests.web.conftest import client_for, sign_in

SUIT = "1:20-cv-00001"


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


def _confirmed_hit(demo_url: str) -> int:
    uow = UnitOfWork.for_url(demo_url)
    with uow:
        counsel = resolve_user(uow, "counsel@smoore-demo.example")
    run_screening(uow, counsel)
    named = {(x["observation_id"], x["right"]) for n in takedowns.list_takedowns(uow, counsel)
             for x in n["listings"]}  # fmt: skip
    item = next(
        i for i in review.queue(uow, counsel).items
        if i.observation.seller and i.hit.kind.value == "mark"
        and not any(o == i.observation.id and r.startswith(i.right.display_number)
                    for o, r in named)
    )  # fmt: skip
    assert item.hit.id is not None
    review.decide(uow, counsel, item.hit.id, ReviewStatus.CONFIRMED, "copy", item.hit.version)
    return item.hit.id


def _case_id(demo_url: str, number: str) -> int:
    uow = UnitOfWork.for_url(demo_url)
    with uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        case = uow.records.case_by_number(org.id, number)
        assert case is not None and case.id is not None
        return case.id


def test_a_hit_is_captured_filed_and_taken_down(demo_url: str) -> None:
    hit = _confirmed_hit(demo_url)
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    assert f'action="/review/{hit}/evidence"' in client.get("/review?status=confirmed").text
    filed = client.post(f"/review/{hit}/evidence", data={"csrf_token": csrf, "case": SUIT},
                        follow_redirects=False)  # fmt: skip
    suit = _case_id(demo_url, SUIT)
    assert filed.status_code == 303 and filed.headers["location"].startswith(f"/cases/{suit}#")
    page = client.get(f"/cases/{suit}").text
    assert f"screening hit {hit}" in page and "binder.pdf" in page
    binder = client.get(f"/cases/{suit}/binder.pdf")
    assert binder.headers["content-type"] == "application/pdf" and binder.content[:4] == b"%PDF"

    drafted = client.post("/takedowns", data={"csrf_token": csrf, "hit": str(hit)},
                          follow_redirects=False)  # fmt: skip
    assert drafted.status_code == 303
    notice = drafted.headers["location"]
    assert re.fullmatch(r"/takedowns/\d+", notice)
    for status in ("sent", "removed"):
        moved = client.post(notice, data={"csrf_token": csrf, "status": status},
                            follow_redirects=True)  # fmt: skip
        assert moved.status_code == 200 and f'id="takedown-status">{status}<' in moved.text
    refused = client.post(notice, data={"csrf_token": csrf, "status": "sent"})
    assert refused.status_code == 409  # a removed notice is not sent again unless relisted
    assert client.get(f"{notice}/notice.pdf").content[:4] == b"%PDF"
    assert "removed" in client.get("/takedowns").text


def test_who_may_see_and_do_what(demo_url: str) -> None:
    hit = _confirmed_hit(demo_url)
    suit = _case_id(demo_url, SUIT)
    reviewer, csrf = _as(demo_url, "reviewer@smoore-demo.example")
    assert reviewer.get(f"/cases/{suit}").status_code == 200
    refused = reviewer.post(f"/review/{hit}/evidence", data={"csrf_token": csrf})
    assert refused.status_code == 403
    assert (
        reviewer.post("/takedowns", data={"csrf_token": csrf, "hit": str(hit)}).status_code == 403
    )
    viewer, _ = _as(demo_url, "viewer@smoore-demo.example")
    assert viewer.get(f"/cases/{suit}").status_code == 404  # confidential, above a viewer
    officer, _ = _as(demo_url, "officer@customs-demo.example")
    assert officer.get(f"/cases/{suit}").status_code == 404  # another organisation's
    assert officer.get("/network").status_code == 200


def test_protective_order_material_only_for_cleared_roles(demo_url: str) -> None:
    suit = _case_id(demo_url, SUIT)
    uow = UnitOfWork.for_url(demo_url)
    with uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        case = next(c for c in uow.records.cases(org.id) if c.id == suit)
        case.confidentiality = Confidentiality.PROTECTIVE_ORDER
        uow.commit()
    try:
        analyst, _ = _as(demo_url, "analyst@smoore-demo.example")
        assert analyst.get(f"/cases/{suit}").status_code == 404
        assert f'href="/cases/{suit}"' not in analyst.get("/cases").text
        counsel, _ = _as(demo_url, "counsel@smoore-demo.example")
        shown = counsel.get(f"/cases/{suit}").text
        assert "Protective-order information" in shown
    finally:
        with uow:
            case = next(c for c in uow.records.cases(org.id) if c.id == suit)
            case.confidentiality = Confidentiality.CONFIDENTIAL
            uow.commit()


def test_pages_in_chinese(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel@smoore-demo.example")
    headers = {"Accept-Language": "zh-CN"}
    case = client.get(f"/cases/{_case_id(demo_url, SUIT)}", headers=headers).text
    assert "时间线" in case and "电商平台卖家诉讼 · " in case and "marketplace suit" not in case
    assert "侵权者关系网" in client.get("/network", headers=headers).text
    hit = _confirmed_hit(demo_url)
    notice = client.post("/takedowns", data={"csrf_token": csrf, "hit": str(hit)},
                         follow_redirects=False).headers["location"]  # fmt: skip
    draft = client.get(notice, headers=headers).text
    assert '状态: <strong id="takedown-status">草稿</strong>' in draft, draft
    assert "法律状态" not in draft  # a notice's state is no right's legal status
    assert "证据库第 " in draft and "locker item" not in draft and "captured" not in draft
    why = draft.split('<th scope="col">原因</th>', 1)[1].split("</tbody>", 1)[0]
    assert "可能造成混淆" in why and "Likely to be confused" not in why, why
    assert ">标记为已发送</button>" in draft and "Mark" not in draft
    for status in ("sent", "refused"):
        client.post(notice, data={"csrf_token": csrf, "status": status}).raise_for_status()
    refused = client.get(notice, headers=headers).text
    assert 'id="takedown-status">平台拒绝<' in refused and "· 已发送" in refused
    assert "不予确认" not in refused  # a court's refusal is another word
    listed = client.get("/takedowns", headers=headers).text
    assert '<th scope="col">状态</th>' in listed and "<td>平台拒绝</td>" in listed
    english = client.get(notice).text
    assert 'id="takedown-status">refused by the platform<' in english
    assert "locker item " in english and "Mark sent" in english
