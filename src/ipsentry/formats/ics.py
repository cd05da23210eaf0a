"""Deadlines as an iCalendar file, so they land in the docketing calendar people already use."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar, Event

from ipsentry.domain.deadlines import Deadline, DeadlineState
from ipsentry.formats.files import atomic_path


def deadline_uid(deadline: Deadline) -> str:
    """Stable across runs, so re-importing the file updates events instead of duplicating."""
    key = f"{deadline.rule}|{deadline.right_label}|{deadline.title}|{deadline.office}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@ipsentry"


def _state_text(deadline: Deadline) -> str:
    if deadline.state is DeadlineState.IN_GRACE:
        return f"in grace until {deadline.grace_until}"
    if deadline.state is DeadlineState.OVERDUE:
        return f"overdue; restorable until {deadline.restorable_until}"
    return str(deadline.state)


def write_ics(path: Path, deadlines: Iterable[Deadline]) -> int:
    data, count = calendar_bytes(deadlines)
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)
    return count


def calendar_bytes(deadlines: Iterable[Deadline], marking: str = "") -> tuple[bytes, int]:
    """The iCalendar text and how many events it holds; ``marking`` heads every event."""
    calendar = Calendar()
    calendar.add("prodid", "-//ipsentry//deadlines//EN")
    calendar.add("version", "2.0")
    count = 0
    for deadline in deadlines:
        event = Event()
        event.add("uid", deadline_uid(deadline))
        event.add("dtstamp", datetime.now(UTC))
        event.add("dtstart", deadline.due)
        event.add("summary", f"{deadline.right_label}: {deadline.title}")
        grace = f"\nGrace until {deadline.grace_until}" if deadline.grace_until else ""
        state = f"\nState: {_state_text(deadline)}" if deadline.state else ""
        heading = f"[{marking}]\n" if marking else ""
        event.add(
            "description", f"{heading}{deadline.derivation}{grace}{state}\nRule: {deadline.rule}"
        )
        if deadline.state is not None:
            # Calendar programs filter on categories; the state is also kept verbatim.
            event.add("categories", [deadline.state.value])
            event.add("x-ipsentry-state", deadline.state.value)
        if deadline.cancelled:
            event.add("status", "CANCELLED")
        if marking:
            event.add("class", "CONFIDENTIAL" if marking != "Public" else "PUBLIC")
        calendar.add_component(event)
        count += 1
    return calendar.to_ical(), count
