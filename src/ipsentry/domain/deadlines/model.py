"""What a deadline is: a date to act by, with the window, the grace and how it was derived."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

RULESET_VERSION = "2026.1"


class DeadlineKind(enum.StrEnum):
    MAINTENANCE_FEE = "maintenance_fee"
    ANNUAL_FEE = "annual_fee"
    RENEWAL = "renewal"
    DECLARATION_OF_USE = "declaration_of_use"
    OPPOSITION_WINDOW = "opposition_window"
    RECORDATION_RENEWAL = "recordation_renewal"
    EXPIRY = "expiry"


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

    def cancel(self, reason: str) -> Deadline:
        return replace(self, cancelled=True, cancelled_reason=reason)

    @property
    def last_day(self) -> date:
        """The last day anything can still be done: the end of grace, or the due date."""
        return self.grace_until or self.due
