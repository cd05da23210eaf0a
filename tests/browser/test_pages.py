"""The pages in a real browser, in English and Chinese: keyboard-usable, accessible, shot.

Each main page is visited in both languages; axe-core (from the axe-playwright-python
package) must find no violation, and a full-page screenshot is saved per page and language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ipsentry.domain.common import Confidentiality
from ipsentry.services.database import unit_of_work
from ipsentry.services.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser
COUNSEL = "counsel@smoore-demo.example"
# page name -> (path, heading in English, heading in Chinese)
PAGES = {
    "dashboard": ("/", "Dashboard", "仪表板"),
    "portfolio": ("/portfolio", "Portfolio", "权利组合"),
    "deadlines": ("/deadlines", "Deadlines", "期限"),
    "tokens": ("/tokens", "API tokens", "API 令牌"),
    "claim-chart": ("/claims/chart", "Claim chart", "权利要求对照表"),
    "register-search": ("/register/search?q=CCELL", "Register search", "商标注册检索"),
    "patent-search": ("/patents/search?q=porous+ceramic+heating", "Patent search", "专利检索"),
}


def check_accessible(page: Page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def sign_in(page: Page, server: str, email: str = COUNSEL) -> None:
    page.goto(f"{server}/sign-in")
    page.get_by_label(re.compile("Email|电子邮箱")).fill(email)
    page.get_by_label(re.compile("Password|密码")).fill(DEMO_PASSWORD)
    page.keyboard.press("Enter")  # the keyboard alone signs in
    page.wait_for_url(f"{server}/")


def shoot(page: Page, screenshots: Path, name: str, locale: str) -> None:
    page.screenshot(path=str(screenshots / f"{name}-{locale}.png"), full_page=True)


def test_sign_in_page_follows_the_browser_language(
    browser,
    server: str,
    screenshots: Path,  # type: ignore[no-untyped-def]
) -> None:
    for locale, heading in (("en-US", "Sign in"), ("zh-CN", "登录")):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto(f"{server}/sign-in")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        check_accessible(page)
        shoot(page, screenshots, "sign-in", locale[:2])
        context.close()


def test_main_pages_in_both_languages(page: Page, server: str, screenshots: Path) -> None:
    sign_in(page, server)
    for locale, index in (("en", 1), ("zh", 2)):
        if locale == "zh":
            page.goto(f"{server}/")
            page.select_option("#locale", "zh_Hans")  # submits itself (app.js)
            page.wait_for_load_state()
            expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
        for name, entry in PAGES.items():
            path, heading = entry[0], entry[index]
            page.goto(f"{server}{path}")
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            check_accessible(page)
            shoot(page, screenshots, name, locale)
        page.goto(f"{server}/portfolio")
        page.get_by_role("link", name=re.compile(r"US 10,?357,?623")).click()
        expect(page.get_by_role("heading", level=2).first).to_be_visible()
        check_accessible(page)
        shoot(page, screenshots, "patent", locale)
        page.goto(f"{server}/portfolio?kind=trademark")
        page.get_by_role("link", name=re.compile(r"US 5,?633,?060")).click()
        check_accessible(page)
        shoot(page, screenshots, "trademark", locale)


def test_deadlines_download_as_icalendar(page: Page, server: str, tmp_path: Path) -> None:
    sign_in(page, server)
    page.goto(f"{server}/deadlines")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("iCalendar")).click()
    saved = tmp_path / "deadlines.ics"
    download.value.save_as(saved)
    text = saved.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text


def test_the_portfolio_filters_by_keyboard(page: Page, server: str) -> None:
    sign_in(page, server)
    page.goto(f"{server}/portfolio")
    search = page.get_by_role("searchbox")
    search.fill("ccell")
    search.press("Enter")
    rows = page.locator("tbody tr")
    expect(rows.first).to_be_visible()
    assert all("CCELL" in t.upper() for t in rows.all_inner_texts())


def test_a_claim_chart_from_the_page(
    page: Page, server: str, screenshots: Path, tmp_path: Path
) -> None:
    sign_in(page, server)
    page.goto(f"{server}/claims/chart")
    page.select_option("#patent", "US 10357623")
    page.get_by_label("Product text").fill(
        "A vaporizer cartridge: the housing has a mouthpiece end; a liquid storage cavity in "
        "the housing holds the e-liquid; a porous ceramic body with a printed heating film."
    )
    page.get_by_role("button", name="Chart").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("US10357623")
    expect(page.locator("table").first).to_contain_text("porous ceramic")
    check_accessible(page)
    shoot(page, screenshots, "claim-chart-result", "en")
    page.select_option("#format", "csv")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename == "claim-chart-US10357623.csv"
    saved = tmp_path / "chart.csv"
    download.value.save_as(saved)
    header, first = saved.read_text("utf-8").splitlines()[:2]
    assert header.endswith(",marking") and first.endswith(",public")


def test_a_privileged_export_asks_first_in_both_languages(
    page: Page, server: str, served_database: str, screenshots: Path, tmp_path: Path
) -> None:
    number = "US 10791763"
    _mark(served_database, number, Confidentiality.PRIVILEGED)
    try:
        sign_in(page, server)
        for locale in ("en", "zh"):
            if locale == "zh":
                page.select_option("#locale", "zh_Hans")  # submits itself (app.js)
                expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
            page.goto(f"{server}/claims/chart")
            page.select_option("#patent", number)
            page.locator("#product").fill("A cartridge with a porous ceramic heating body.")
            page.locator("form.stacked button[type=submit]").click()
            page.select_option("#format", "csv")
            page.locator("#format ~ button").click()
            heading = {"en": "Confirm the export", "zh": "确认导出"}[locale]
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            check_accessible(page)
            shoot(page, screenshots, "confirm-export", locale)
        with page.expect_download() as download:
            page.get_by_role("button", name="仍然导出").click()
        saved = tmp_path / "chart.csv"
        download.value.save_as(saved)
        assert saved.read_text("utf-8").splitlines()[1].endswith(",privileged")
    finally:
        _mark(served_database, number, Confidentiality.PUBLIC)
        page.goto(f"{server}/")
        page.select_option("#locale", "en")
        expect(page.locator("html")).to_have_attribute("lang", "en")


def _mark(url: str, number: str, marking: Confidentiality) -> None:
    with unit_of_work(url) as uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        right = next(r for r in uow.rights.list(org.id) if r.display_number == number)
        right.confidentiality = marking
        uow.commit()


def test_a_refused_form_keeps_what_was_typed_in_both_languages(
    page: Page, server: str, screenshots: Path
) -> None:
    """A product text of spaces passes the browser's own check but not the service's: the
    page comes back with the chosen patent, the message by the field and a list at the top
    that has the focus; the corrected form then goes through (its CSRF token still works)."""
    sign_in(page, server)
    number = "US 10791763"
    try:
        for locale in ("en", "zh"):
            if locale == "zh":
                page.select_option("#locale", "zh_Hans")  # submits itself (app.js)
                expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
            page.goto(f"{server}/claims/chart")
            page.select_option("#patent", number)
            page.locator("#product").fill("   ")
            with page.expect_navigation():
                page.locator("form.stacked button[type=submit]").click()
            summary = page.locator(".error-summary")
            expect(summary).to_be_focused()
            title = {"en": "Not saved", "zh": "未保存"}[locale]
            expect(summary.get_by_role("heading")).to_contain_text(title)
            expect(page.locator("#patent")).to_have_value(number)
            expect(page.locator("#product")).to_have_attribute("aria-invalid", "true")
            expect(page.locator("#product-error")).to_have_text(
                {"en": "is empty", "zh": "为空"}[locale]
            )
            check_accessible(page)
            shoot(page, screenshots, "refused-form", locale)
            page.keyboard.press("Tab")  # to the summary's link, which leads to the field
            page.keyboard.press("Enter")
            expect(page).to_have_url(re.compile("#product$"))
            page.locator("#product").fill("A cartridge with a porous ceramic heating body.")
            with page.expect_navigation():
                page.locator("form.stacked button[type=submit]").click()
            expect(page.get_by_role("heading", level=2).first).to_contain_text("US10791763")
            expect(page.locator(".error-summary")).to_have_count(0)
            if locale == "zh":  # the findings and verdicts in Chinese words, not codes
                chart = page.locator("section").first
                expect(chart.get_by_role("heading", level=3)).to_contain_text("覆盖该产品")
                expect(chart.locator("tbody")).not_to_contain_text(
                    re.compile(r"\b(present|not found|partial|reads_on)\b")
                )
    finally:
        page.goto(f"{server}/")
        page.select_option("#locale", "en")
        expect(page.locator("html")).to_have_attribute("lang", "en")
