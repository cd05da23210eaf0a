"""The search indexes page in the browser: an admin's refused file comes back named, the
register list rebuilds the index as a job watched to its end, the search reads it; the
page in Chinese; nobody else is offered the page; every page passes axe."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in
from tests.web.conftest import DEMO_USERS

pytestmark = pytest.mark.browser
# the register the test server's index was built from: rebuilt, the other tests' searches
# find what they found before
REGISTER = resources.files("ipsentry.data.demo").joinpath("register.txt").read_text("utf-8")


def test_an_admin_rebuilds_the_register_index_from_the_page(
    page: Page, server: str, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, server, DEMO_USERS["admin"])
    page.get_by_role("link", name="Search indexes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search indexes")
    check_accessible(page)
    shoot(page, screenshots, "indexes", "en")

    wrong = tmp_path / "names.csv"
    wrong.write_text("CCELL\n", "utf-8")
    page.get_by_label(re.compile("^Register list")).set_input_files(str(wrong))
    with page.expect_navigation():
        page.get_by_role("button", name="Rebuild the register index").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("names.csv: unknown format; use .txt")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search indexes")
    check_accessible(page)

    register = tmp_path / "register.txt"
    register.write_text(REGISTER, "utf-8")
    page.get_by_label(re.compile("^Register list")).set_input_files(str(register))
    page.get_by_role("button", name="Rebuild the register index").click()
    page.wait_for_url(re.compile(r"/jobs/\d+$"))
    job = page.url.rsplit("/", 1)[1]
    expect(page.locator("#job-status strong")).to_have_text("done", timeout=120_000)
    check_accessible(page)

    page.goto(f"{server}/indexes")
    expect(page.locator(f'a[href="/jobs/{job}"]')).to_contain_text("register.txt")
    page.goto(f"{server}/register/search?q=CCELL")
    expect(page.locator("tbody tr").first).to_contain_text(re.compile("C-?CELL", re.I))

    page.select_option("#locale", "zh_Hans")  # submits itself (app.js)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    try:
        page.goto(f"{server}/indexes")
        expect(page.get_by_role("heading", level=1)).to_have_text("检索索引")
        expect(page.get_by_role("button", name="重建注册簿索引")).to_be_visible()
        page.get_by_label(re.compile("^注册名称列表")).set_input_files(str(wrong))
        with page.expect_navigation():
            page.get_by_role("button", name="重建注册簿索引").click()
        expect(page.locator(".error-summary")).to_contain_text("names.csv: 未知格式；请使用 .txt")
        check_accessible(page)
        shoot(page, screenshots, "indexes-refused", "zh")
    finally:
        page.select_option("#locale", "en")
        expect(page.locator("html")).to_have_attribute("lang", "en")


def test_the_indexes_page_is_an_admins_only(page: Page, server: str) -> None:
    sign_in(page, server)  # counsel
    expect(page.get_by_role("link", name="Search indexes")).to_have_count(0)
    answer = page.goto(f"{server}/indexes")
    assert answer is not None and answer.status == 403
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Search indexes")
