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
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import customs, customs_risk, detentions
from ipsentry.services.access import Actor
from ipsentry.web.auth import PageActor
from ipsentry.web.charts import bar_chart
from ipsentry.web.templating import render

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
    return render(request, "customs_detention.html", {"d": view, "holder": holder})


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


@router.get("/customs/recordations/{recordation_id}")
def recordation_page(
    request: Request, actor: PageActor, uow: UowDep, recordation_id: Id
) -> Response:
    view = customs.recordation(uow, actor, recordation_id).to_json()
    return render(request, "customs_recordation.html", {"r": view})
