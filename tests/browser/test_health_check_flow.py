"""A health check in the browser: the enterprise's counsel answers the demo self-check, the
follow-up appears, the answers stay after a reload, the check is diagnosed and its report
downloads as a PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in

pytestmark = pytest.mark.browser
COUNSEL = "counsel@smoore-demo.example"  # the demo company's unfinished self-check is id 3


def test_answer_the_questionnaire_and_download_the_report(
    page: Page, server: str, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, server, COUNSEL)
    page.goto(f"{server}/health-checks")
    check_accessible(page)
    page.get_by_role("link", name=re.compile("Shenzhen Smoore")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Health check 3")
    page.get_by_role("link", name="Questionnaire").click()
    check_accessible(page)
    co_development = page.locator(
        "fieldset", has=page.locator("legend", has_text="develop products jointly")
    )
    expect(page.locator("legend", has_text="ownership of jointly developed")).to_have_count(0)
    co_development.get_by_label("yes").check()
    page.get_by_role("button", name="Save").click()
    follow_up = page.locator(
        "fieldset", has=page.locator("legend", has_text="ownership of jointly developed")
    )
    expect(follow_up).to_have_count(1)  # the follow-up appears once its trigger is answered
    follow_up.get_by_label("Agreed in writing").check()
    with page.expect_navigation():  # the save posts and redirects; reload only once it has
        page.get_by_role("button", name="Save").click()
    page.reload()
    expect(follow_up.get_by_label("Agreed in writing")).to_be_checked()  # saved, resumable
    shoot(page, screenshots, "health-questionnaire", "en")
    page.goto(f"{server}/health-checks/3")
    expect(page.get_by_role("link", name="Download the report (PDF)")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Diagnose now").click()
    expect(page.locator(".overall")).to_contain_text("/ 100")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the report (PDF)").click()
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
