"""Portfolio pages: the list with search and filters, a patent, a trademark."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.rights import LegalStatus, Patent, RightKind, Trademark
from ipsentry.services import portfolio_views
from ipsentry.services.portfolio import RightFilter
from ipsentry.web.auth import PageActor
from ipsentry.web.markings import strictest
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/portfolio")
def portfolio_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    q: Annotated[str, Query(max_length=200)] = "",
    kind: RightKind | Literal[""] = "",
    jurisdiction: Annotated[str, Query(max_length=2)] = "",
    family: Annotated[str, Query(max_length=200)] = "",
    status: LegalStatus | Literal[""] = "",
) -> Response:
    where = RightFilter(kind or None, jurisdiction or None, family or None, status or None)
    rights = portfolio_views.browse_rights(uow, actor, where, q)
    every = portfolio_views.browse_rights(uow, actor, RightFilter())
    return render(
        request,
        "portfolio.html",
        {
            "rights": rights,
            "marking": strictest(rights),
            "q": q,
            "kind": kind,
            "jurisdiction": jurisdiction,
            "family": family,
            "status": status,
            "kinds": [k.value for k in RightKind],
            "statuses": [s.value for s in LegalStatus],
            "offices": sorted({r.jurisdiction for r in every}),
            "families": sorted({r.technology_family for r in every if r.technology_family}),
        },
    )


@router.get("/portfolio/{right_id}")
def right_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    right_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
) -> Response:
    right = portfolio_views.right_by_id(uow, actor, right_id)
    template = "patent.html" if isinstance(right, Patent) else "trademark.html"
    context = {"right": right, "marking": right.confidentiality}
    if isinstance(right, Trademark):
        context["classes"] = sorted(right.classes, key=lambda c: c.number)
    return render(request, template, context)
