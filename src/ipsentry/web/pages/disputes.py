"""Dispute pages: the caseload (admins: all; others: assigned), the intake form, and one
dispute with its suitability factors, privileged sessions and outcome, and a form for each
step a provider takes on it. The services decide who may take a step; the page only
offers the steps that the dispute's state allows."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.accounts import Permission
from ipsentry.domain.cases import CaseKind
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.disputes import (
    OUTCOME_NOTES_LIMIT,
    SESSION_NOTES_LIMIT,
    JudicialConfirmation,
    OutcomeKind,
    dispute_statistics,
)
from ipsentry.domain.mediation import Suitability, policy
from ipsentry.errors import Conflict, InvalidInput, Problem, echoed
from ipsentry.services import disputes, outreach
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Text = Annotated[str, Form(max_length=20_000)]
FACT = ("yes", "no", "unknown")


def _back(dispute_id: int) -> Response:
    return RedirectResponse(f"/disputes/{dispute_id}", status_code=303)


@router.get("/disputes")
def disputes_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    views = disputes.list_disputes(uow, actor)
    figures = dispute_statistics(v.dispute for v in views)
    listed = [v.to_json() for v in views]
    context = {
        "disputes": listed,
        "figures": figures,
        "may_take_in": disputes.handles_disputes(actor, Permission.TAKE_IN_DISPUTES),
    }
    return render(request, "disputes.html", context)


@router.get("/disputes/new")
def intake_page(request: Request, actor: PageActor) -> Response:
    disputes.require_provider(actor, Permission.TAKE_IN_DISPUTES)
    return render(request, "dispute_intake.html", {"today": date.today().isoformat()})


@router.post("/disputes/new")
def take_in(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    title: Annotated[str, Form(max_length=500)],
    claimant: Annotated[str, Form(max_length=500)],
    respondent: Annotated[str, Form(max_length=500)],
    received_on: Annotated[date, Form()],
    claims: Text = "",
    rights: Text = "",
    amount: Annotated[str, Form(max_length=40)] = "",
    currency: Annotated[str, Form(max_length=3)] = "",
    done_already: Text = "",
    assignee: Annotated[str, Form(max_length=320)] = "",
    conflict_waiver: Text = "",
) -> Response:
    """Take in a dispute; a certain conflict shows the form again with what was found."""
    intake = disputes.intake_from(
        {
            "title": title,
            "claimant": claimant,
            "respondent": respondent,
            "received_on": received_on,
            "claims": claims,
            # one number a line: a number may hold commas ('US 10,357,623')
            "rights": [line.strip() for line in rights.splitlines() if line.strip()],
            "amount": {"amount": amount, "currency": currency} if amount or currency else None,
            "done_already": done_already,
            "assignee": assignee.strip() or None,
            "conflict_waiver": conflict_waiver,
        },
        "form",
    )
    try:
        view = disputes.take_in(uow, actor, intake)
    except Conflict as found:
        if conflict_waiver.strip():
            raise
        # the one refusal a waiver answers (a certain conflict): the form again with what
        # was found beside the field that records why the intake may go ahead
        raise InvalidInput([Problem("form", None, "conflict_waiver", str(found))]) from None
    assert view.dispute.id is not None
    return _back(view.dispute.id)


@router.get("/disputes/{dispute_id}")
def dispute_page(request: Request, actor: PageActor, uow: UowDep, dispute_id: Id) -> Response:
    view = disputes.show(uow, actor, dispute_id)
    may_act = disputes.handles_disputes(actor)
    context = {
        "d": view.to_json(),
        "may_act": may_act,
        # session records are privileged: offered to those cleared to write them
        "may_record_sessions": may_act and actor.may_read(Confidentiality.PRIVILEGED),
        "may_refer": disputes.handles_disputes(actor, Permission.TAKE_IN_DISPUTES),
        "may_assign": disputes.may_assign(actor, view.dispute),
        "factors": [
            (f.key, f.text.get(str(request.state.locale)) or f.text["en"]) for f in policy().factors
        ],
        "facts": FACT,
        "verdicts": [v.value for v in Suitability],
        "outcomes": [o.value for o in OutcomeKind],
        "confirmations": [c.value for c in JudicialConfirmation],
        "case_kinds": [k.value for k in CaseKind],
        "members": outreach.enterprises_served(uow, actor) if may_act else [],
        "limits": {"session": SESSION_NOTES_LIMIT, "outcome": OUTCOME_NOTES_LIMIT},
        "today": date.today().isoformat(),
    }
    return render(request, "dispute.html", context)


@router.post("/disputes/{dispute_id}/assignment")
def assign(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    provider: Annotated[str, Form(max_length=320)] = "",
    mediator: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    disputes.assign(
        uow,
        actor,
        dispute_id,
        provider=provider,
        mediator=mediator,
        source=("form", "provider", "mediator"),
    )
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/assessment")
async def assess(request: Request, actor: PageActor, uow: UowDep, dispute_id: Id) -> Response:
    """Each factor's radio button: yes, no, or unknown (kept as it was)."""
    form = await request.form()
    known = {f"factor_{f.key}" for f in policy().factors}
    problems = [
        Problem("form", None, name, "no such factor")
        for name in form
        if name.startswith("factor_") and name not in known
    ] + [
        Problem("form", None, name, f"give {', '.join(FACT)}, not {echoed(form[name])}")
        for name in known & set(form)
        if form[name] not in FACT
    ]
    if problems:
        raise InvalidInput(problems)
    factors = {
        name.removeprefix("factor_"): form[name] == "yes"
        for name in known & set(form)
        if form[name] in ("yes", "no")
    }
    disputes.assess(uow, actor, dispute_id, factors)
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/override")
def override(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    verdict: Annotated[Suitability, Form()],
    reason: Text,
) -> Response:
    disputes.override(uow, actor, dispute_id, verdict, reason)
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/mediation")
def start_mediation(actor: PageActor, uow: UowDep, dispute_id: Id) -> Response:
    disputes.start_mediation(uow, actor, dispute_id)
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/sessions")
def add_session(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    held_on: Annotated[date, Form()],
    notes: Annotated[str, Form(max_length=SESSION_NOTES_LIMIT)] = "",
    disclose: Annotated[bool, Form()] = False,
) -> Response:
    disputes.add_session(
        uow,
        actor,
        dispute_id,
        held_on,
        notes,
        disclosure_agreed=disclose,
        source=("form", "held_on"),
    )
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/outcome")
def resolve(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    outcome: Annotated[OutcomeKind, Form()],
    on: Annotated[date, Form()],
    notes: Annotated[str, Form(max_length=OUTCOME_NOTES_LIMIT)] = "",
) -> Response:
    disputes.resolve(uow, actor, dispute_id, outcome, on, notes, source=("form", "on"))
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/judicial-confirmation")
def judicial_confirmation(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    state: Annotated[JudicialConfirmation, Form()],
) -> Response:
    disputes.judicial_confirmation(uow, actor, dispute_id, state)
    return _back(dispute_id)


@router.post("/disputes/{dispute_id}/escalation")
def escalate(
    actor: PageActor,
    uow: UowDep,
    dispute_id: Id,
    kind: Annotated[CaseKind, Form()],
    forum: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    disputes.escalate(uow, actor, dispute_id, kind, forum)
    return _back(dispute_id)
