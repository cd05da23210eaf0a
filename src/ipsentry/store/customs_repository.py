"""Queries of the customs records: recordations, protection plans, scored declarations,
detentions and seizure batches, each for the organisations a service says may be read."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.customs import (
    Detention,
    ProtectionPlan,
    QueueStatus,
    Recordation,
    ScoredDeclaration,
    SeizureBatch,
)
from ipsentry.store import tables as t


class CustomsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: object) -> None:
        self.session.add(record)

    def recordations(self, organisation_ids: Collection[int]) -> Sequence[Recordation]:
        table = t.recordation_table
        query = (
            sa.select(Recordation)
            .where(table.c.organisation_id.in_(organisation_ids))
            .order_by(table.c.authority, table.c.number)
        )
        return self.session.scalars(query).all()

    def recordation(self, recordation_id: int) -> Recordation | None:
        return self.session.get(Recordation, recordation_id)

    def plans(self, organisation_ids: Collection[int]) -> Sequence[ProtectionPlan]:
        table = t.protection_plan_table
        either = sa.or_(
            table.c.organisation_id.in_(organisation_ids),
            table.c.customs_organisation_id.in_(organisation_ids),
        )
        return self.session.scalars(sa.select(ProtectionPlan).where(either)).all()

    def plan(self, plan_id: int) -> ProtectionPlan | None:
        return self.session.get(ProtectionPlan, plan_id)

    def detentions(self, organisation_ids: Collection[int]) -> Sequence[Detention]:
        table = t.detention_table
        query = (
            sa.select(Detention)
            .where(table.c.organisation_id.in_(organisation_ids))
            .order_by(table.c.detained_on.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).all()

    def detention(self, detention_id: int) -> Detention | None:
        return self.session.get(Detention, detention_id)

    def seizure_batches(self, organisation_ids: Collection[int]) -> Sequence[SeizureBatch]:
        table = t.seizure_batch_table
        query = (
            sa.select(SeizureBatch)
            .where(table.c.organisation_id.in_(organisation_ids))
            .order_by(table.c.seized_on)
        )
        return self.session.scalars(query).all()

    def queue(
        self, organisation_id: int, *, status: QueueStatus | None = QueueStatus.QUEUED,
        limit: int = 100,
    ) -> Sequence[ScoredDeclaration]:  # fmt: skip
        """The customs office's scored declarations, riskiest first."""
        table = t.customs_declaration_table
        query = sa.select(ScoredDeclaration).where(table.c.organisation_id == organisation_id)
        if status is not None:
            query = query.where(table.c.status == status)
        query = query.order_by(table.c.risk.desc(), table.c.id).limit(limit)
        return self.session.scalars(query).all()

    def batch(self, organisation_id: int, batch: str) -> Sequence[ScoredDeclaration]:
        """The office's scored declarations that came in the file named ``batch``."""
        table = t.customs_declaration_table
        query = sa.select(ScoredDeclaration).where(
            table.c.organisation_id == organisation_id, table.c.batch == batch
        )
        return self.session.scalars(query.order_by(table.c.row, table.c.id)).all()

    def declaration(self, declaration_id: int) -> ScoredDeclaration | None:
        return self.session.get(ScoredDeclaration, declaration_id)
