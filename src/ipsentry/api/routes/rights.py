"""/api/v1/rights: the portfolio, filtered and paged; one right with claims or classes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.api.schemas.rights import RightDetail, RightSummary
from ipsentry.domain.rights import LegalStatus, RightKind
from ipsentry.services import portfolio_views
from ipsentry.services.portfolio import RightFilter

router = APIRouter(prefix="/api/v1/rights", tags=["rights"])


@router.get("", response_model=Page[RightSummary])
def list_rights(
    actor: ActorDep,
    uow: UowDep,
    page: Annotated[Paging, Depends(paging)],
    kind: RightKind | None = None,
    jurisdiction: Annotated[str | None, Query(max_length=2, pattern="^[A-Za-z]{2}$")] = None,
    family: Annotated[str | None, Query(max_length=200)] = None,
    status: LegalStatus | None = None,
    q: Annotated[str, Query(max_length=200, description="Words all found in the right.")] = "",
) -> Page[RightSummary]:
    where = RightFilter(kind, jurisdiction, family, status.value if status else None)
    rights = portfolio_views.browse_rights(uow, actor, where, q)
    return page.cut([RightSummary.of(r) for r in rights])


@router.get("/{right_id}", response_model=RightDetail)
def get_right(right_id: PathId, actor: ActorDep, uow: UowDep) -> RightDetail:
    return RightDetail.of(portfolio_views.right_by_id(uow, actor, right_id))
