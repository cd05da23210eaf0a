"""Claim chart page: a portfolio patent and a product text → a chart, element by element;
the same chart downloaded as HTML, PDF or CSV (an export: allowed, confirmed, recorded)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.rights import RightKind
from ipsentry.errors import ConfirmationNeeded
from ipsentry.reports.claim_chart import pdf_bytes, render_csv, render_html
from ipsentry.services import claim_charts, portfolio_views
from ipsentry.services.portfolio import RightFilter
from ipsentry.web.auth import PageActor
from ipsentry.web.confirm import CONFIRMED, confirm_page, download
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
PatentField = Annotated[str, Form(max_length=40)]
ProductField = Annotated[str, Form(max_length=200_000)]
Render = Callable[[dict[str, Any]], bytes | str]
FORMATS: dict[str, tuple[str, Render]] = {
    "html": ("text/html; charset=utf-8", render_html),
    "pdf": ("application/pdf", pdf_bytes),
    "csv": ("text/csv; charset=utf-8", render_csv),
}


def _patents(uow: UowDep, actor: PageActor) -> list[tuple[str, str]]:
    rights = portfolio_views.browse_rights(uow, actor, RightFilter(kind=RightKind.PATENT))
    return [(r.display_number, f"{r.display_number} · {r.title}") for r in rights]


@router.get("/claims/chart")
def chart_form(request: Request, actor: PageActor, uow: UowDep) -> Response:
    context = {"patents": _patents(uow, actor), "chart": None, "patent": "", "product": ""}
    return render(request, "claim_chart.html", context)


@router.post("/claims/chart")
def chart(
    request: Request, actor: PageActor, uow: UowDep, patent: PatentField, product: ProductField
) -> Response:
    """The chart below the form; a refused input shows the form again (``web.forms``)."""
    found = claim_charts.chart_for(uow, actor, patent, product)
    context = {
        "patents": _patents(uow, actor),
        "patent": patent,
        "product": product,
        "chart": found.chart,
        "marking": found.marking,
    }
    return render(request, "claim_chart.html", context)


@router.post("/claims/chart/download")
def chart_download(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    patent: PatentField,
    product: ProductField,
    format: Annotated[Literal["html", "pdf", "csv"], Form()] = "pdf",
    confirm: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    """The chart as a file; privileged patents are exported only once confirmed."""
    try:
        found = claim_charts.chart_export(
            uow, actor, patent, product, format, confirmed=confirm == CONFIRMED
        )
    except ConfirmationNeeded as error:
        fields = [("patent", patent), ("product", product), ("format", format)]
        back = "/claims/chart"
        return confirm_page(request, error, "/claims/chart/download", "post", fields, back)
    media_type, make = FORMATS[format]
    number = found.chart["patent"]["number"]
    return download(make(found.chart), media_type, f"claim-chart-{number}.{format}")
