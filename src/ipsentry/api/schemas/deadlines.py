"""Deadlines as the API shows them, each with its state in words."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from ipsentry.domain.deadlines import Deadline, DeadlineKind, DeadlineState
from ipsentry.services.deadline_views import state_text


class DeadlineOut(BaseModel):
    right_id: int | None
    right: str
    office: str
    kind: DeadlineKind
    title: str
    due: date
    opens: date | None
    grace_until: date | None
    restorable_until: date | None
    state: DeadlineState
    state_text: str
    rule: str
    derivation: str

    @classmethod
    def of(cls, deadline: Deadline, today: date) -> DeadlineOut:
        return cls(
            right_id=deadline.right_id,
            right=deadline.right_label,
            office=deadline.office,
            kind=deadline.kind,
            title=deadline.title,
            due=deadline.due,
            opens=deadline.opens,
            grace_until=deadline.grace_until,
            restorable_until=deadline.restorable_until,
            state=deadline.state or deadline.state_on(today),
            state_text=state_text(deadline, today),
            rule=deadline.rule,
            derivation=deadline.derivation,
        )
