"""Working days of each office, from the office's own published closing days kept as data.

One file per office in ``ipsentry/data/office_calendars/``: each year's closed days (and,
for China, make-up working days) with the source they come from. The law moves a deadline
on a closed day to the next working day; a day the data cannot vouch for never moves a
date later, so a gap in the data can only make a date earlier than the law allows, never
later. Where a year is held in part or not at all, the derivation says so.

Two kinds of closure are told apart: *certainly closed* (the data, a statute, or a weekend
where the office is always shut on weekends) and *possibly closed* (a weekend in a Chinese
year whose schedule is not held, which may be a make-up working day; a public holiday of a
member state whose customs department's own list is not held). Moving a date later uses
certain closures only; moving it earlier, or counting working days back, uses both.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import holidays

_DATA = "office_calendars"
# Codes of the EU member states, whose customs departments decide applications for action.
_EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
EU_MEMBER_STATES = frozenset(_EU.split())


@dataclass(frozen=True)
class ClosingYear:
    """One year's closing days as published, with where they were published."""

    year: int
    source: str
    complete: bool
    closed: Mapping[date, str]
    working: frozenset[date]  # weekend days that are working days (China's 调休上班日)


Holidays = Callable[[int], Mapping[date, str]]


@cache
def us_federal_holidays(year: int) -> Mapping[date, str]:
    """5 USC 6103(a)-(b) legal public holidays as observed, and 6103(c) Inauguration Day."""
    found = {d: str(n) for d, n in holidays.country_holidays("US", years=year).items()}
    if year >= 1965 and (year - 1965) % 4 == 0:
        inauguration = date(year, 1, 20)
        if inauguration.weekday() == 6:
            inauguration = date(year, 1, 21)
        found[inauguration] = "Inauguration Day (5 USC 6103(c))"
    return found


@cache
def cn_statutory_holidays(year: int) -> Mapping[date, str]:
    """The holidays the National Holidays Regulation itself fixes (全国年节及纪念日放假办法),
    without the bridging days and make-up working days each year's schedule adds."""
    found = holidays.country_holidays("CN", years=year, observed=False)
    return {d: str(n) for d, n in found.items()}


@cache
def public_holidays_everywhere(country: str, year: int) -> Mapping[date, str]:
    """A country's national public holidays and those of every one of its regions."""
    found = {d: str(n) for d, n in holidays.country_holidays(country, years=year).items()}
    for subdivision in holidays.list_supported_countries().get(country, []):
        regional = holidays.country_holidays(country, subdiv=subdivision, years=year)
        for day, name in regional.items():
            found.setdefault(day, f"{name} ({country}-{subdivision})")
    return found


def _weekday_name(day: date) -> str:
    return day.strftime("%A")


@dataclass(frozen=True)
class OfficeCalendar:
    code: str
    office: str
    law: str
    years: Mapping[int, ClosingYear]
    # Weekends are always closed, except at offices with make-up working days (China),
    # where a weekend of a year whose schedule is not held is only possibly closed.
    weekends_always_closed: bool = True
    statutory: Holidays | None = None  # closures fixed by law for any year
    statutory_source: str = ""
    possible: Holidays | None = None  # days that may be closed where no list is held
    possible_source: str = ""

    # --- what a day is -----------------------------------------------------------------
    def closed(self, day: date) -> str | None:
        """Why the office is certainly closed on ``day``, or None if it is (or may be) open."""
        entry = self.years.get(day.year)
        if entry is not None:
            if day in entry.working:
                return None
            if day in entry.closed:
                return entry.closed[day]
        if self.statutory is not None and day in self.statutory(day.year):
            return self.statutory(day.year)[day]
        if day.weekday() >= 5 and (self.weekends_always_closed or entry is not None):
            return _weekday_name(day)
        return None

    def possibly_closed(self, day: date) -> str | None:
        """Why the office is or may be closed on ``day``; None if it is certainly open."""
        certain = self.closed(day)
        if certain is not None:
            return certain
        entry = self.years.get(day.year)
        if entry is not None and day in entry.working:
            return None
        if day.weekday() >= 5:
            return f"{_weekday_name(day)}, unless a make-up working day"
        if self.possible is not None and day in self.possible(day.year):
            return f"{self.possible(day.year)[day]}, possibly closed"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.closed(day) is None

    # --- where the closing days come from ----------------------------------------------
    def source(self, year: int) -> str | None:
        """The published source of ``year``'s closing days, or None when none is held."""
        entry = self.years.get(year)
        parts = [self.statutory_source] if self.statutory_source else []
        if entry is not None:
            parts.append(entry.source)
        elif self.possible_source:
            parts.append(self.possible_source)
        return "; ".join(parts) or None

    def gap(self, year: int) -> str:
        """What a derivation must admit about ``year``'s closing days; empty when nothing."""
        entry = self.years.get(year)
        if entry is not None:
            return "" if entry.complete else f"{self.code} closing days {year} held in part"
        if self.statutory_source:
            return ""
        if self.possible_source:
            return f"{self.code}: {self.possible_source}"
        if not self.weekends_always_closed:
            return (
                f"{self.code} holiday schedule for {year} not held: only its statutory"
                " holidays count and a weekend may be a make-up working day"
            )
        return f"{self.code} closing days {year} not held: weekends only"

    def _gaps(self, *days: date) -> list[str]:
        return [g for g in dict.fromkeys(self.gap(d.year) for d in days) if g]

    # --- moving dates ------------------------------------------------------------------
    def on_or_after(self, day: date) -> tuple[date, str]:
        """The day itself if the office is open, else the next working day, with why."""
        moved, reasons = day, []
        while (reason := self.closed(moved)) is not None:
            reasons.append(f"{moved.isoformat()} closed ({reason})")
            moved += timedelta(days=1)
        notes = self._gaps(day, moved)
        if reasons:
            notes.insert(0, "; ".join(reasons) + f" -> next {self.code} working day")
        return moved, "; ".join(notes)

    def on_or_before(self, day: date) -> tuple[date, str]:
        """The day itself if the office is surely open, else the last working day before."""
        moved, reasons = day, []
        while (reason := self.possibly_closed(moved)) is not None:
            reasons.append(f"{moved.isoformat()} not surely open ({reason})")
            moved -= timedelta(days=1)
        notes = self._gaps(moved, day)
        if reasons:
            notes.insert(0, "; ".join(reasons) + f" -> last {self.code} working day before")
        return moved, "; ".join(notes)

    def working_days_after(self, day: date, count: int) -> tuple[date, str]:
        """The ``count``-th working day after ``day`` (a period "within N working days of"
        an event), skipping certain closures only, so that the result is never later than
        the true count would give: a deadline read from it is never missed. The one guess:
        a weekend of a Chinese year whose schedule is not held counts as closed (the gap
        note says so)."""
        moved, left, skipped, worked, unsure = day, count, [], [], []
        while left:
            moved += timedelta(days=1)
            reason = self.closed(moved)
            if reason is None and moved.weekday() >= 5 and moved.year not in self.years:
                # a weekend of a year whose schedule is not held: taken as closed, since
                # make-up working days are few and offset by the bridging days not held
                reason = "weekend of a year not held"
            if reason is None:
                left -= 1
                if moved.weekday() >= 5:
                    worked.append(moved.isoformat())
                elif (maybe := self.possibly_closed(moved)) is not None:
                    unsure.append(f"{moved.isoformat()} ({maybe})")
            elif moved.weekday() < 5:
                skipped.append(f"{moved.isoformat()} ({reason})")
        notes = self._gaps(day, moved)
        if unsure:
            notes.insert(0, "counted as working though possibly closed: " + ", ".join(unsure))
        if worked:
            notes.insert(0, f"make-up working days counted: {', '.join(worked)}")
        if skipped:
            notes.insert(0, f"{self.code} closed weekdays skipped: " + ", ".join(skipped))
        return moved, "; ".join(notes)

    def working_days_before(self, day: date, count: int) -> tuple[date, str]:
        """``count`` working days before ``day``, skipping every possibly closed day, so that
        the result is never later than the true count would give."""
        moved, left = day, count
        while left:
            moved -= timedelta(days=1)
            if self.possibly_closed(moved) is None:
                left -= 1
        return moved, "; ".join(self._gaps(moved, day))


def _entry(year: str, raw: dict[str, Any]) -> ClosingYear:
    return ClosingYear(
        year=int(year),
        source=raw["source"],
        complete=bool(raw.get("complete", True)),
        closed={date.fromisoformat(d): name for d, name in raw.get("closed", {}).items()},
        working=frozenset(date.fromisoformat(d) for d in raw.get("working", [])),
    )


def offices_with_data() -> list[str]:
    folder = resources.files("ipsentry.data").joinpath(_DATA)
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


@cache
def calendar_data(code: str) -> dict[str, Any] | None:
    path = resources.files("ipsentry.data").joinpath(_DATA, f"{code}.json")
    if not path.is_file():
        return None
    loaded: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return loaded


# Closures fixed by law for years the data does not list.
_STATUTORY: dict[str, Holidays] = {
    "us_federal_holidays": us_federal_holidays,
    "cn_national_holidays": cn_statutory_holidays,
}


@cache
def office_calendar(code: str) -> OfficeCalendar:
    """The calendar of an office code (US, CN, EP, EM, WO), or of an EU member state's
    customs ('EU-BE'; 'EU' when the member state is not known)."""
    data = calendar_data(code)
    if data is not None:
        mode = data["unlisted_years"]
        return OfficeCalendar(
            code=code,
            office=data["office"],
            law=data["law"],
            years={int(y): _entry(y, raw) for y, raw in data["years"].items()},
            weekends_always_closed=data["weekends"] == "closed",
            statutory=_STATUTORY.get(mode),
            statutory_source=data.get("statutory_source", ""),
        )
    if code.startswith("EU"):
        return _eu_customs_calendar(code.removeprefix("EU").strip("-"))
    return OfficeCalendar(
        code=code,
        office=f"{code} (no closing days held)",
        law="",
        years={},
        possible=lambda year: public_holidays_everywhere(code, year),
        possible_source=f"public holidays of {code}, not the office's own list",
    )


def _eu_customs_calendar(member_state: str) -> OfficeCalendar:
    """Regulation 608/2013 counts working days of the customs department that decided the
    application. Its own list is not held: every public holiday of its member state (or of
    any member state, when the state is unknown) counts as possibly closed."""
    states = [member_state] if member_state in EU_MEMBER_STATES else sorted(EU_MEMBER_STATES)

    def possible(year: int) -> Mapping[date, str]:
        found: dict[date, str] = {}
        for state in states:
            for day, name in public_holidays_everywhere(state, year).items():
                found.setdefault(day, name if len(states) == 1 else f"{name} ({state})")
        return found

    where = member_state if len(states) == 1 else "any EU member state (none recorded)"
    return OfficeCalendar(
        code=f"EU-{member_state}" if len(states) == 1 else "EU",
        office=f"customs of {where}",
        law="Regulation (EU) 608/2013 art. 12(2): working days of the competent customs department",
        years={},
        possible=possible,
        possible_source=f"public holidays of {where} counted as closed (customs list not held)",
    )
