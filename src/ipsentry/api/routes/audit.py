"""/api/v1/audit: the audit log, newest first, for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.audit import AuditEntryOut
from ipsentry.api.schemas.common import DATETIME, Page, Paging, as_datetime, paging
from ipsentry.services import audit

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", response_model=Page[AuditEntryOut])
def list_entries(
    actor: ActorDep,
    uow: UowDep,
    page: Annotated[Paging, Depends(paging)],
    action: Annotated[str | None, Query(max_length=80)] = None,
    entity: Annotated[str | None, Query(max_length=80)] = None,
    since: Annotated[
        str | None, Query(json_schema_extra=DATETIME, description="ISO 8601 time.")
    ] = None,
    until: Annotated[
        str | None, Query(json_schema_extra=DATETIME, description="ISO 8601 time.")
    ] = None,
) -> Page[AuditEntryOut]:
    where = audit.AuditFilter(
        action=action,
        entity=entity,
        since=as_datetime(since, "since"),
        until=as_datetime(until, "until"),
    )
    found = audit.browse(uow, actor, where, offset=page.offset, limit=page.limit)
    return Page[AuditEntryOut](
        items=[AuditEntryOut.of(e) for e in found.entries],
        total=found.total,
        offset=found.offset,
        limit=found.limit,
    )
