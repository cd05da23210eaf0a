"""The audit log page: newest first, filtered by action, paged."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.services import audit
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE = 50


@router.get("/audit")
def audit_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    action: Annotated[str, Query(max_length=80)] = "",
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Response:
    page = audit.browse(
        uow, actor, audit.AuditFilter(action=action or None), offset=offset, limit=PAGE
    )
    context = {"page": page, "action": action, "marking": page.marking}
    return render(request, "audit.html", context)
