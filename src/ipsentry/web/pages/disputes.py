"""Dispute pages: the caseload (admins: all; others: assigned) and one dispute with its
suitability factors, privileged sessions and outcome."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.disputes import dispute_statistics
from ipsentry.services import disputes
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/disputes")
def disputes_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    views = disputes.list_disputes(uow, actor)
    figures = dispute_statistics(v.dispute for v in views)
    listed = [v.to_json() for v in views]
    return render(request, "disputes.html", {"disputes": listed, "figures": figures})


@router.get("/disputes/{dispute_id}")
def dispute_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    dispute_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    return render(request, "dispute.html", {"d": disputes.show(uow, actor, dispute_id).to_json()})
