"""Repositories: the only place that writes queries; services speak in domain terms."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.accounts import AuditEntry, Organisation, User
from ipsentry.domain.cases import Case
from ipsentry.domain.customs import Detention, Recordation
from ipsentry.domain.disputes import Dispute
from ipsentry.domain.observations import Observation
from ipsentry.domain.parties import Party
from ipsentry.domain.rights import (
    NumberSeries,
    Patent,
    Right,
    RightKind,
    RightNumber,
    Trademark,
)
from ipsentry.domain.screening import RunStatus, ScreeningRun
from ipsentry.store import tables as t

_SERIES_COLUMN = {
    NumberSeries.APPLICATION: t.right_table.c.application_number,
    NumberSeries.PUBLICATION: t.right_table.c.publication_number,
    NumberSeries.REGISTRATION: t.right_table.c.registration_number,
}


@dataclass(frozen=True)
class RightFilter:
    kind: RightKind | None = None
    jurisdiction: str | None = None
    technology_family: str | None = None
    status: str | None = None


class RightRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, right: Right) -> None:
        self.session.add(right)

    def get(self, organisation_id: int, right_id: int) -> Right | None:
        right = self.session.get(Right, right_id)
        return right if right is not None and right.organisation_id == organisation_id else None

    def find_by_number(self, organisation_id: int, number: RightNumber) -> Right | None:
        column = _SERIES_COLUMN[number.series]
        query = sa.select(Right).where(
            t.right_table.c.organisation_id == organisation_id,
            t.right_table.c.kind == number.kind,
            t.right_table.c.jurisdiction == number.jurisdiction,
            column == number.number,
        )
        if number.series is NumberSeries.PUBLICATION:
            query = query.where(t.right_table.c.kind_code == number.kind_code)
        return self.session.scalars(query).first()

    def by_numbers(
        self, organisation_id: int, numbers: Iterable[RightNumber]
    ) -> dict[RightNumber, Right]:
        """The stored rights holding any of these numbers, by number, in one query.

        Rights added but not yet flushed are not looked at (no autoflush), so a long import
        writes in batches rather than row by row; it checks the file's own repeats itself.
        """
        wanted = set(numbers)
        if not wanted:
            return {}
        by_series: dict[NumberSeries, set[str]] = {}
        for number in wanted:
            by_series.setdefault(number.series, set()).add(number.number)
        query = sa.select(Right).where(
            t.right_table.c.organisation_id == organisation_id,
            sa.or_(*(_SERIES_COLUMN[s].in_(sorted(v)) for s, v in by_series.items())),
        )
        with self.session.no_autoflush:
            stored = self.session.scalars(query).all()
        return {n: right for right in stored for n in right.numbers() if n in wanted}

    def list(self, organisation_id: int, where: RightFilter | None = None) -> Sequence[Right]:
        where = where or RightFilter()
        query = sa.select(Right).where(t.right_table.c.organisation_id == organisation_id)
        if where.kind is not None:
            query = query.where(t.right_table.c.kind == where.kind)
        if where.jurisdiction:
            query = query.where(t.right_table.c.jurisdiction == where.jurisdiction.upper())
        if where.technology_family:
            query = query.where(t.right_table.c.technology_family == where.technology_family)
        if where.status:
            query = query.where(t.right_table.c.status == where.status)
        query = query.order_by(
            t.right_table.c.kind, t.right_table.c.jurisdiction, t.right_table.c.id
        )
        return self.session.scalars(query).all()

    def patents(self, organisation_id: int) -> Sequence[Patent]:
        query = sa.select(Patent).where(t.right_table.c.organisation_id == organisation_id)
        return self.session.scalars(query).all()

    def trademarks(self, organisation_id: int) -> Sequence[Trademark]:
        query = sa.select(Trademark).where(t.right_table.c.organisation_id == organisation_id)
        return self.session.scalars(query).all()


class OrganisationRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, organisation: Organisation) -> None:
        self.session.add(organisation)

    def by_slug(self, slug: str) -> Organisation | None:
        query = sa.select(Organisation).where(t.organisations.c.slug == slug)
        return self.session.scalars(query).first()

    def user_by_email(self, email: str) -> User | None:
        query = sa.select(User).where(t.users.c.email == email)
        return self.session.scalars(query).first()

    def add_user(self, user: User) -> None:
        self.session.add(user)


class RecordRepository:
    """Lookups of the other aggregates by organisation, used by the demo and summaries."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: object) -> None:
        self.session.add(record)

    def count(self, cls: type, organisation_id: int) -> int:
        table: sa.Table = sa.inspect(cls).local_table
        query = sa.select(sa.func.count()).select_from(table)
        query = query.where(table.c.organisation_id == organisation_id)
        return int(self.session.scalar(query) or 0)

    def party_by_name(self, organisation_id: int, name: str) -> Party | None:
        query = sa.select(Party).where(
            t.party_table.c.organisation_id == organisation_id, t.party_table.c.name == name
        )
        return self.session.scalars(query).first()

    def parties_by_ids(self, organisation_id: int, ids: Iterable[int]) -> dict[int, Party]:
        wanted = set(ids)
        if not wanted:
            return {}
        query = sa.select(Party).where(
            t.party_table.c.organisation_id == organisation_id, t.party_table.c.id.in_(wanted)
        )
        return {p.id: p for p in self.session.scalars(query) if p.id is not None}

    def cases(self, organisation_id: int) -> Sequence[Case]:
        query = sa.select(Case).where(t.case_table.c.organisation_id == organisation_id)
        return self.session.scalars(query.order_by(t.case_table.c.id)).all()

    def case_by_number(self, organisation_id: int, number: str) -> Case | None:
        query = sa.select(Case).where(
            t.case_table.c.organisation_id == organisation_id, t.case_table.c.number == number
        )
        return self.session.scalars(query).first()

    def dispute_by_title(self, provider_id: int, title: str) -> Dispute | None:
        query = sa.select(Dispute).where(
            t.dispute_table.c.provider_organisation_id == provider_id,
            t.dispute_table.c.title == title,
        )
        return self.session.scalars(query).first()

    def recordations(self, organisation_id: int) -> Sequence[Recordation]:
        query = sa.select(Recordation).where(
            t.recordation_table.c.organisation_id == organisation_id
        )
        return self.session.scalars(query).all()

    def detentions(self, organisation_id: int) -> Sequence[Detention]:
        query = sa.select(Detention).where(t.detention_table.c.organisation_id == organisation_id)
        return self.session.scalars(query).all()

    def observations(self, organisation_id: int) -> Sequence[Observation]:
        query = sa.select(Observation).where(
            t.observation_table.c.organisation_id == organisation_id
        )
        return self.session.scalars(query).all()

    def last_run(self, organisation_id: int, channel: str) -> ScreeningRun | None:
        """The latest finished screening run of a channel, to report what is new since."""
        table = t.screening_run_table
        query = (
            sa.select(ScreeningRun)
            .where(
                table.c.organisation_id == organisation_id,
                table.c.channel == channel,
                table.c.status == RunStatus.FINISHED,
            )
            .order_by(table.c.id.desc())
        )
        return self.session.scalars(query).first()

    def unfinished_run(self, organisation_id: int, channel: str) -> ScreeningRun | None:
        """The latest run of a channel left running or interrupted, to resume it."""
        table = t.screening_run_table
        query = (
            sa.select(ScreeningRun)
            .where(
                table.c.organisation_id == organisation_id,
                table.c.channel == channel,
                table.c.status.in_([RunStatus.RUNNING, RunStatus.INTERRUPTED]),
            )
            .order_by(table.c.id.desc())
        )
        return self.session.scalars(query).first()

    def audit(self, entry: AuditEntry) -> None:
        self.session.add(entry)
