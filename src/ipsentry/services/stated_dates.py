"""Dates a user states of what has already happened — a step taken, a capture, a filing,
a service — may not lie after today.

A date mistyped into the future would sit at the end of a record's history and make every
true step after it look earlier than the last one, so it is refused where it is given.
"Today" allows a day (dates) or fourteen hours (moments) for the user's time zone: the
server's clock is UTC, the user's may be ahead of it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from ipsentry.errors import Problem

_AHEAD = timedelta(hours=14)  # UTC+14 is the furthest-ahead time zone in use


def future_problem(
    when: date | datetime | None, field: str, source: str = "command line"
) -> Problem | None:
    """A problem naming ``field`` when ``when`` is after today, else None."""
    if when is None:
        return None
    if isinstance(when, datetime):
        moment = when if when.tzinfo else when.replace(tzinfo=UTC)
        late = moment > datetime.now(UTC) + _AHEAD
    else:
        late = when > (datetime.now(UTC) + _AHEAD).date()
    return Problem(source, None, field, f"{when.isoformat()} is in the future") if late else None
