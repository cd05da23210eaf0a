"""A legal-service provider's programme page: the figures it reports (enterprises served,
loopholes by section and severity, service hours, tasks, disputes by state) and its
outreach, with forms to record a seminar or consultation and to write a case study; and
the case studies shared with an enterprise, as its people read them."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.health_library import health_check
from ipsentry.domain.outreach import ATTENDANCE_MAX, EVENT_KINDS, EventKind, OutreachKind
from ipsentry.services import outreach, programme
from ipsentry.web.auth import PageActor
from ipsentry.web.charts import bar_chart
from ipsentry.web.markings import strictest
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
SEVERITIES = ("critical", "high", "medium", "low")


@router.get("/programme")
def programme_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    data = programme.programme(uow, actor).to_json()
    lang = str(request.state.locale)
    titles = {
        s.key: s.title.get(lang) or s.title["en"] for s in health_check().questionnaire.sections
    }
    by_section = data["findings_by_section"]
    chart = bar_chart({titles.get(k, k): sum(v.values()) for k, v in by_section.items()})
    context = {
        "p": data,
        "chart": chart,
        "titles": titles,
        "severities": SEVERITIES,
        "events": [
            e.to_json() | {"scheduled": not outreach.held(e.held_on)}
            for e in outreach.events(uow, actor)
        ],
        "may_record": outreach.may_record(actor),
        "kinds": [k.value for k in EVENT_KINDS],
        "members": outreach.enterprises_served(uow, actor),
        "today": date.today().isoformat(),
    }
    return render(request, "programme.html", context)


@router.post("/programme/outreach")
def record_event(
    actor: PageActor,
    uow: UowDep,
    kind: Annotated[EventKind, Form()],
    title: Annotated[str, Form(max_length=500)],
    held_on: Annotated[date, Form()],
    attendance: Annotated[int, Form(ge=0, le=ATTENDANCE_MAX)] = 0,
    summary: Annotated[str, Form(max_length=20_000)] = "",
    enterprise: Annotated[list[str] | None, Form()] = None,
) -> Response:
    outreach.record_event(
        uow,
        actor,
        OutreachKind(kind),
        title,
        held_on,
        attendance=attendance,
        enterprises=enterprise,
        summary=summary,
        source="form",
    )
    return RedirectResponse("/programme", status_code=303)


@router.post("/programme/outreach/{event_id}/attendance")
def record_attendance(
    actor: PageActor,
    uow: UowDep,
    event_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    attendance: Annotated[int, Form(ge=0, le=ATTENDANCE_MAX)],
) -> Response:
    outreach.record_attendance(uow, actor, event_id, attendance, "form")
    return RedirectResponse("/programme", status_code=303)


@router.post("/programme/case-studies/{dispute_id}")
def write_case_study(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
    held_on: Annotated[date, Form()],
    title: Annotated[str, Form(max_length=500)] = "",
    enterprise: Annotated[list[str] | None, Form()] = None,
) -> Response:
    outreach.case_study(uow, actor, dispute_id, title, held_on, "form", enterprises=enterprise)
    return RedirectResponse("/programme", status_code=303)


@router.get("/case-studies")
def shared_case_studies(request: Request, actor: PageActor, uow: UowDep) -> Response:
    """What providers shared with the user's enterprise: read here, never changed."""
    shared = outreach.shared_with(uow, actor)
    context = {
        "studies": [s.to_json() for s in shared],
        "marking": strictest(s.study for s in shared),
    }
    return render(request, "case_studies.html", context)
