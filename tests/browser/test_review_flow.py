"""The whole review flow in the browser: upload, watch the job, decide by keyboard, see the
dashboard change; then the same pages in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in

pytestmark = pytest.mark.browser
ANALYST = "analyst@smoore-demo.example"
LISTINGS = (
    "kind,text,seller\n"
    "listing,CCELL TH2 replacement cartridge 1ml,Shop A\n"
    "listing,Genuine CCELL ceramic pod 2ml,Shop B\n"
)


def open_hits(page: Page, server: str) -> int:
    page.goto(f"{server}/")
    figure = page.locator("figure.chart").filter(
        has=page.locator("svg title", has_text=re.compile("Open hits|待处理命中"))
    )
    if not figure.count():
        return 0
    cells = figure.locator("table td").all_inner_texts()
    return sum(int(c.replace(",", "")) for c in cells)


def test_upload_screen_review_and_see_the_dashboard_change(
    page: Page, server: str, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, server, ANALYST)
    listings = tmp_path / "listings.csv"
    listings.write_text(LISTINGS, "utf-8")
    page.goto(f"{server}/upload")
    check_accessible(page)
    page.get_by_label(re.compile("^File$")).set_input_files(str(listings))
    page.get_by_role("button", name="Upload and screen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Screening job")
    expect(page.locator("#job-status strong")).to_have_text("done", timeout=60_000)  # htmx polls
    check_accessible(page)
    shoot(page, screenshots, "job", "en")
    before = open_hits(page, server)
    assert before >= 2

    page.goto(f"{server}/review")
    check_accessible(page)
    shoot(page, screenshots, "review", "en")
    page.keyboard.press("j")  # first hit
    first = page.locator("article.hit").first
    expect(first).to_be_focused()
    first_id = first.get_attribute("id")
    first.locator("input.reason").fill("same mark on the same goods")
    page.keyboard.press("Escape")
    page.keyboard.press("c")
    page.wait_for_url(re.compile(r"/review#after-"))
    expect(page.locator(f"#{first_id}")).to_have_count(0)  # decided: out of the open queue
    page.keyboard.press("j")
    second = page.locator("article.hit").first
    second_id = str(second.get_attribute("id")).removeprefix("hit-")
    second.locator("input.reason").fill("a reseller of genuine goods")
    page.keyboard.press("Escape")
    page.keyboard.press("d")
    page.wait_for_url(re.compile(rf"/review#after-{second_id}$"))
    page.keyboard.press("?")
    expect(page.locator("#keys-help")).to_be_visible()
    page.keyboard.press("Escape")
    confirmed = page.goto(f"{server}/review?status=confirmed")
    assert confirmed is not None and confirmed.ok
    decided = page.locator("article.hit", has_text="same mark on the same goods")
    expect(decided).to_have_count(1)
    assert open_hits(page, server) == before - 2
    page.goto(f"{server}/")  # today's screening appears in the activity chart
    expect(page.locator('svg[aria-labelledby="activity-chart-t"] rect.bar')).to_have_count(1)
    check_accessible(page)
    shoot(page, screenshots, "dashboard-after-screening", "en")

    page.select_option("#locale", "zh_Hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    for name, path, heading in (
        ("upload", "/upload", "上传观察记录"),
        ("review", "/review", "审核队列"),
    ):
        page.goto(f"{server}{path}")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_accessible(page)
        shoot(page, screenshots, name, "zh")
    page.goto(f"{server}/upload")
    page.get_by_role("link", name=re.compile("listings.csv")).first.click()
    expect(page.locator("#job-status strong")).to_have_text("已完成")
    shoot(page, screenshots, "job", "zh")
