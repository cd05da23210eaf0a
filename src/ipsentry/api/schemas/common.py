"""Shapes shared by every resource: a page of a list, and the problem-details body."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

T = TypeVar("T")
MAX_LIMIT = 200


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


class FieldError(BaseModel):
    field: str
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
