"""/api/v1/register/search, /api/v1/patents/search and /api/v1/claim-charts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from ipsentry.api.deps import ActorDep, UowDep, settings_of
from ipsentry.api.schemas.search import (
    ChartRequest,
    ChartResponse,
    PatentHit,
    PatentResults,
    RegisterHit,
    RegisterResults,
)
from ipsentry.services import claim_charts, index_search

router = APIRouter(prefix="/api/v1", tags=["search"])
Q = Annotated[str, Query(min_length=1, max_length=index_search.MAX_QUERY)]
TOP = Annotated[int, Query(ge=1, le=100, description="Results wanted.")]


@router.get("/register/search", response_model=RegisterResults)
def register_search(request: Request, actor: ActorDep, q: Q, top: TOP = 20) -> RegisterResults:
    """Registered names most likely confused with ``q`` (the installation's register index)."""
    folder = settings_of(request).register_index
    found = index_search.search_register(actor, folder, q, top=top)
    items = [RegisterHit.of(h) for h in found.hits]
    return RegisterResults(query=found.query, marking=found.marking, items=items)


@router.get("/patents/search", response_model=PatentResults)
def patent_search(request: Request, actor: ActorDep, q: Q, top: TOP = 20) -> PatentResults:
    """Patents that ``q`` (a claim, a product text) is most about, with the passage."""
    folder = settings_of(request).patent_index
    found = index_search.search_patent_index(actor, folder, q, top=top)
    items = [PatentHit.of(h) for h in found.hits]
    return PatentResults(query=found.query, marking=found.marking, items=items)


@router.post("/claim-charts", response_model=ChartResponse)
def chart(body: ChartRequest, actor: ActorDep, uow: UowDep) -> ChartResponse:
    """A portfolio patent's claims charted against a product text, element by element."""
    record = claim_charts.chart_for(uow, actor, body.patent, body.product, body.claims)
    return ChartResponse(marking=record.marking, chart=record.chart)
