"""Customs pages: recordations with their guides, the targeting queue (officers), detentions
with their deadlines and the next steps each side may take, and seizure charts."""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.domain.accounts import OrganisationKind, Permission
from ipsentry.domain.common import Money
from ipsentry.domain.customs import DetentionStatus
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.services import case_intake, customs, customs_records, customs_risk, detentions
from ipsentry.services.access import Actor
from ipsentry.web import i18n
from ipsentry.web.auth import PageActor
from ipsentry.web.charts import bar_chart
from ipsentry.web.templating import render
from ipsentry.web.terms import N_

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _overview(uow: Any, actor: Actor) -> dict[str, Any]:
    stats = customs.seizure_statistics(uow, actor).to_json()
    officer = actor.organisation_kind is OrganisationKind.CUSTOMS and actor.may(
        Permission.BORDER_CONTROL
    )
    queue = customs_risk.queue(uow, actor, limit=50) if officer else []
    return {
        "officer": officer,
        "recordations": [v.to_json() for v in customs.recordations(uow, actor)],
        "plans": [v.to_json() for v in customs.plans(uow, actor)],
        "detentions": [v.to_json() for v in customs.detentions(uow, actor)],
        "queue": [customs_risk.declaration_json(d) for d in queue],
        "stats": stats,
        "charts": {key: bar_chart(stats[key]) for key in ("by_month", "by_port", "by_direction")},
        "scored": None,
        "editable": _may_edit(actor),
    }


@router.get("/customs")
def customs_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    return render(request, "customs.html", _overview(uow, actor))


@router.post("/customs/score")
async def score_upload(
    request: Request, actor: PageActor, uow: UowDep, file: Annotated[UploadFile, File()]
) -> Response:
    """Score an uploaded declarations file into the office's targeting queue."""
    data = await file.read()
    name = FilePath(file.filename or "declarations.csv").name
    with tempfile.TemporaryDirectory(prefix="ipsentry-declarations-") as folder:
        path = FilePath(folder) / name
        path.write_bytes(data)
        result = customs_risk.score_file(uow, actor, path)  # refused: the page again
    context = _overview(uow, actor)
    context["scored"] = {"rows": result.rows, "high": result.high, "medium": result.medium}
    return render(request, "customs.html", context)


def _money(amount: str, currency: str, field: str) -> Money | None:
    if not amount.strip():
        return None
    try:
        return Money(Decimal(amount.replace(",", "").strip()), currency.strip().upper())
    except (InvalidOperation, ValueError):
        message = f"{amount} {currency}: not an amount with an ISO 4217 currency"
        raise InvalidInput([Problem("form", None, field, message)]) from None


@router.post("/customs/declarations/{declaration_id}/detain")
def detain(
    actor: PageActor,
    uow: UowDep,
    declaration_id: Id,
    recordation_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    on: Annotated[date, Form()],
    value: Annotated[str, Form(max_length=40)] = "",
    currency: Annotated[str, Form(max_length=3)] = "CNY",
) -> Response:
    request = detentions.DetainRequest(
        declaration_id, recordation_id, on, value=_money(value, currency, "value")
    )
    view = detentions.detain(uow, actor, request)
    return RedirectResponse(f"/customs/detentions/{view.detention.id}", status_code=303)


@router.get("/customs/detentions/{detention_id}")
def detention_page(request: Request, actor: PageActor, uow: UowDep, detention_id: Id) -> Response:
    view = customs.detention(uow, actor, detention_id).to_json()
    holder = actor.organisation_kind is not OrganisationKind.CUSTOMS
    context = {"d": view, "holder": holder, "capture": holder and actor.may_write}
    return render(request, "customs_detention.html", context)


@router.post("/customs/detentions/{detention_id}/evidence")
def capture_seizure(
    actor: PageActor,
    uow: UowDep,
    detention_id: Id,
    case: Annotated[str, Form(max_length=80)] = "",
) -> Response:
    """The rights holder hands a detention or seizure to an enforcement case as evidence
    (as ``cases capture-seizure`` does); again files the same item under the case."""
    row = case_intake.capture_detention(uow, actor, detention_id, case_reference=case)
    target = f"/cases/{row['case_id']}" if row["case_id"] else "/evidence"
    return RedirectResponse(f"{target}#evidence-{row['id']}", status_code=303)


@router.post("/customs/detentions/{detention_id}/step")
def take_step(
    actor: PageActor,
    uow: UowDep,
    detention_id: Id,
    to: Annotated[DetentionStatus, Form()],
    on: Annotated[date, Form()],
    security: Annotated[str, Form(max_length=40)] = "",
    currency: Annotated[str, Form(max_length=3)] = "CNY",
) -> Response:
    step = detentions.Step(to, on, _money(security, currency, "security"))
    detentions.take_step(uow, actor, detention_id, step)
    return RedirectResponse(f"/customs/detentions/{detention_id}", status_code=303)


# --- recording rights and agreeing plans (the rights holder's writers) --------------------
_RECORDATION_FORM = (
    ("right", N_("Right (id or number)"), "text"),
    ("authority", N_("Authority (CN-GACC, US-CBP, EU, OTHER)"), "text"),
    ("number", N_("Recordation number"), "text"),
    ("goods", N_("Goods"), "textarea"),
    ("coverage", N_("Coverage (imports, exports, imports_and_exports)"), "text"),
    ("contact_point", N_("Contact point"), "text"),
    ("valid_from", N_("Valid from"), "date"),
    ("valid_until", N_("Valid until"), "date"),
    ("identification_guide", N_("How to tell genuine goods (free text)"), "textarea"),
)
_PLAN_FORM = (
    ("title", N_("Title"), "text"),
    ("customs", N_("Customs office (organisation slug)"), "text"),
    ("ports", N_("Ports (separated by ;)"), "text"),
    ("routes", N_("Routes, e.g. CN -> US (separated by ;)"), "text"),
    ("product_lines", N_("Product lines (separated by ;)"), "text"),
    ("starts_on", N_("Starts on"), "date"),
    ("ends_on", N_("Ends on"), "date"),
    ("holder_contact", N_("Rights holder's contact"), "text"),
    ("customs_contact", N_("Customs contact"), "text"),
    ("training", N_("Training material for officers"), "textarea"),
    ("recordations", N_("Recordations covered (numbers, separated by ;)"), "text"),
)


def _may_edit(actor: Actor) -> bool:
    """Whether to offer the forms: the service decides again when one is sent."""
    return actor.organisation_kind is not OrganisationKind.CUSTOMS and actor.may_write


def _form_page(
    request: Request, heading: str, action: str, spec: tuple[tuple[str, str, str], ...],
    values: dict[str, Any],
) -> Response:  # fmt: skip
    fields = [
        {
            "name": name,
            "label": i18n.gettext(label),
            "kind": kind,
            "value": _shown(values.get(name)),
        }
        for name, label, kind in spec
    ]
    context = {"heading": heading, "action": action, "fields": fields}
    return render(request, "customs_edit.html", context)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


async def _posted(request: Request, spec: tuple[tuple[str, str, str], ...]) -> dict[str, str]:
    form = await request.form()
    return {name: str(form.get(name) or "") for name, _, _ in spec if name in form}


@router.get("/customs/recordations/new")
def new_recordation(request: Request, actor: PageActor) -> Response:
    actor.require_write("recordations")
    return _form_page(request, i18n.gettext("Record a right with customs"), "/customs/recordations",
                      _RECORDATION_FORM, {"coverage": "imports_and_exports"})  # fmt: skip


@router.post("/customs/recordations")
async def add_recordation(request: Request, actor: PageActor, uow: UowDep) -> Response:
    fields = await _posted(request, _RECORDATION_FORM)
    view = customs_records.save_recordation(uow, actor, fields, source="form")
    return RedirectResponse(f"/customs/recordations/{view.recordation.id}", status_code=303)


@router.get("/customs/recordations/{recordation_id}/edit")
def edit_recordation_page(
    request: Request, actor: PageActor, uow: UowDep, recordation_id: Id
) -> Response:
    actor.require_write("recordations")
    view = customs.recordation(uow, actor, recordation_id).to_json()
    values = {**view, "right": str(view["right_id"])}
    heading = f"{view['authority']} {view['number']}"
    return _form_page(request, heading, f"/customs/recordations/{recordation_id}",
                      _RECORDATION_FORM, values)  # fmt: skip


@router.post("/customs/recordations/{recordation_id}")
async def edit_recordation(
    request: Request, actor: PageActor, uow: UowDep, recordation_id: Id
) -> Response:
    fields = await _posted(request, _RECORDATION_FORM)
    customs_records.save_recordation(uow, actor, fields, recordation_id=recordation_id,
                                     source="form")  # fmt: skip
    return RedirectResponse(f"/customs/recordations/{recordation_id}", status_code=303)


@router.get("/customs/plans/new")
def new_plan(request: Request, actor: PageActor) -> Response:
    actor.require_write("protection plans")
    heading = i18n.gettext("Agree a protection plan")
    return _form_page(request, heading, "/customs/plans", _PLAN_FORM, {})


@router.post("/customs/plans")
async def add_plan(request: Request, actor: PageActor, uow: UowDep) -> Response:
    customs_records.save_plan(uow, actor, await _posted(request, _PLAN_FORM), source="form")
    return RedirectResponse("/customs", status_code=303)


@router.get("/customs/plans/{plan_id}/edit")
def edit_plan_page(request: Request, actor: PageActor, uow: UowDep, plan_id: Id) -> Response:
    actor.require_write("protection plans")
    view = next((p.to_json() for p in customs.plans(uow, actor) if p.plan.id == plan_id), None)
    if view is None:
        raise NotFound(f"no protection plan {plan_id} visible to {actor.email}")
    values = {**view, "customs": view["customs"]}
    return _form_page(request, view["title"], f"/customs/plans/{plan_id}", _PLAN_FORM, values)


@router.post("/customs/plans/{plan_id}")
async def edit_plan(request: Request, actor: PageActor, uow: UowDep, plan_id: Id) -> Response:
    fields = await _posted(request, _PLAN_FORM)
    customs_records.save_plan(uow, actor, fields, plan_id=plan_id, source="form")
    return RedirectResponse("/customs", status_code=303)


@router.get("/customs/recordations/{recordation_id}")
def recordation_page(
    request: Request, actor: PageActor, uow: UowDep, recordation_id: Id
) -> Response:
    view = customs.recordation(uow, actor, recordation_id).to_json()
    editable = _may_edit(actor)
    return render(request, "customs_recordation.html", {"r": view, "editable": editable})
