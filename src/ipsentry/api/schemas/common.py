"""Shapes shared by every resource: a page of a list, and the problem-details body."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Generic, TypeVar

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from ipsentry.errors import InvalidInput, Problem, echoed

T = TypeVar("T")
MAX_LIMIT = 200
MAX_RECORD_ID = 2**31 - 1
"""Record ids are bounded so a request naming an impossible id is refused as invalid by the
schema (422) rather than reaching a database integer column it overflows."""

PathId = Annotated[int, Path(ge=1, le=MAX_RECORD_ID)]
BodyId = Annotated[int, Field(ge=1, le=MAX_RECORD_ID)]


def _unset_if_blank(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_unset_if_blank)
"""For an optional query choice: an empty value (a form's "All" option, `?channel=`) is
the choice not made, not a bad value."""


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``offset``, ``total`` matching in all."""

    items: list[T]
    total: int
    offset: int
    limit: int


class Paging(BaseModel):
    offset: int = 0
    limit: int = 50

    def cut(self, items: list[T]) -> Page[T]:
        return Page[T](
            items=items[self.offset : self.offset + self.limit],
            total=len(items),
            offset=self.offset,
            limit=self.limit,
        )


def paging(
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 50,
) -> Paging:
    return Paging(offset=offset, limit=limit)


def _utc(moment: datetime) -> datetime:
    """Every time ipsentry stores is UTC; SQLite hands them back without the zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_utc)]


# Query parameters documented with their format and parsed by ipsentry (pydantic's lax
# mode alone would read '0' as 1970-01-01).
def _day_as_text(value: object) -> object:
    """A day is text in JSON (YYYY-MM-DD); a number would be read as seconds since 1970 and
    become another day without a word."""
    if isinstance(value, int | float):
        raise PydanticCustomError(
            "date_type",
            "give the date as text, YYYY-MM-DD, not the number {value}",
            {"value": echoed(value)},
        )
    return value


Day = Annotated[date, BeforeValidator(_day_as_text)]
"""A date field of a JSON body: ISO text only."""

DATE = {"format": "date"}
DATETIME = {"format": "date-time"}


def as_date(value: str | None, field: str) -> date | None:
    """A query's YYYY-MM-DD (pydantic alone would also take '0' as 1970-01-01)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput([Problem("query", None, field, f"{value!r} is not a date")]) from None


def as_datetime(value: str | None, field: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput([Problem("query", None, field, f"{value!r} is not a time")]) from None


class FieldError(BaseModel):
    field: str
    path: str = Field(
        description="Where the bad value was sent: body/patent/claims/0, query/status, "
        "or a file's name, row and column"
    )
    source: str
    row: int | None = None
    message: str


class ProblemDetails(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[FieldError] | None = None
