"""A deadline's state travels to the iCalendar export and to ``deadlines --json``."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from icalendar import Calendar

from ipsentry.domain.deadlines import DeadlineState, deadlines_for_right
from ipsentry.domain.rights import LegalStatus, Patent
from ipsentry.formats.ics import write_ics


def _fee_and_window(today: date) -> list[object]:
    granted = Patent(
        jurisdiction="US",
        title="t",
        status=LegalStatus.GRANTED,
        registration_number="1",
        registration_date=date(2021, 8, 31),
    )
    lapsed = Patent(
        jurisdiction="US",
        title="t",
        status=LegalStatus.LAPSED,
        registration_number="2",
        registration_date=date(2019, 7, 23),
    )
    fee = deadlines_for_right(granted, today)[0]
    window = [d for d in deadlines_for_right(lapsed, today) if d.last_chance]
    return [d.as_of(today) for d in [fee, *window]]


def test_ics_events_carry_the_state_and_the_grace(tmp_path: Path) -> None:
    # On 2025-03-15 the 3.5-year fee of the 2021-08-31 grant (due 2025-02-28) is in grace to
    # 2025-09-02; the lapsed 2019 patent's petition window is open and ends 2025-07-24, more
    # than 30 days away, so it is upcoming.
    path = tmp_path / "due.ics"
    deadlines = _fee_and_window(date(2025, 3, 15))
    assert write_ics(path, deadlines) == 2  # type: ignore[arg-type]
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    states = [str(e["X-IPSENTRY-STATE"]) for e in events]
    assert states == ["in_grace", "upcoming"]
    assert "State: in grace until 2025-09-02" in str(events[0]["DESCRIPTION"])
    assert "in_grace" in events[0]["CATEGORIES"].to_ical().decode()
    assert str(events[1]["SUMMARY"]).endswith(
        "Last chance: petition to accept the late fee"
        " after the missed maintenance fee due at 3.5 years"
    )


def test_json_keeps_the_existing_fields_and_adds_the_state() -> None:
    # On 2025-09-03 the lapsed patent's petition window (to 2025-07-24) has closed.
    [fee] = _fee_and_window(date(2025, 9, 3))
    record = json.loads(json.dumps(dataclasses.asdict(fee), default=str))
    # Past grace while the patent is still recorded as granted: presumed paid.
    assert record["state"] == DeadlineState.PASSED.value
    assert {"right_label", "kind", "due", "grace_until", "opens", "rule", "derivation"} <= set(
        record
    )
    assert (record["due"], record["grace_until"]) == ("2025-02-28", "2025-09-02")
