"""Jobs, hits and review decisions as the API shows them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ipsentry.api.schemas.common import UtcDatetime
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.jobs import Job, JobKind, JobStatus
from ipsentry.domain.screening import HitKind, ReviewStatus
from ipsentry.services.review import ReviewItem


class JobOut(BaseModel):
    id: int
    kind: JobKind
    status: JobStatus
    done: int
    total: int
    percent: int
    message: str
    error: str
    created_at: UtcDatetime
    finished_at: UtcDatetime | None
    result: dict[str, Any]

    @classmethod
    def of(cls, job: Job) -> JobOut:
        return cls(
            id=job.id or 0,
            kind=job.kind,
            status=job.status,
            done=job.done,
            total=job.total,
            percent=job.percent,
            message=job.message,
            error=job.error,
            created_at=job.created_at,
            finished_at=job.finished_at,
            result=job.result,
        )


class DecisionOut(BaseModel):
    decision: ReviewStatus
    reason: str
    user_id: int | None
    decided_at: UtcDatetime


class HitOut(BaseModel):
    id: int
    version: int
    kind: HitKind
    status: ReviewStatus
    score: float
    verdict: str
    channel: str
    observed: str
    matched: str = Field(description="The stretch of the observation that matched.")
    right_id: int
    right: str
    explanation: str
    marking: Confidentiality
    decisions: list[DecisionOut]

    @classmethod
    def of(cls, item: ReviewItem) -> HitOut:
        hit = item.hit
        return cls(
            id=hit.id or 0,
            version=hit.version,
            kind=hit.kind,
            status=hit.status,
            score=round(hit.score, 4),
            verdict=hit.verdict,
            channel=item.observation.kind.value,
            observed=item.observation.text,
            matched=item.observed.match,
            right_id=item.right.id or 0,
            right=f"{item.right.display_number} {item.right.title}",
            explanation=item.explanation,
            marking=item.marking,
            decisions=[
                DecisionOut(
                    decision=d.decision, reason=d.reason, user_id=d.user_id, decided_at=d.decided_at
                )
                for d in hit.decisions
            ],
        )


class DecisionIn(BaseModel):
    decision: ReviewStatus
    reason: str = Field(min_length=1, max_length=2000)
    version: int = Field(ge=1, le=2**31 - 1, description="The hit's version you decided on.")
