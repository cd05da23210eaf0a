"""Office closing days: kept as data with a source for every year, and used safely where a
year's list is incomplete (a date is never moved later on a day nobody checked)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from importlib import resources

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipsentry.domain.deadlines.calendars import calendar_data, office_calendar, offices_with_data
from ipsentry.domain.deadlines.model import RULESET_VERSION

D = date.fromisoformat


def test_every_office_has_its_data_file() -> None:
    assert offices_with_data() == ["CN", "EM", "EP", "US", "WO"]


@pytest.mark.parametrize("code", ["CN", "EM", "EP", "US", "WO"])
def test_every_year_held_names_its_source_and_lists_dates_in_that_year(code: str) -> None:
    data = calendar_data(code)
    assert data is not None and data["law"] and data["note"]
    for year, entry in data["years"].items():
        assert entry["source"].strip(), f"{code} {year}: no source"
        for day in [*entry.get("closed", {}), *entry.get("working", [])]:
            assert D(day).year == int(year), f"{code} {year}: {day} is in another year"
        for day in entry.get("working", []):
            assert D(day).weekday() >= 5, f"{code} {year}: make-up day {day} is not a weekend"


@pytest.mark.parametrize("code", ["CN", "EM", "EP", "US", "WO"])
def test_the_year_the_ruleset_was_written_for_has_a_source(code: str) -> None:
    """The ruleset's version names the year it was checked for; releasing a ruleset for a
    new year means transcribing that year's published lists first. (Tied to the version,
    not to today's date, so the suite does not turn red on 1 January for everyone: a
    missing year still shows in every derivation that falls in it.)"""
    year = int(RULESET_VERSION.split(".")[0])
    assert office_calendar(code).source(year), (
        f"{code}: no closing days with a source for {year}; transcribe the office's list"
    )


def test_cn_data_agrees_with_the_state_council_notices_as_the_holidays_package_has_them() -> None:
    """Both transcribe the same notices; a typo in either shows up here."""
    data = calendar_data("CN")
    assert data is not None
    for year, entry in data["years"].items():
        package = holidays.country_holidays("CN", years=int(year))
        days = [date(int(year), 1, 1) + timedelta(n) for n in range(366)]
        days = [d for d in days if d.year == int(year)]
        closed = {d.isoformat() for d in days if d.weekday() < 5 and d in package}
        working = [d.isoformat() for d in days if d.weekday() >= 5 and package.is_working_day(d)]
        assert set(entry["closed"]) == closed, year
        assert entry["working"] == working, year


@pytest.mark.parametrize(
    ("code", "day", "moved"),
    [
        # 5 USC 6103(c): Inauguration Day, Friday 2017-01-20, is a holiday in Washington, DC
        # -> Monday 2017-01-23.
        ("US", "2017-01-20", "2017-01-23"),
        # DC Emancipation Day (16 April) is a District holiday, not a federal one: the USPTO
        # is open on Monday 2029-04-16.
        ("US", "2029-04-16", "2029-04-16"),
        # An executive-order closure kept as data: Thursday 2025-01-09, national day of
        # mourning -> Friday 2025-01-10.
        ("US", "2025-01-09", "2025-01-10"),
        # 2025-12-24 (EO 14371), 25th Christmas, 26th EO 14371, then the weekend -> Monday 29th.
        ("US", "2025-12-24", "2025-12-29"),
        # EPO 2023: Day of German Unity closes Munich and Berlin -> Wednesday 2023-10-04.
        ("EP", "2023-10-03", "2023-10-04"),
        # EPO 2023: King's Day closes The Hague only, which is enough (Rule 134(1)).
        ("EP", "2023-04-27", "2023-04-28"),
        # 2026 is held only in part: Epiphany is not moved on a guess, though Munich may close.
        ("EP", "2026-01-06", "2026-01-06"),
        # CN 2026: National Day holiday 1-7 October, 10 October (Saturday) a make-up day.
        ("CN", "2026-10-01", "2026-10-08"),
        # CN 2027 not held: the statutory National Day (1-3 October) counts, not a guess at the
        # bridging days -> Monday 2027-10-04.
        ("CN", "2027-10-01", "2027-10-04"),
    ],
)
def test_next_working_day(code: str, day: str, moved: str) -> None:
    assert office_calendar(code).on_or_after(D(day))[0] == D(moved)


def test_a_gap_in_the_data_is_said_not_filled() -> None:
    _, note = office_calendar("EP").on_or_after(D("2026-01-06"))
    assert note == "EP closing days 2026 held in part"
    _, note = office_calendar("EM").on_or_after(D("2031-03-03"))
    assert note == "EM closing days 2031 not held: weekends only"
    _, note = office_calendar("CN").on_or_after(D("2027-03-01"))
    assert "CN holiday schedule for 2027 not held" in note
    assert office_calendar("CN").source(2027) is None


def test_moving_earlier_treats_a_possibly_closed_day_as_closed() -> None:
    cn = office_calendar("CN")
    # 2026-02-14 is a make-up working Saturday: open both ways.
    assert cn.on_or_before(D("2026-02-14"))[0] == D("2026-02-14")
    # 2026-02-15..23 Spring Festival: back to Saturday 2026-02-14.
    assert cn.on_or_before(D("2026-02-22"))[0] == D("2026-02-14")
    # 2027 not held: a Sunday may be closed (earlier), but is not moved forward over.
    assert cn.on_or_before(D("2027-03-07"))[0] == D("2027-03-05")
    assert cn.on_or_after(D("2027-03-07"))[0] == D("2027-03-07")


def test_package_data_is_installed_with_the_code() -> None:
    folder = resources.files("ipsentry.data").joinpath("office_calendars")
    files = {p.name for p in folder.iterdir()}
    assert {"CN.json", "EM.json", "EP.json", "US.json", "WO.json"} <= files
    for name in files:
        json.loads(folder.joinpath(name).read_text("utf-8"))


@settings(max_examples=300, deadline=None)
@given(
    code=st.sampled_from(["CN", "EM", "EP", "US", "WO", "EU-DE"]),
    day=st.dates(min_value=date(2014, 1, 1), max_value=date(2035, 12, 31)),
)
def test_moving_never_crosses_the_day_the_wrong_way(code: str, day: date) -> None:
    """Forward lands on a working day on or after the day, backward on a day that is surely
    open on or before it, and a day surely open moves neither way."""
    calendar = office_calendar(code)
    later, _ = calendar.on_or_after(day)
    earlier, _ = calendar.on_or_before(day)
    assert later >= day and calendar.closed(later) is None
    assert earlier <= day and calendar.possibly_closed(earlier) is None
    if calendar.possibly_closed(day) is None:
        assert later == earlier == day
