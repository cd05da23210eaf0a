"""From a hit to a removed listing in the browser: confirm the hit, capture it as evidence
filed under the marketplace suit, draft its takedown notice, mark it sent and removed;
every page passes axe; the case, network and takedown pages in English and Chinese (the
notice's state, steps, evidence and reasons in Chinese words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in

pytestmark = pytest.mark.browser
SUIT = "1:20-cv-00001"
LISTING = "kind,text,seller,source\nlisting,CCELL TH2 cartridge 1ml bulk,Knockoff Corner,shop Z\n"


def test_confirm_capture_file_take_down_and_remove(
    page: Page, server: str, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, server)  # counsel
    upload = tmp_path / "listing.csv"
    upload.write_text(LISTING, "utf-8")
    page.goto(f"{server}/upload")
    page.get_by_label(re.compile("^File$")).set_input_files(str(upload))
    page.get_by_role("button", name="Upload and screen").click()
    expect(page.locator("#job-status strong")).to_have_text(
        "done", timeout=300_000
    )  # a loaded machine is slow

    page.goto(f"{server}/review")
    hit = page.locator("article.hit", has_text="cartridge 1ml bulk").first
    hit_id = str(hit.get_attribute("id")).removeprefix("hit-")
    hit.locator("input.reason").fill("the mark on cartridges: counterfeit")
    hit.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/review#after-"))

    page.goto(f"{server}/review?status=confirmed")
    confirmed = page.locator(f"#hit-{hit_id}")
    check_accessible(page)
    confirmed.get_by_label("Case number (optional)").fill(SUIT)
    confirmed.get_by_role("button", name="Capture as evidence").click()
    page.wait_for_url(re.compile(r"/cases/\d+#evidence-\d+"))
    expect(page.locator("table").filter(has_text=f"screening hit {hit_id}")).to_have_count(1)
    expect(page.get_by_role("link", name="Download the exhibit binder (PDF)")).to_be_visible()
    check_accessible(page)
    shoot(page, screenshots, "case", "en")

    page.goto(f"{server}/review?status=confirmed")
    page.locator(f"#hit-{hit_id}").get_by_role("button", name="Draft a takedown notice").click()
    page.wait_for_url(re.compile(r"/takedowns/\d+$"))
    notice = page.url
    expect(page.locator("#takedown-status")).to_have_text("draft")
    expect(page.locator("table")).to_contain_text("CCELL")
    check_accessible(page)
    page.get_by_role("button", name="Mark sent").click()
    expect(page.locator("#takedown-status")).to_have_text("sent")
    page.get_by_label("Note").fill("platform confirmed removal")
    page.get_by_role("button", name="Mark removed").click()
    expect(page.locator("#takedown-status")).to_have_text("removed")
    expect(page.get_by_text("platform confirmed removal")).to_be_visible()
    check_accessible(page)
    shoot(page, screenshots, "takedown", "en")

    for path, name in (("/cases", "cases"), ("/evidence", "evidence"), ("/takedowns", "takedowns"),
                       ("/network", "network")):  # fmt: skip
        page.goto(f"{server}{path}")
        check_accessible(page)
        shoot(page, screenshots, name, "en")
    page.select_option("#locale", "zh_Hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    for path, name in (("/cases", "cases"), ("/network", "network")):
        page.goto(f"{server}{path}")
        check_accessible(page)
        shoot(page, screenshots, name, "zh")
    # the notice in Chinese: its state, steps, evidence and reasons, none left in English
    page.goto(notice)
    expect(page.locator("#takedown-status")).to_have_text("已下架")
    expect(page.locator("p", has=page.locator("#takedown-status"))).to_contain_text("状态: ")
    expect(page.locator("main")).not_to_contain_text("法律状态")
    expect(page.locator("ol")).to_contain_text("· 已发送")
    listing = page.locator("tbody tr").first
    expect(listing).to_contain_text("证据库第")
    expect(listing).to_contain_text("可能造成混淆")
    expect(listing).not_to_contain_text(re.compile("locker item|captured|Likely to be confused"))
    check_accessible(page)
    shoot(page, screenshots, "takedown", "zh")
    page.goto(f"{server}/takedowns")
    expect(page.locator("tbody")).to_contain_text("已下架")
    page.select_option("#locale", "en")
