"""Jobs, and the hits of the review queue, by organisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.jobs import Job, JobStatus
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus
from ipsentry.store import tables as t


class JobRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, job: Job) -> None:
        self.session.add(job)

    def get(self, job_id: int) -> Job | None:
        return self.session.get(Job, job_id)

    def recent(self, organisation_id: int, limit: int = 20) -> Sequence[Job]:
        query = (
            sa.select(Job)
            .where(t.job_table.c.organisation_id == organisation_id)
            .order_by(t.job_table.c.id.desc())
            .limit(limit)
        )
        return self.session.scalars(query).all()

    def unfinished(self) -> Sequence[Job]:
        query = sa.select(Job).where(
            t.job_table.c.status.in_([JobStatus.QUEUED, JobStatus.RUNNING])
        )
        return self.session.scalars(query).all()


@dataclass(frozen=True)
class HitFilter:
    statuses: tuple[ReviewStatus, ...] = (ReviewStatus.OPEN, ReviewStatus.ESCALATED)
    channel: ObservationKind | None = None
    kind: HitKind | None = None


class HitRepository:
    """Hits reach an organisation through their run; every query checks that."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _of(self, organisation_id: int) -> sa.Select[Any]:
        hits, runs = t.hit_table, t.screening_run_table
        return (
            sa.select(Hit)
            .join(runs, runs.c.id == hits.c.run_id)
            .where(runs.c.organisation_id == organisation_id)
        )

    def get_any(self, hit_id: int) -> Hit | None:
        """A hit whoever's it is (checks and tests; services use ``get``)."""
        return self.session.get(Hit, hit_id)

    def get(self, organisation_id: int, hit_id: int) -> Hit | None:
        query = self._of(organisation_id).where(t.hit_table.c.id == hit_id)
        return self.session.scalars(query).first()

    def latest(self, organisation_id: int, where: HitFilter) -> list[Hit]:
        """One hit per (observation, right, kind), best first.

        Every screening run finds the same pairs again; the queue shows the newest hit of a
        pair, unless an earlier one was decided on: a decision holds until it is changed.
        """
        hits, observations = t.hit_table, t.observation_table
        query = self._of(organisation_id).join(
            observations, observations.c.id == hits.c.observation_id
        )
        if where.channel is not None:
            query = query.where(observations.c.kind == where.channel)
        if where.kind is not None:
            query = query.where(hits.c.kind == where.kind)
        found: Sequence[Hit] = self.session.scalars(query.order_by(hits.c.id.desc())).all()
        chosen: dict[tuple[int, int, str], Hit] = {}
        for hit in found:  # newest first
            key = (hit.observation_id, hit.right_id, hit.kind.value)
            held = chosen.get(key)
            if held is None or (not held.decisions and hit.decisions):
                chosen[key] = hit
        unique = [h for h in chosen.values() if not where.statuses or h.status in where.statuses]
        return sorted(unique, key=lambda h: (-h.score, h.id or 0))

    def bump_version(self, hit_id: int, expected: int) -> bool:
        """Raise the hit's version if it is still ``expected``: one writer wins, atomically."""
        table = t.hit_table
        result = self.session.execute(
            sa.update(table)
            .where(table.c.id == hit_id, table.c.version == expected)
            .values(version=expected + 1)
        )
        return bool(getattr(result, "rowcount", 0))

    def observation(self, observation_id: int) -> Observation | None:
        return self.session.get(Observation, observation_id)
