"""What a deadline is: a date to act by, with the window, the grace, how it was derived,
and where it stands on a given day."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, timedelta

RULESET_VERSION = "2026.2"

# How close a due date must be to count as due soon: a month, the usual docketing reminder.
DUE_SOON = timedelta(days=30)


class DeadlineKind(enum.StrEnum):
    MAINTENANCE_FEE = "maintenance_fee"
    ANNUAL_FEE = "annual_fee"
    RENEWAL = "renewal"
    DECLARATION_OF_USE = "declaration_of_use"
    OPPOSITION_WINDOW = "opposition_window"
    RESPONSE = "response"  # answering an opposition, a complaint or a notice of investigation
    RECORDATION_RENEWAL = "recordation_renewal"
    EXPIRY = "expiry"
    RESTORATION = "restoration"  # the last chance after a lapse, never the normal deadline


class DeadlineState(enum.StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"  # within DUE_SOON of the due date
    OVERDUE = "overdue"  # past the last day, but a restoration window is still open
    IN_GRACE = "in_grace"  # past the due date, payable with surcharge until grace_until
    LOST = "lost"  # past the last day with no remedy left
    # Past its last day while the right is recorded in force: the office would have recorded
    # a lapse had it been missed, so it is presumed met (nothing here records payments).
    PASSED = "passed"
    CANCELLED = "cancelled"  # the right is dead; nothing to do


@dataclass(frozen=True)
class Deadline:
    """``due`` is the last day to act without surcharge, already moved off closed days."""

    office: str
    kind: DeadlineKind
    title: str
    due: date
    rule: str
    derivation: str
    right_id: int | None = None
    right_label: str = ""
    opens: date | None = None
    grace_until: date | None = None
    cancelled: bool = False
    cancelled_reason: str = ""
    # The first month of CN annual-fee grace carries no surcharge: the last day of it.
    surcharge_free_until: date | None = None
    # After the last day: until when restoration or re-establishment may still save it.
    restorable_until: date | None = None
    last_chance: bool = False  # a restoration window, shown as such
    # The right was recorded in force (granted, registered) when the deadline was derived.
    right_in_force: bool = False
    state: DeadlineState | None = None  # set by ``as_of``

    def cancel(self, reason: str) -> Deadline:
        return replace(self, cancelled=True, cancelled_reason=reason)

    @property
    def last_day(self) -> date:
        """The last day anything can still be done: the end of grace, or the due date."""
        return self.grace_until or self.due

    def state_on(self, today: date) -> DeadlineState:
        if self.cancelled:
            return DeadlineState.CANCELLED
        if today <= self.due:
            return (
                DeadlineState.DUE_SOON if today >= self.due - DUE_SOON else DeadlineState.UPCOMING
            )
        if self.grace_until is not None and today <= self.grace_until:
            return DeadlineState.IN_GRACE
        if self.right_in_force:
            return DeadlineState.PASSED
        if self.restorable_until is not None and today <= self.restorable_until:
            return DeadlineState.OVERDUE
        return DeadlineState.LOST

    def as_of(self, today: date) -> Deadline:
        """The same deadline with its state on ``today``."""
        return replace(self, state=self.state_on(today))
