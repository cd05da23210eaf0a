"""A provider's outreach as the API records and lists it."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from ipsentry.domain.outreach import ATTENDANCE_MAX, EventKind


class OutreachIn(BaseModel):
    kind: EventKind = Field(
        description="seminar or consultation; case studies come from a dispute."
    )
    title: str = Field(min_length=1, max_length=500)
    held_on: date
    attendance: int = Field(0, ge=0, le=ATTENDANCE_MAX)
    enterprises: list[str] = Field(
        default_factory=list, description="Slugs of member enterprises reached."
    )
    summary: str = Field("", max_length=20_000)


class AttendanceIn(BaseModel):
    attendance: int = Field(ge=0, le=ATTENDANCE_MAX, description="How many attended, once held.")


class CaseStudyIn(BaseModel):
    held_on: date = Field(description="The day it is shared (not after today).")
    title: str = Field("", max_length=500, description="Default: the dispute's, anonymised.")
    enterprises: list[str] = Field(
        default_factory=list,
        description="Slugs of the member enterprises it is shared with: their people read it.",
    )


class SharedCaseStudyOut(BaseModel):
    """A case study as the enterprise it was shared with reads it."""

    id: int
    title: str
    shared_on: date
    summary: str
    provider: str
    marking: str


class OutreachOut(BaseModel):
    id: int
    kind: str
    title: str
    held_on: date
    attendance: int
    summary: str
    dispute_id: int | None
    marking: str
