"""The dashboard: the portfolio by kind, office and family, and deadlines due soon."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.services import dashboard
from ipsentry.web.auth import PageActor
from ipsentry.web.charts import bar_chart
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    figures = dashboard.figures(uow, actor)
    charts = {name: bar_chart(counts) for name, counts in figures.counts.items()}
    return render(request, "dashboard.html", {"figures": figures, "charts": charts})
