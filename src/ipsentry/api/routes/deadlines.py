"""/api/v1/deadlines: what is due, each with its state; an iCalendar download beside it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import DATE, Page, Paging, as_date, paging
from ipsentry.api.schemas.deadlines import DeadlineOut
from ipsentry.domain.deadlines import DeadlineState
from ipsentry.services import portfolio_views

router = APIRouter(prefix="/api/v1/deadlines", tags=["deadlines"])


@router.get("", response_model=Page[DeadlineOut])
def list_deadlines(
    actor: ActorDep,
    uow: UowDep,
    page: Annotated[Paging, Depends(paging)],
    within_days: Annotated[int, Query(ge=1, le=3660, description="How far ahead.")] = 90,
    state: Annotated[list[DeadlineState] | None, Query(description="Only these states.")] = None,
    today: Annotated[
        str | None, Query(json_schema_extra=DATE, description="Count from this day (YYYY-MM-DD).")
    ] = None,
) -> Page[DeadlineOut]:
    start = as_date(today, "today") or date.today()
    found = portfolio_views.deadlines(
        uow, actor, start, start + timedelta(days=within_days), frozenset(state or ())
    )
    return page.cut([DeadlineOut.of(d, start) for d in found])
