"""Queries about evidence items, their captured bytes and their custody chains."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.evidence import EvidenceItem
from ipsentry.store import tables as t


class EvidenceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, item: EvidenceItem, content: bytes) -> None:
        """Store an item and its bytes together (the unit of work commits both or neither)."""
        self.session.add(item)
        self.session.flush()
        self.session.execute(
            sa.insert(t.evidence_content_table).values(evidence_id=item.id, content=content)
        )

    def get(self, organisation_id: int, evidence_id: int) -> EvidenceItem | None:
        item = self.session.get(EvidenceItem, evidence_id)
        return item if item is not None and item.organisation_id == organisation_id else None

    def list(self, organisation_id: int, case_id: int | None = None) -> Sequence[EvidenceItem]:
        query = sa.select(EvidenceItem).where(t.evidence_table.c.organisation_id == organisation_id)
        if case_id is not None:
            query = query.where(t.evidence_table.c.case_id == case_id)
        return self.session.scalars(query.order_by(t.evidence_table.c.id)).all()

    def content(self, evidence_id: int) -> bytes | None:
        query = sa.select(t.evidence_content_table.c.content).where(
            t.evidence_content_table.c.evidence_id == evidence_id
        )
        found = self.session.execute(query).scalar()
        return bytes(found) if found is not None else None
