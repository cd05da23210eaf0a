"""Queries of enforcement work: takedown notices, detentions and evidence by their source."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.customs import Detention
from ipsentry.domain.evidence import EvidenceItem
from ipsentry.domain.takedowns import TakedownNotice, TakedownStatus
from ipsentry.store import tables as t


class EnforcementRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: object) -> None:
        self.session.add(record)

    def takedown(self, organisation_id: int, notice_id: int) -> TakedownNotice | None:
        found = self.session.get(TakedownNotice, notice_id)
        return found if found is not None and found.organisation_id == organisation_id else None

    def takedowns(
        self,
        organisation_id: int,
        *,
        case_id: int | None = None,
        statuses: Sequence[TakedownStatus] = (),
    ) -> Sequence[TakedownNotice]:
        table = t.takedown_table
        query = sa.select(TakedownNotice).where(table.c.organisation_id == organisation_id)
        if case_id is not None:
            query = query.where(table.c.case_id == case_id)
        if statuses:
            query = query.where(table.c.status.in_(list(statuses)))
        return self.session.scalars(query.order_by(table.c.id)).all()

    def detention(self, organisation_id: int, detention_id: int) -> Detention | None:
        found = self.session.get(Detention, detention_id)
        return found if found is not None and found.organisation_id == organisation_id else None

    def evidence_of_hit(self, organisation_id: int, hit_id: int) -> EvidenceItem | None:
        table = t.evidence_table
        query = sa.select(EvidenceItem).where(
            table.c.organisation_id == organisation_id, table.c.hit_id == hit_id
        )
        return self.session.scalars(query.order_by(table.c.id)).first()

    def evidence_of_detention(self, organisation_id: int, detention_id: int) -> EvidenceItem | None:
        table = t.evidence_table
        query = sa.select(EvidenceItem).where(
            table.c.organisation_id == organisation_id, table.c.detention_id == detention_id
        )
        return self.session.scalars(query.order_by(table.c.id)).first()
