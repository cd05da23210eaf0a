"""Enforcement pages: cases, one case (resolved respondents from the record, timeline,
respondent × right table, evidence, takedowns), its exhibit binder, the evidence locker,
takedown notices and the infringer network; capturing a confirmed hit from the review
queue and drafting its takedown."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Form, Path, Query, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.exhibits import Bates
from ipsentry.domain.takedowns import TAKEDOWN_MOVES, TakedownStatus
from ipsentry.errors import ConfirmationNeeded
from ipsentry.services import binders, case_intake, case_views, evidence, exports, takedowns
from ipsentry.services.network import network_of, network_record
from ipsentry.web.auth import PageActor
from ipsentry.web.confirm import CONFIRMED, confirm_page, download
from ipsentry.web.markings import strictest_marking
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]
Confirm = Annotated[str, Query(max_length=3)]


def _refused_export(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    what: str,
    marking: Confidentiality,
    confirm: str,
    action: str,
    back: str,
    entity: tuple[str, int],
) -> Response | None:
    """None when the export may go on (recorded); else the confirmation page (409)."""
    try:
        exports.authorise(
            uow,
            actor,
            what,
            marking,
            confirmed=confirm == CONFIRMED,
            entity=entity[0],
            entity_id=entity[1],
            details={"format": "pdf"},
        )
    except ConfirmationNeeded as error:
        return confirm_page(request, error, action, "get", [], back)
    return None


@router.get("/cases")
def cases_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    rows = case_views.list_cases(uow, actor)
    marking = strictest_marking(Confidentiality(r["confidentiality"]) for r in rows)
    return render(request, "cases.html", {"cases": rows, "marking": marking})


@router.get("/cases/{case_id}")
def case_page(request: Request, actor: PageActor, uow: UowDep, case_id: Id) -> Response:
    return render(request, "case.html", {"c": case_views.case_page(uow, actor, case_id)})


@router.get("/cases/{case_id}/binder.pdf")
def binder(
    request: Request, actor: PageActor, uow: UowDep, case_id: Id, confirm: Confirm = ""
) -> Response:
    """The case's exhibits as a Bates-numbered binder (the actor's clearance decides which):
    an export, confirmed when privileged, recorded."""
    detail = case_views.case_page(uow, actor, case_id)
    ids = [e["id"] for e in detail["evidence"]]
    back = f"/cases/{case_id}"
    refused = _refused_export(request, actor, uow, f"the exhibit binder of case {case_id}",
                              detail["marking"], confirm, f"{back}/binder.pdf", back,
                              ("case", case_id))  # fmt: skip
    if refused is not None:
        return refused
    with tempfile.TemporaryDirectory() as folder:
        path = FilePath(folder) / "binder.pdf"
        binders.make_binder(uow, actor, path, title=f"{detail['number']} — exhibits",
                            bates=Bates(), item_ids=ids)  # fmt: skip
        content = path.read_bytes()
    return download(content, "application/pdf", f"binder-{case_id}.pdf")


@router.get("/evidence")
def evidence_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    rows = evidence.list_evidence(uow, actor)
    marking = strictest_marking(Confidentiality(r["confidentiality"]) for r in rows)
    return render(request, "evidence.html", {"items": rows, "marking": marking})


@router.post("/review/{hit_id}/evidence")
def capture(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    hit_id: Id,
    case: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    """Capture a confirmed hit as evidence, filed under the chosen case."""
    row = case_intake.capture_hit(uow, actor, hit_id, case_reference=case)
    target = f"/cases/{row['case_id']}" if row["case_id"] else "/evidence"
    return RedirectResponse(f"{target}#evidence-{row['id']}", status_code=303)


@router.get("/takedowns")
def takedowns_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    rows = takedowns.list_takedowns(uow, actor)
    marking = strictest_marking(Confidentiality(r["confidentiality"]) for r in rows)
    return render(request, "takedowns.html", {"notices": rows, "marking": marking})


@router.post("/takedowns")
def draft(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    hit: Annotated[list[int], Form(max_length=200)],
    case: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    """Draft the takedown notices of the chosen confirmed hits."""
    rows = takedowns.generate(uow, actor, date.today(), hit_ids=hit, case_reference=case)
    return RedirectResponse(f"/takedowns/{rows[0]['id']}", status_code=303)


@router.get("/takedowns/{notice_id}")
def takedown_page(request: Request, actor: PageActor, uow: UowDep, notice_id: Id) -> Response:
    facts = takedowns.notice_facts(uow, actor, notice_id, date.today())
    notice = facts["notice"]
    moves = sorted(s.value for s in TAKEDOWN_MOVES[TakedownStatus(notice["status"])])
    return render(request, "takedown.html", {"f": facts, "n": notice, "moves": moves})


@router.post("/takedowns/{notice_id}")
def move(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    notice_id: Id,
    status: Annotated[TakedownStatus, Form()],
    note: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    takedowns.move(uow, actor, notice_id, status, date.today(), note)
    return RedirectResponse(f"/takedowns/{notice_id}", status_code=303)


@router.get("/takedowns/{notice_id}/notice.pdf")
def notice_pdf(
    request: Request, actor: PageActor, uow: UowDep, notice_id: Id, confirm: Confirm = ""
) -> Response:
    from ipsentry.reports.takedown_notice import notice_pdf as render_pdf

    facts = takedowns.notice_facts(uow, actor, notice_id, date.today())
    back = f"/takedowns/{notice_id}"
    marking = Confidentiality(facts["notice"]["confidentiality"])
    what, action = f"takedown notice {notice_id}", f"{back}/notice.pdf"
    refused = _refused_export(
        request, actor, uow, what, marking, confirm, action, back, ("takedown", notice_id)
    )
    if refused is not None:
        return refused
    return download(render_pdf(facts), "application/pdf", f"takedown-{notice_id}.pdf")


@router.get("/network")
def network_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    from ipsentry.reports.network_graph import network_svg

    found, marking = network_of(uow, actor)
    context = {"svg": network_svg(found), "n": network_record(found), "marking": marking}
    return render(request, "network.html", context)
