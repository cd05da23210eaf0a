"""Register and patent search, claim charts and their downloads, privileged exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from ipsentry.domain.common import Confidentiality
from ipsentry.services.audit import AuditFilter
from ipsentry.services.database import unit_of_work
from tests.web.conftest import DEMO_USERS, client_for, sign_in
from tests.web.indexes import DATED, build_indexes

PATENT = "US 10357623"
PRODUCT = (
    "A vaporizer cartridge: the housing has a mouthpiece end; a liquid storage cavity in the "
    "housing holds the e-liquid; a porous ceramic body with a printed heating film."
)


Login = Callable[..., tuple[TestClient, str]]


@pytest.fixture(scope="module")
def indexes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return build_indexes(tmp_path_factory.mktemp("indexes"))


@pytest.fixture
def login(demo_url: str, indexes: tuple[Path, Path]) -> Iterator[Login]:
    register, patents = indexes

    def make(role: str, **settings: object) -> tuple[TestClient, str]:
        wanted = {"register_index": register, "patent_index": patents, **settings}
        client = client_for(demo_url, **wanted)
        return client, sign_in(client, DEMO_USERS[role])

    yield make


def _mark(url: str, number: str, marking: Confidentiality) -> None:
    with unit_of_work(url) as uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        right = next(r for r in uow.rights.list(org.id) if r.display_number == number)
        right.confidentiality = marking
        uow.commit()


def _exports(url: str) -> list[dict[str, object]]:
    """The details of every export recorded, oldest first."""
    with unit_of_work(url) as uow:
        entries, _ = uow.accounts.audit_entries(AuditFilter(action="export"), limit=10_000)
        return [e.details for e in reversed(entries)]


def test_register_search_finds_the_look_alike_first_and_dates_a_published_name(
    login: Login,
) -> None:
    client, _ = login("viewer")
    found = client.get("/api/v1/register/search", params={"q": "CCELL"}).json()
    assert found["marking"] == "public"
    names = [h["name"] for h in found["items"]]
    assert set(names[:2]) == {"CCELL", "C-CELL"} and "AURORA BAKERY" not in names[:3]
    dated = next(h for h in found["items"] if h["name"] == DATED)
    assert dated["opposition_deadline"] is not None
    page = client.get("/register/search", params={"q": "CCELL"})
    assert page.status_code == 200 and "C-CELL" in page.text and "Public" in page.text


def test_patent_search_finds_the_patent_a_product_text_is_about(login: Login) -> None:
    client, _ = login("analyst")
    found = client.get("/api/v1/patents/search", params={"q": PRODUCT, "top": 3}).json()
    assert found["items"][0]["number"] == "US10357623"
    assert found["items"][0]["passage"]
    page = client.get("/patents/search", params={"q": PRODUCT})
    assert page.status_code == 200 and "US10357623" in page.text


def test_searches_without_an_index_say_how_to_make_one(login: Login) -> None:
    client, _ = login("analyst", register_index=None, patent_index=None)
    refused = client.get("/api/v1/register/search", params={"q": "CCELL"})
    assert refused.status_code == 404 and "ipsentry register build" in refused.json()["detail"]
    page = client.get("/patents/search", params={"q": "ceramic"})
    assert page.status_code == 200 and "IPSENTRY_PATENT_INDEX" in page.text
    empty = client.get("/api/v1/register/search", params={"q": " "})
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "q"


def test_a_claim_chart_over_the_api_carries_the_patent_marking(login: Login) -> None:
    client, csrf = login("analyst")
    body = {"patent": PATENT, "product": PRODUCT, "claims": [1]}
    answer = client.post("/api/v1/claim-charts", json=body, headers={"X-CSRF-Token": csrf})
    assert answer.status_code == 200, answer.text
    chart = answer.json()
    assert chart["marking"] == chart["chart"]["patent"]["confidentiality"]
    assert [c["num"] for c in chart["chart"]["claims"]] == [1]
    missing = client.post(
        "/api/v1/claim-charts", json={**body, "claims": [999]}, headers={"X-CSRF-Token": csrf}
    )
    assert missing.status_code == 422 and "no claim 999" in missing.text
    unknown = client.post(
        "/api/v1/claim-charts", json={**body, "patent": "US 1"}, headers={"X-CSRF-Token": csrf}
    )
    assert unknown.status_code == 404


def test_a_claim_chart_page_tells_its_findings_in_the_pages_language(login: Login) -> None:
    client, csrf = login("analyst")
    form = {"patent": PATENT, "product": PRODUCT, "csrf_token": csrf}
    sent = client.post("/claims/chart", data=form, headers={"Accept-Language": "zh-CN"})
    assert sent.status_code == 200, sent.text
    page = sent.text
    verdicts = page.split("<h3 ")[1:]
    assert verdicts and all(
        v.split("</h3>", 1)[0].rsplit("· ", 1)[1]
        in ("覆盖该产品", "部分覆盖该产品", "未覆盖该产品")
        for v in verdicts
    ), verdicts
    rows = [
        r for body in page.split("<tbody>")[1:] for r in body.split("</tbody>")[0].split("<tr>")
    ]
    findings = {r.rsplit("<td>", 1)[1].split("</td>", 1)[0] for r in rows if "<td>" in r}
    assert findings and findings <= {"具备", "未找到", "可能构成等同——请律师判断", "数值不符",
                                     "具备（有证据表明不含该特征）", "与产品相矛盾",
                                     "功能性限定——须结合说明书解释",
                                     "未证明不含该特征——请律师判断"}, findings  # fmt: skip
    english = client.post("/claims/chart", data=form).text
    assert "<td>present</td>" in english or "<td>not found</td>" in english
    assert "· partly reads on the product</h3>" in english or "· reads on the product" in english


def _download(client: TestClient, csrf: str, fmt: str, confirm: str = "") -> Response:
    form = {"csrf_token": csrf, "patent": PATENT, "product": PRODUCT, "format": fmt}
    return client.post(
        "/claims/chart/download", data=form | ({"confirm": confirm} if confirm else {})
    )


def test_claim_chart_downloads_show_the_marking_and_are_recorded(
    login: Login, demo_url: str
) -> None:
    _mark(demo_url, PATENT, Confidentiality.CONFIDENTIAL)
    client, csrf = login("analyst")
    before = len(_exports(demo_url))
    got = _download(client, csrf, "csv")
    assert (
        got.status_code == 200
        and 'filename="claim-chart-US10357623.csv"' in got.headers["content-disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert rows and {r["marking"] for r in rows} == {"confidential"}
    pdf = _download(client, csrf, "pdf")
    assert pdf.content.startswith(b"%PDF")
    html = _download(client, csrf, "html")
    assert "CONFIDENTIAL" in html.text
    recorded = _exports(demo_url)[before:]
    assert [e["format"] for e in recorded] == ["csv", "pdf", "html"]
    assert {e["marking"] for e in recorded} == {"confidential"}
    viewer, viewer_csrf = login("viewer")
    assert _download(viewer, viewer_csrf, "csv").status_code == 403


def test_a_privileged_export_asks_first_and_records_the_confirmation(
    login: Login, demo_url: str
) -> None:
    _mark(demo_url, PATENT, Confidentiality.PRIVILEGED)
    try:
        client, csrf = login("counsel")
        before = len(_exports(demo_url))
        asked = _download(client, csrf, "csv")
        assert asked.status_code == 409
        assert "Confirm the export" in asked.text and 'value="yes"' in asked.text
        assert len(_exports(demo_url)) == before  # nothing left, nothing recorded
        done = _download(client, csrf, "csv", confirm="yes")
        assert done.status_code == 200 and "privileged" in done.text
        (entry,) = _exports(demo_url)[before:]
        assert entry["marking"] == "privileged" and entry["confirmed_privileged"] is True
        calendar = client.get("/deadlines.ics")
        assert calendar.status_code == 409 and "BEGIN:VCALENDAR" not in calendar.text
        confirmed = client.get("/deadlines.ics", params={"confirm": "yes"})
        assert confirmed.text.startswith("BEGIN:VCALENDAR")
        assert _exports(demo_url)[-1]["what"] == "the deadline calendar"
        analyst, analyst_csrf = login("analyst")  # not cleared: the patent is not there
        assert _download(analyst, analyst_csrf, "csv").status_code == 404
    finally:
        _mark(demo_url, PATENT, Confidentiality.CONFIDENTIAL)


def test_a_health_check_report_is_an_export_too(demo_url: str) -> None:
    client = client_for(demo_url)
    sign_in(client, "counsel@robotics-demo.example")  # the enterprise's own counsel
    before = len(_exports(demo_url))
    assert client.get("/health-checks/2/report.pdf").content.startswith(b"%PDF")
    (entry,) = _exports(demo_url)[before:]
    assert entry["what"] == "the report of health check 2" and entry["format"] == "pdf"
    with unit_of_work(demo_url) as uow:
        check = uow.health.assessment(2)
        assert check is not None
        check.confidentiality = Confidentiality.PRIVILEGED
        uow.commit()
    asked = client.get("/health-checks/2/report.pdf")
    assert asked.status_code == 409 and "/health-checks/2/report.pdf" in asked.text
    confirmed = client.get("/health-checks/2/report.pdf", params={"confirm": "yes"})
    assert confirmed.content.startswith(b"%PDF")
    assert _exports(demo_url)[-1]["confirmed_privileged"] is True
