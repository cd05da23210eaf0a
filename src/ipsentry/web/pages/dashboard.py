"""The dashboard: the portfolio by kind, office and family, deadlines due soon, open hits
by channel and screening activity over time."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ipsentry.api.deps import UowDep
from ipsentry.services import dashboard
from ipsentry.web.auth import PageActor
from ipsentry.web.charts import bar_chart, time_chart
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/")
def dashboard_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    figures = dashboard.figures(uow, actor)
    charts = {name: bar_chart(counts) for name, counts in figures.counts.items()}
    activity = time_chart(figures.activity, date.today(), dashboard.ACTIVITY_DAYS)
    context = {"figures": figures, "charts": charts, "activity": activity}
    return render(request, "dashboard.html", context | {"marking": figures.marking})
