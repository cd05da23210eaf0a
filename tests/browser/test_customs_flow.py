"""Customs in the browser: the officer scores a declarations file and detains the riskiest
consignment, notifies the rights holder, whose counsel confirms and posts security within
the 3 working days, the officer records the seizure and the seizure charts change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_pages import check_accessible, shoot, sign_in

pytestmark = pytest.mark.browser
OFFICER = "officer@customs-demo.example"
COUNSEL = "counsel@smoore-demo.example"
DECLARATIONS = (
    "direction,declarant,consignor,consignee,origin,destination,port,hs_code,hs_edition,"
    "brand,description,quantity,unit_value,currency\n"
    "export,Broker,Shenzhen Harbour Trading Co.,Lagos Buyer,CN,NG,Shekou,8543.40,2022,"
    "CCELL,vaporizer cartridges lot BT-7,70000,0.30,USD\n"
    "export,Broker,Toy Factory,Toy Shop,CN,DE,Yantian,9503.00,2022,HAPPY,plastic toys,500,3,USD\n"
)


def _step(page: Page, to: str, day: str, security: str = "") -> None:
    page.get_by_label("Step", exact=True).select_option(to)
    page.get_by_label("Day").fill(day)
    if security:
        page.get_by_label("Security posted (CNY)").fill(security)
    page.get_by_role("button", name="Record the step").click()
    expect(page.locator("#detention-status")).to_have_text(to)


def test_score_detain_confirm_seize(
    page: Page, browser: Browser, server: str, screenshots: Path, tmp_path: Path
) -> None:
    declarations = tmp_path / "week-49.csv"
    declarations.write_text(DECLARATIONS, encoding="utf-8")
    sign_in(page, server, OFFICER)
    page.goto(f"{server}/customs")
    check_accessible(page)
    seized_before = page.locator("#seized-total").inner_text()
    page.get_by_label("Declarations file (CSV, XLSX, JSON Lines)").set_input_files(declarations)
    page.get_by_role("button", name="Score", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("2 declarations scored: 1 high")
    row = page.locator("tr", has_text="lot BT-7")
    expect(row).to_contain_text("high")
    expect(row).to_contain_text("low price")
    row.get_by_label("Day").fill("2026-12-03")
    row.get_by_label("Value of the goods (CNY)").fill("150000")
    row.get_by_role("button", name="Detain").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Detention")
    detention_url = page.url
    _step(page, "notified", "2026-12-03")
    expect(page.locator("table")).to_contain_text("2026-12-08")  # Fri 4, Mon 7, Tue 8
    check_accessible(page)
    shoot(page, screenshots, "customs-detention", "en")

    holder = browser.new_context().new_page()
    sign_in(holder, server, COUNSEL)
    holder.goto(detention_url)
    check_accessible(holder)
    _step(holder, "confirmed", "2026-12-07", security="75000")  # half of CNY 150,000
    holder.context.close()

    page.reload()
    _step(page, "seized", "2026-12-09")
    page.goto(f"{server}/customs")
    seized_after = page.locator("#seized-total").inner_text()
    assert seized_after != seized_before

    def items(text: str) -> int:
        return int(re.sub(r"\D", "", text))

    assert items(seized_after) == items(seized_before) + 70_000
    expect(page.locator("figure", has_text="Items seized by month")).to_contain_text("2026-12")
    shoot(page, screenshots, "customs", "en")
