"""Claim chart page: a portfolio patent and a product text → a chart, element by element."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.rights import RightKind
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import claim_charts, portfolio_views
from ipsentry.services.portfolio import RightFilter
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@cache
def charter() -> claim_charts.Charter:
    """One warm engine per server process (lexical matching: no encoder to load)."""
    return claim_charts.Charter(dense=False)


def _patents(uow: UowDep, actor: PageActor) -> list[tuple[str, str]]:
    rights = portfolio_views.browse_rights(uow, actor, RightFilter(kind=RightKind.PATENT))
    return [(r.display_number, f"{r.display_number} · {r.title}") for r in rights]


@router.get("/claims/chart")
def chart_form(request: Request, actor: PageActor, uow: UowDep) -> Response:
    context = {"patents": _patents(uow, actor), "chart": None, "patent": "", "product": ""}
    return render(request, "claim_chart.html", context | {"problems": []})


@router.post("/claims/chart")
def chart(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    patent: Annotated[str, Form(max_length=40)],
    product: Annotated[str, Form(max_length=200_000)],
) -> Response:
    context: dict[str, Any] = {
        "patents": _patents(uow, actor),
        "patent": patent,
        "product": product,
    }
    try:
        if not product.strip():
            raise InvalidInput([Problem("form", None, "product", "is empty")])
        right = claim_charts.portfolio_patent(uow, actor, patent)
        record = charter().chart(right, product, "product text")
    except InvalidInput as error:
        problems = [str(p) for p in error.problems]
        return render(
            request, "claim_chart.html", context | {"chart": None, "problems": problems}, 422
        )
    context |= {"chart": record, "problems": [], "marking": right.confidentiality}
    return render(request, "claim_chart.html", context)
