"""The audit log: who changed what, when, and the record before and after.

Services call ``record`` inside their unit of work, so the entry is committed with the
change or not at all. Admins browse it with ``browse``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, date, datetime
from typing import Any

from ipsentry.domain.accounts import AuditEntry, Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.services.access import Actor
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.unit_of_work import UnitOfWork

__all__ = ["AuditFilter", "AuditPage", "browse", "record", "snapshot"]
MARKINGS = frozenset(m.value for m in Confidentiality)
SECRET_FIELDS = frozenset({"password_hash", "token_hash", "csrf_token"})


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def snapshot(record: Any, *names: str) -> dict[str, Any]:
    """A record's fields as JSON-ready values (secrets left out), for before/after."""
    if not names and is_dataclass(record):
        names = tuple(f.name for f in fields(record))
    return {n: _plain(getattr(record, n)) for n in names if n not in SECRET_FIELDS}


def record(
    uow: UnitOfWork,
    actor: Actor | None,
    action: str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    organisation_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    uow.accounts.add(
        AuditEntry(
            at=datetime.now(UTC),
            action=action,
            organisation_id=organisation_id or (actor.organisation_id if actor else None),
            user_id=actor.user_id if actor else None,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
            before=before,
            after=after,
        )
    )


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    offset: int
    limit: int

    @property
    def marking(self) -> Confidentiality:
        """The strictest marking of the records these entries hold (before, after, or an
        export's), never below confidential: the log is the organisation's own record."""
        found = [Confidentiality.CONFIDENTIAL]
        for entry in self.entries:
            for part in (entry.before, entry.after, entry.details):
                for key in ("confidentiality", "marking"):
                    value = (part or {}).get(key)
                    if value in MARKINGS:
                        found.append(Confidentiality(value))
        return max(found, key=lambda m: m.rank)


def browse(
    uow: UnitOfWork, actor: Actor, where: AuditFilter, *, offset: int = 0, limit: int = 50
) -> AuditPage:
    """The actor's organisation's entries, newest first (installation admins: every one)."""
    actor.require(Permission.READ_AUDIT, "browse the audit log")
    if not actor.installation_admin or where.organisation_id is None:
        where = AuditFilter(**{**where.__dict__, "organisation_id": actor.organisation_id})
    with uow:
        entries, total = uow.accounts.audit_entries(where, offset=offset, limit=limit)
        return AuditPage(list(entries), total, offset, limit)
