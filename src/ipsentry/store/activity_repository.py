"""Counts across screening for dashboards: open hits by channel, runs over time."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.screening import ReviewStatus
from ipsentry.store import tables as t


class ActivityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def open_hits_by_channel(self, organisation_id: int) -> dict[str, int]:
        hits, observations = t.hit_table, t.observation_table
        query = (
            sa.select(observations.c.kind, sa.func.count(sa.distinct(hits.c.observation_id)))
            .join(observations, observations.c.id == hits.c.observation_id)
            .where(
                observations.c.organisation_id == organisation_id,
                hits.c.status.in_([ReviewStatus.OPEN, ReviewStatus.ESCALATED]),
            )
            .group_by(observations.c.kind)
        )
        return {
            str(getattr(kind, "value", kind)): int(n) for kind, n in self.session.execute(query)
        }

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
