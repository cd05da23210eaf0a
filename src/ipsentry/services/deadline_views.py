"""How a deadline is shown on a given day: its record, and its state in words.

The state itself (upcoming, due soon, in grace, overdue while restorable, lost, passed
while the right stays in force, cancelled) is the domain's (``Deadline.state_on``); the
command line, the web app and exports all show it through here, so a missed deadline is
flagged the same way everywhere.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from ipsentry.domain.deadlines import Deadline, DeadlineKind, DeadlineState


def state_of(deadline: Deadline, today: date) -> DeadlineState:
    return deadline.state_on(today)


def state_text(deadline: Deadline, today: date) -> str:
    """The state in words, with the date or count of days that matters."""
    state = state_of(deadline, today)
    days = (deadline.due - today).days
    if state is DeadlineState.CANCELLED:
        return f"cancelled: {deadline.cancelled_reason}"
    if state is DeadlineState.UPCOMING:
        return "upcoming"
    if state is DeadlineState.DUE_SOON:
        return "due today" if days == 0 else f"due in {days} days"
    if state is DeadlineState.IN_GRACE:
        return f"overdue; in grace until {deadline.grace_until}"
    if state is DeadlineState.OVERDUE:
        return f"overdue; restorable until {deadline.restorable_until}"
    if state is DeadlineState.PASSED:
        if deadline.kind is DeadlineKind.OPPOSITION_WINDOW:
            return f"closed on {deadline.due}"
        if deadline.kind is DeadlineKind.EXPIRY:
            return f"term ended {deadline.due}, yet the right is recorded in force"
        return f"passed {deadline.last_day}; presumed met (right in force)"
    return f"lost: last day was {deadline.last_day}"


def deadline_record(deadline: Deadline, today: date) -> dict[str, Any]:
    return {
        **dataclasses.asdict(deadline),
        "state": state_of(deadline, today).value,
        "state_text": state_text(deadline, today),
    }
