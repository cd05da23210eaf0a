"""Counts across screening for dashboards: observations screened over time."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.store import tables as t


class ActivityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def observations_screened_by_day(
        self, organisation_id: int, since: datetime
    ) -> dict[date, int]:
        runs = t.screening_run_table
        query = sa.select(runs.c.started_at, runs.c.observations_screened).where(
            runs.c.organisation_id == organisation_id, runs.c.started_at >= since
        )
        days: dict[date, int] = {}
        for started, screened in self.session.execute(query):
            day = started.date()
            days[day] = days.get(day, 0) + int(screened or 0)
        return dict(sorted(days.items()))
