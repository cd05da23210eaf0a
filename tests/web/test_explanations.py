"""The engines' explanations in the page's language: the register search's reasons and the
review queue's "why" in Chinese, the English pages and the API keeping the engine's words."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from ipsentry.services.jobs import ThreadRunner
from tests.web.conftest import DEMO_USERS, client_for, sign_in
from tests.web.indexes import build_indexes

ZH = {"Accept-Language": "zh-CN,zh;q=0.9"}
LISTINGS = "kind,text\nlisting,CCELL TH2 cartridge 1ml ceramic coil\nlisting,Ccell pod 0.5ml\n"
ENGLISH_VERDICTS = ("Likely to be confused", "Unlikely to be confused", "Counterfeit")


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_indexes(tmp_path_factory.mktemp("indexes"))[0]


def _cells(page: str) -> list[str]:
    rows = re.findall(r"<tr><td>.*?</tr>", page, re.S)
    return [html.unescape(re.findall(r"<td>(.*?)</td>", r, re.S)[-1]) for r in rows]


def test_register_reasons_in_chinese_and_the_engines_english(demo_url: str, register: Path) -> None:
    client = client_for(demo_url, register_index=register)
    sign_in(client, DEMO_USERS["analyst"])
    answer = client.get("/api/v1/register/search", params={"q": "CCELL"}).json()
    english = [h["explanation"] for h in answer["items"]]
    assert english and all(e.endswith(".") for e in english)
    assert _cells(client.get("/register/search", params={"q": "CCELL"}).text) == english
    chinese = _cells(client.get("/register/search", params={"q": "CCELL"}, headers=ZH).text)
    assert len(chinese) == len(english)
    assert all(c.endswith("。") and not c.startswith(ENGLISH_VERDICTS) for c in chinese)
    assert any("混淆" in c for c in chinese)


def test_the_review_why_in_chinese(demo_url: str) -> None:
    runner = ThreadRunner()
    client = client_for(demo_url, runner)
    csrf = sign_in(client, DEMO_USERS["analyst"])
    client.post(
        "/api/v1/observations/upload",
        files={"file": ("l.csv", LISTINGS.encode(), "text/csv")},
        headers={"X-CSRF-Token": csrf},
    )
    runner.wait()
    hits = client.get("/api/v1/hits", params={"limit": 200}).json()["items"]
    stored = {h["explanation"] for h in hits if h["kind"] == "mark"}
    assert stored
    why = re.compile(r'<p class="why"><strong>[^<]*</strong> (.*?)</p>', re.S)
    shown = {html.unescape(w) for w in why.findall(client.get("/review").text)}
    assert stored <= shown  # English: the engine's words, as stored
    chinese = [html.unescape(w) for w in why.findall(client.get("/review", headers=ZH).text)]
    marks = [w for w in chinese if w.endswith("。")]
    assert marks and not any(w.startswith(ENGLISH_VERDICTS) for w in marks)
