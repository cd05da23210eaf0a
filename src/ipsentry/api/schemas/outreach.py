"""A provider's outreach as the API records and lists it."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ipsentry.domain.outreach import ATTENDANCE_MAX, EventKind
from ipsentry.errors import echoed

# A body's unknown field is refused (a misspelt one would lose its value without a word).
_EXACT = ConfigDict(extra="forbid")


def _a_number(value: object) -> object:
    """A count is a JSON number (1000 or 1e3 alike): true or "12" is not read as one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        said = "give a whole number, not {value}"
        raise PydanticCustomError("int_type", said, {"value": echoed(value)})
    return value


Count = Annotated[int, BeforeValidator(_a_number)]


class OutreachIn(BaseModel):
    model_config = _EXACT

    kind: EventKind = Field(
        description="seminar or consultation; case studies come from a dispute."
    )
    title: str = Field(min_length=1, max_length=500)
    held_on: date
    attendance: Count = Field(0, ge=0, le=ATTENDANCE_MAX)
    enterprises: list[str] = Field(
        default_factory=list, description="Slugs of member enterprises reached."
    )
    summary: str = Field("", max_length=20_000)


class AttendanceIn(BaseModel):
    model_config = _EXACT

    attendance: Count = Field(ge=0, le=ATTENDANCE_MAX, description="How many attended, once held.")


class CaseStudyIn(BaseModel):
    model_config = _EXACT

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
