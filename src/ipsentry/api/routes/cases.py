"""/api/v1/cases, /api/v1/evidence, /api/v1/takedowns, /api/v1/network: enforcement."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.cases import (
    CaptureIn,
    CaseDetailOut,
    CaseOut,
    EvidenceOut,
    NetworkOut,
    TakedownMoveIn,
    TakedownOut,
    TakedownsIn,
)
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.services import case_intake, case_views, evidence, takedowns
from ipsentry.services.network import network_of, network_record

router = APIRouter(prefix="/api/v1", tags=["enforcement"])
Paged = Annotated[Paging, Depends(paging)]


@router.get("/cases", response_model=Page[CaseOut])
def list_cases(actor: ActorDep, uow: UowDep, page: Paged) -> Page[CaseOut]:
    return page.cut([CaseOut.model_validate(r) for r in case_views.list_cases(uow, actor)])


@router.get("/cases/{case_id}", response_model=CaseDetailOut)
def get_case(case_id: PathId, actor: ActorDep, uow: UowDep) -> CaseDetailOut:
    return CaseDetailOut.model_validate(case_views.show_case(uow, actor, str(case_id)))


@router.get("/evidence", response_model=Page[EvidenceOut])
def list_evidence(actor: ActorDep, uow: UowDep, page: Paged) -> Page[EvidenceOut]:
    return page.cut([EvidenceOut.model_validate(r) for r in evidence.list_evidence(uow, actor)])


@router.post("/hits/{hit_id}/evidence", response_model=EvidenceOut, status_code=201)
def capture_hit(hit_id: PathId, body: CaptureIn, actor: ActorDep, uow: UowDep) -> EvidenceOut:
    """A confirmed hit into the evidence locker, filed under a case when one is named."""
    row = case_intake.capture_hit(uow, actor, hit_id, case_reference=body.case)
    return EvidenceOut.model_validate(row)


@router.get("/takedowns", response_model=Page[TakedownOut])
def list_takedowns(actor: ActorDep, uow: UowDep, page: Paged) -> Page[TakedownOut]:
    rows = takedowns.list_takedowns(uow, actor)
    return page.cut([TakedownOut.model_validate(r) for r in rows])


@router.post("/takedowns", response_model=list[TakedownOut], status_code=201)
def draft_takedowns(body: TakedownsIn, actor: ActorDep, uow: UowDep) -> list[TakedownOut]:
    """Draft notices from confirmed hits, one per platform and seller."""
    rows = takedowns.generate(uow, actor, date.today(), hit_ids=body.hits, case_reference=body.case)
    return [TakedownOut.model_validate(r) for r in rows]


@router.get("/takedowns/{notice_id}", response_model=TakedownOut)
def get_takedown(notice_id: PathId, actor: ActorDep, uow: UowDep) -> TakedownOut:
    return TakedownOut.model_validate(takedowns.show_takedown(uow, actor, notice_id))


@router.post("/takedowns/{notice_id}/status", response_model=TakedownOut)
def move_takedown(
    notice_id: PathId, body: TakedownMoveIn, actor: ActorDep, uow: UowDep
) -> TakedownOut:
    """Record the notice's next status; one its status does not allow is refused (409)."""
    row = takedowns.move(uow, actor, notice_id, body.status, body.on or date.today(), body.note)
    return TakedownOut.model_validate(row)


@router.get("/network", response_model=NetworkOut)
def get_network(actor: ActorDep, uow: UowDep) -> NetworkOut:
    found, marking = network_of(uow, actor)
    return NetworkOut.model_validate({**network_record(found), "marking": marking.value})
