"""Screening runs, their hits and the reviewers' decisions on them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ipsentry.domain.common import Confidentiality
from ipsentry.wording import N_


class RunStatus(enum.StrEnum):
    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # its process died; the next run of the channel resumes it


class HitKind(enum.StrEnum):
    MARK = "mark"
    CLAIM = "claim"


class ReviewStatus(enum.StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"


_ALLOWED_REVIEWS = {
    ReviewStatus.OPEN: {ReviewStatus.CONFIRMED, ReviewStatus.DISMISSED, ReviewStatus.ESCALATED},
    ReviewStatus.ESCALATED: {ReviewStatus.CONFIRMED, ReviewStatus.DISMISSED},
    ReviewStatus.CONFIRMED: {ReviewStatus.ESCALATED},
    ReviewStatus.DISMISSED: {ReviewStatus.OPEN},
}


class ReviewRefused(ValueError):
    """A review move the hit does not take; ``field`` names what to change (the decision
    itself, or its reason), so a form or an API caller is told which of its fields is wrong."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(kw_only=True, eq=False)
class ReviewDecision:
    decision: ReviewStatus
    reason: str
    user_id: int | None
    decided_at: datetime
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Hit:
    """A possible infringement: one observation against one right, with why it was flagged."""

    kind: HitKind
    observation_id: int
    right_id: int
    score: float  # likelihood of confusion, or claim coverage
    similarity: float | None = None  # mark similarity alone, shown beside the score
    verdict: str = ""
    explanation: dict[str, Any] = field(default_factory=dict)
    status: ReviewStatus = ReviewStatus.OPEN
    decisions: list[ReviewDecision] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    run_id: int | None = None
    version: int = 1  # raised by each decision (services.review), so none is overwritten
    id: int | None = None

    def review(
        self, decision: ReviewStatus, reason: str, user_id: int | None, at: datetime
    ) -> ReviewDecision:
        """Move the hit through the queue; every move needs a reason and is kept."""
        if decision not in _ALLOWED_REVIEWS[self.status]:
            raise ReviewRefused(
                N_("a %(status)s hit cannot be marked %(decision)s", status=self.status,
                   decision=decision), "decision"
            )  # fmt: skip
        if not reason.strip():
            raise ReviewRefused(N_("a review decision needs a reason"), "reason")
        entry = ReviewDecision(decision=decision, reason=reason, user_id=user_id, decided_at=at)
        self.decisions.append(entry)
        self.status = decision
        return entry


@dataclass(kw_only=True, eq=False)
class ScreeningRun:
    organisation_id: int
    channel: str  # listing, declaration, domain, app_link, or "mixed"
    started_at: datetime
    status: RunStatus = RunStatus.RUNNING
    finished_at: datetime | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    observations_screened: int = 0
    only_new_since_run_id: int | None = None
    hits: list[Hit] = field(default_factory=list)
    id: int | None = None
