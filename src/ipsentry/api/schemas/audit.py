"""Audit-log entries: who did what, when, with the record before and after."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ipsentry.api.schemas.common import UtcDatetime
from ipsentry.domain.accounts import AuditEntry


class AuditEntryOut(BaseModel):
    id: int
    at: UtcDatetime
    action: str
    organisation_id: int | None
    user_id: int | None
    entity: str
    entity_id: int | None
    details: dict[str, Any]
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditEntryOut:
        return cls(
            id=entry.id or 0,
            at=entry.at,
            action=entry.action,
            organisation_id=entry.organisation_id,
            user_id=entry.user_id,
            entity=entry.entity,
            entity_id=entry.entity_id,
            details=entry.details or {},
            before=entry.before,
            after=entry.after,
        )
