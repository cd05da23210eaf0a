"""Deadlines: a list, a month calendar, and the iCalendar download."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Annotated

from babel.dates import get_day_names, get_month_names
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.errors import ConfirmationNeeded
from ipsentry.services import exports, portfolio_views
from ipsentry.web import i18n
from ipsentry.web.auth import PageActor
from ipsentry.web.confirm import CONFIRMED, confirm_page
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"


@router.get("/deadlines")
def deadlines_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    within: Annotated[int, Query(ge=1, le=3660)] = 180,
    month: Annotated[str | None, Query(pattern=MONTH)] = None,
) -> Response:
    today = date.today()
    shown = date.fromisoformat(f"{month}-01") if month else today.replace(day=1)
    last = shown.replace(day=calendar.monthrange(shown.year, shown.month)[1])
    until = max(today + timedelta(days=within), last)
    found = portfolio_views.deadlines(uow, actor, today, until)
    listed = [d for d in found if d.due <= today + timedelta(days=within)]
    by_day: dict[date, list[object]] = {}
    for d in found:
        by_day.setdefault(d.due, []).append(d)
    i18n.activate(request.state.locale)
    locale = i18n.babel_locale()
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(shown.year, shown.month)
    previous = (shown - timedelta(days=1)).replace(day=1)
    following = last + timedelta(days=1)
    return render(
        request,
        "deadlines.html",
        {
            "deadlines": listed,
            "within": within,
            "marking": portfolio_views.deadline_marking(uow, actor, found),
            "weeks": weeks,
            "by_day": by_day,
            "shown": shown,
            "month_name": f"{get_month_names('wide', locale=locale)[shown.month]} {shown.year}",
            "day_names": [get_day_names("abbreviated", locale=locale)[i] for i in range(7)],
            "previous": previous.strftime("%Y-%m"),
            "following": following.strftime("%Y-%m"),
            "today": today,
        },
    )


@router.get("/deadlines.ics")
def deadlines_calendar(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    within: Annotated[int, Query(ge=1, le=3660)] = 365,
    confirm: Annotated[str, Query(max_length=3)] = "",
) -> Response:
    """The calendar file (an export: privileged rights' deadlines only once confirmed)."""
    today = date.today()
    found = portfolio_views.deadlines(uow, actor, today, today + timedelta(days=within))
    marking = portfolio_views.deadline_marking(uow, actor, found)
    try:
        exports.authorise(
            uow,
            actor,
            "the deadline calendar",
            marking,
            confirmed=confirm == CONFIRMED,
            entity="deadlines",
            details={"deadlines": len(found), "within_days": within},
        )
    except ConfirmationNeeded as error:
        fields = [("within", str(within))]
        return confirm_page(request, error, "/deadlines.ics", "get", fields, "/deadlines")
    return Response(
        portfolio_views.deadline_calendar(found, marking),
        media_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="ipsentry-deadlines.ics"',
            "X-Confidentiality": marking.value,
        },
    )
