"""How a deadline is shown on a given day: its record, and whether it is still to come,
due soon, overdue, in grace, or lost.

The state is worked out from the deadline's own dates (due date and end of grace), so the
command line, the web app and exports flag a missed deadline the same way.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import date
from typing import Any

from ipsentry.domain.deadlines import Deadline

DUE_SOON_DAYS = 30


class DeadlineState(enum.StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"  # past due; no grace period is known for it
    IN_GRACE = "in_grace"  # past due, still payable with a surcharge until grace ends
    LOST = "lost"  # grace over: the act can no longer be done
    CANCELLED = "cancelled"  # the right is dead; kept so people see why nothing is due


def state_of(deadline: Deadline, today: date) -> DeadlineState:
    if deadline.cancelled:
        return DeadlineState.CANCELLED
    if today <= deadline.due:
        soon = (deadline.due - today).days <= DUE_SOON_DAYS
        return DeadlineState.DUE_SOON if soon else DeadlineState.UPCOMING
    if deadline.grace_until is None:
        return DeadlineState.OVERDUE
    if today <= deadline.grace_until:
        return DeadlineState.IN_GRACE
    return DeadlineState.LOST


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
    if state is DeadlineState.OVERDUE:
        return f"overdue by {-days} days"
    if state is DeadlineState.IN_GRACE:
        return f"overdue; in grace until {deadline.grace_until}"
    return f"lost: grace ended {deadline.grace_until}"


def deadline_record(deadline: Deadline, today: date) -> dict[str, Any]:
    return {
        **dataclasses.asdict(deadline),
        "state": state_of(deadline, today).value,
        "state_text": state_text(deadline, today),
    }
