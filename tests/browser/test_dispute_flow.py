"""A dispute in the browser: the advisor takes one in by the form for the mediator, who
assesses it, mediates, records a session and the cooperation agreement; the advisor's programme page in both
languages. Every page is checked by axe and shot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in

pytestmark = pytest.mark.browser


def test_take_in_mediate_and_resolve_a_dispute(page: Page, server: str, screenshots: Path) -> None:
    sign_in(page, server, "advisor@ipservice-demo.example")
    page.goto(f"{server}/disputes")
    check_accessible(page)
    page.get_by_role("link", name="Take in a dispute").click()
    check_accessible(page)
    page.get_by_label("Title").fill("Deep links copied a video platform's mark (browser)")
    page.get_by_label("Claimant").fill("Example Video Platform Ltd.")
    page.get_by_label("Respondent").fill("Example Short Video App Co., Ltd.")
    page.get_by_label("Received on").fill("2026-09-01")
    page.get_by_label("Assign to (e-mail)").fill("mediator@ipservice-demo.example")
    page.get_by_role("button", name="Take in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("(browser)")
    taken = page.url
    page.context.clear_cookies()  # the mediator signs in on the same browser
    sign_in(page, server, "mediator@ipservice-demo.example")
    page.goto(taken)

    stopped = page.locator("fieldset", has=page.locator("legend", has_text="stopped after notice"))
    stopped.get_by_label("yes").check()
    page.get_by_role("button", name="Assess").click()
    expect(
        page.get_by_role("heading", name=re.compile("Suitability for mediation"))
    ).to_contain_text("suitable")
    page.get_by_role("button", name="Start mediation").click()
    page.get_by_label("Held on").fill("2026-09-10")
    page.get_by_label("Record", exact=True).fill("The app stopped and proposes joint content.")
    page.get_by_role("button", name="Record the session").click()
    expect(page.get_by_text("The app stopped and proposes joint content.")).to_be_visible()
    check_accessible(page)
    shoot(page, screenshots, "dispute-in-mediation", "en")
    page.get_by_label("Outcome").select_option("cooperation_agreement")
    page.get_by_label("On", exact=True).fill("2026-09-30")
    page.get_by_role("button", name="Record the outcome").click()
    expect(page.get_by_text(re.compile("Outcome: cooperation agreement"))).to_be_visible()


def test_the_programme_page_in_both_languages(page: Page, server: str, screenshots: Path) -> None:
    sign_in(page, server, "advisor@ipservice-demo.example")
    for locale, heading in (("en", "Programme"), ("zh", "服务项目")):
        if locale == "zh":
            page.select_option("#locale", "zh_Hans")  # submits itself (app.js)
            expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
        page.goto(f"{server}/programme")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_accessible(page)
        shoot(page, screenshots, "programme", locale)
