"""Health-check pages: the list, one check with its scores and plan, the questionnaire (saved
as the user goes, follow-ups appearing once their trigger is answered), the report."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.accounts import OrganisationKind, Permission
from ipsentry.domain.health import PACKAGE_HOURS_MAX, ActionStatus
from ipsentry.domain.questionnaire import QuestionType, after_saving
from ipsentry.errors import ConfirmationNeeded
from ipsentry.reports.health_report import LABELS, score_chart, write_report
from ipsentry.services import health_checks
from ipsentry.web.auth import PageActor
from ipsentry.web.confirm import CONFIRMED, confirm_page
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _lang(request: Request) -> str:
    locale = str(request.state.locale)
    return locale if locale in LABELS else "en"


@router.get("/health-checks")
def checks_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    lang = _lang(request)
    checks = [v.to_json(lang) for v in health_checks.list_assessments(uow, actor)]
    may_assess = actor.may(Permission.ASSESS_HEALTH)
    context = {
        "checks": checks,
        "may_assess": may_assess,
        "provider": actor.organisation_kind is OrganisationKind.LEGAL_SERVICE,
        "enterprises": health_checks.enterprises_served(uow, actor) if may_assess else [],
    }
    return render(request, "health_checks.html", context)


@router.post("/health-checks")
def start(
    actor: PageActor,
    uow: UowDep,
    enterprise: Annotated[str, Form(max_length=200)] = "",
    recheck: Annotated[bool, Form()] = False,
) -> Response:
    """Open a check (a provider's of an enterprise, or a self-check) at its questionnaire."""
    assessment = health_checks.start(
        uow, actor, enterprise=enterprise or None, recheck_previous=recheck, source="form"
    )
    return RedirectResponse(f"/health-checks/{assessment.id}/questions", status_code=303)


@router.post("/health-checks/{assessment_id}/diagnosis")
def diagnose(actor: PageActor, uow: UowDep, assessment_id: Id) -> Response:
    health_checks.diagnose(uow, actor, assessment_id, date.today())
    return RedirectResponse(f"/health-checks/{assessment_id}", status_code=303)


@router.post("/health-checks/{assessment_id}/tasks/{priority}")
def set_task(
    actor: PageActor,
    uow: UowDep,
    assessment_id: Id,
    priority: Annotated[int, Path(ge=1, le=10_000)],
    status: Annotated[ActionStatus, Form()],
) -> Response:
    health_checks.set_action(uow, actor, assessment_id, priority, status)
    return RedirectResponse(f"/health-checks/{assessment_id}#plan", status_code=303)


@router.post("/health-checks/{assessment_id}/hours")
def record_hours(
    actor: PageActor,
    uow: UowDep,
    assessment_id: Id,
    hours: Annotated[float, Form(gt=0, le=PACKAGE_HOURS_MAX, allow_inf_nan=False)],
) -> Response:
    health_checks.record_hours(uow, actor, assessment_id, hours, "form")
    return RedirectResponse(f"/health-checks/{assessment_id}#package", status_code=303)


@router.get("/health-checks/{assessment_id}")
def check_page(request: Request, actor: PageActor, uow: UowDep, assessment_id: Id) -> Response:
    lang = _lang(request)
    view = health_checks.show(uow, actor, assessment_id)
    data = view.to_json(lang)
    chart = score_chart(data, LABELS[lang]) if data["sections"] else ""
    changes = {c["section"]: c for c in data["recheck"]}
    may_assess = actor.may(Permission.ASSESS_HEALTH)
    context = {
        "check": data,
        "chart": chart,
        "like_for_like": LABELS[lang]["like_for_like"],
        "changes": changes,
        "may_assess": may_assess,
        "may_diagnose": may_assess and not health_checks.providers_alone(actor, view.assessment),
        "task_states": [s.value for s in ActionStatus],
    }
    return render(request, "health_check.html", context)


def _questions(view: health_checks.AssessmentView, lang: str) -> list[dict[str, Any]]:
    answers = view.assessment.answers
    return [
        {
            "id": q.id,
            "type": q.type.value,
            "text": view.text(q.text, lang),
            "help": view.text(q.help, lang) if q.help else "",
            "unit": view.text(q.unit, lang) if q.unit else "",
            "choices": [(c, q.worded(c, lang)) for c in q.choices],
            "answer": answers.get(q.id),
            "worded": q.worded(answers[q.id], lang) if q.id in answers else "",
            "section": q.section,
            "range": (q.low, q.high),
        }
        for q in view.check.questionnaire.asked(answers)
    ]


@router.get("/health-checks/{assessment_id}/questions")
def questions_page(request: Request, actor: PageActor, uow: UowDep, assessment_id: Id) -> Response:
    lang = _lang(request)
    view = health_checks.show(uow, actor, assessment_id)
    titles = {s.key: view.text(s.title, lang) for s in view.check.questionnaire.sections}
    context = {"check": view.to_json(lang), "questions": _questions(view, lang), "titles": titles}
    return render(request, "health_questions.html", context)


@router.post("/health-checks/{assessment_id}/questions")
async def save_answers(
    request: Request, actor: PageActor, uow: UowDep, assessment_id: Id
) -> Response:
    form = await request.form()
    view = health_checks.show(uow, actor, assessment_id)
    questionnaire = view.check.questionnaire
    answers: dict[str, Any] = {}
    for question in questionnaire.asked(view.assessment.answers):
        if f"shown_{question.id}" not in form:
            continue  # not on the page that was sent
        if question.type is QuestionType.MULTI_SELECT:
            answers[question.id] = [str(v) for v in form.getlist(question.id)]
            continue
        raw = str(form.get(question.id, "")).strip()
        if not raw:
            answers[question.id] = None  # left blank: cleared
        elif question.type is QuestionType.NUMBER:
            answers[question.id] = _number(raw)
        else:
            answers[question.id] = raw
    # a trigger changed on this page takes its follow-ups (still filled in) off it: what
    # they hold stays as it was, kept but not counted, as the questionnaire keeps it
    still = {q.id for q in questionnaire.asked(after_saving(view.assessment.answers, answers))}
    sent = {k: v for k, v in answers.items() if k in still or v is None}
    health_checks.answer(uow, actor, assessment_id, sent, "form")
    return RedirectResponse(f"/health-checks/{assessment_id}/questions", status_code=303)


def _number(raw: str) -> float | str:
    """The number typed, or the text itself for the questionnaire to refuse in its words
    (what the question wants, its range), as it refuses any other answer."""
    try:
        return float(raw)
    except ValueError:
        return raw


@router.get("/health-checks/{assessment_id}/report.pdf")
def report(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    assessment_id: Id,
    confirm: Annotated[str, Query(max_length=3)] = "",
) -> Response:
    """The report as a PDF: an export (allowed, confirmed when privileged, recorded)."""
    lang = _lang(request)
    try:
        data = health_checks.report_of(
            uow, actor, assessment_id, lang, "pdf", confirmed=confirm == CONFIRMED
        )
    except ConfirmationNeeded as error:
        back = f"/health-checks/{assessment_id}"
        return confirm_page(request, error, f"{back}/report.pdf", "get", [], back)
    with tempfile.TemporaryDirectory() as folder:
        path = FilePath(folder) / "report.pdf"
        write_report(data, path, lang)
        content = path.read_bytes()
    name = f"health-check-{assessment_id}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
