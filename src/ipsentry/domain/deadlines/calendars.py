"""Working days of each office: weekends, public holidays and China's make-up working days."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

import holidays


@dataclass(frozen=True)
class OfficeCalendar:
    code: str
    office: str
    _calendar: Any

    def is_working_day(self, day: date) -> bool:
        return bool(self._calendar.is_working_day(day))

    def closed_reason(self, day: date) -> str:
        name = self._calendar.get(day)
        return str(name) if name else day.strftime("%A")

    def on_or_after(self, day: date) -> tuple[date, str]:
        """The day itself if the office is open, else the next working day, with why."""
        moved = day
        reasons = []
        while not self.is_working_day(moved):
            reasons.append(f"{moved.isoformat()} closed ({self.closed_reason(moved)})")
            moved += timedelta(days=1)
        if not reasons:
            return day, ""
        return moved, "; ".join(reasons) + f" -> next {self.code} working day"

    def add_working_days(self, day: date, count: int) -> date:
        step = 1 if count >= 0 else -1
        moved, left = day, abs(count)
        while left:
            moved += timedelta(days=step)
            if self.is_working_day(moved):
                left -= 1
        return moved


@cache
def _table() -> dict[str, dict[str, Any]]:
    text = resources.files("ipsentry.data").joinpath("office_calendars.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@cache
def office_calendar(code: str) -> OfficeCalendar:
    entry = _table().get(code)
    if entry is None:
        # An office we hold no table for: its country's public holidays, if the package knows it.
        calendar = holidays.country_holidays(code)
        return OfficeCalendar(code, f"{code} (national public holidays)", calendar)
    calendar = holidays.country_holidays(entry["country"], subdiv=entry["subdivision"])
    return OfficeCalendar(code, entry["office"], calendar)
