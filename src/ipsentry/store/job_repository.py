"""Jobs, and the hits of the review queue, by organisation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, lazyload, selectinload

from ipsentry.domain.jobs import Job, JobStatus
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus
from ipsentry.store import tables as t

_IN_CHUNK = 500  # ids per IN (...) list: well inside every backend's parameter limit


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
        # Decisions are read only for the hits a caller looks at: whether a hit was ever
        # decided is its version (each decision raises it), so the whole queue is not paid for.
        query = query.options(lazyload("*"))
        found: Sequence[Hit] = self.session.scalars(query.order_by(hits.c.id.desc())).all()
        chosen: dict[tuple[int, int, str], Hit] = {}
        for hit in found:  # newest first
            key = (hit.observation_id, hit.right_id, hit.kind.value)
            held = chosen.get(key)
            if held is None or (held.version == 1 and hit.version > 1):
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

    def read_decisions(self, hits: Sequence[Hit]) -> None:
        """Fill in the decisions of hits that ``latest`` read without them, in one query."""
        ids = [h.id for h in hits if h.id is not None]
        for start in range(0, len(ids), _IN_CHUNK):
            chunk = ids[start : start + _IN_CHUNK]
            self.session.scalars(
                sa.select(Hit).where(t.hit_table.c.id.in_(chunk)).options(selectinload("*"))
            ).all()

    def observations(self, observation_ids: Iterable[int]) -> dict[int, Observation]:
        """These observations by id, in a few queries rather than one per hit of a queue."""
        wanted = sorted(set(observation_ids))
        found: dict[int, Observation] = {}
        for start in range(0, len(wanted), _IN_CHUNK):
            query = sa.select(Observation).where(
                t.observation_table.c.id.in_(wanted[start : start + _IN_CHUNK])
            )
            found |= {o.id: o for o in self.session.scalars(query) if o.id is not None}
        return found
