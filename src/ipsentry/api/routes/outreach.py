"""/api/v1/outreach: a provider's seminars, consultations and anonymised case studies, and
the case studies shared with an enterprise, for its people to read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.api.schemas.outreach import (
    AttendanceIn,
    CaseStudyIn,
    OutreachIn,
    OutreachOut,
    SharedCaseStudyOut,
)
from ipsentry.domain.outreach import OutreachKind
from ipsentry.services import outreach

router = APIRouter(prefix="/api/v1/outreach", tags=["disputes"])


@router.get("", response_model=Page[OutreachOut])
def list_events(
    actor: ActorDep, uow: UowDep, page: Annotated[Paging, Depends(paging)]
) -> Page[OutreachOut]:
    return page.cut([OutreachOut.model_validate(e.to_json()) for e in outreach.events(uow, actor)])


@router.post("", response_model=OutreachOut, status_code=201)
def record_event(body: OutreachIn, actor: ActorDep, uow: UowDep) -> OutreachOut:
    event = outreach.record_event(
        uow,
        actor,
        OutreachKind(body.kind),
        body.title,
        body.held_on,
        attendance=body.attendance,
        enterprises=body.enterprises,
        summary=body.summary,
        source="body",
        enterprises_field="enterprises",
    )
    return OutreachOut.model_validate(event.to_json())


@router.patch("/{event_id}", response_model=OutreachOut)
def record_attendance(
    event_id: PathId, body: AttendanceIn, actor: ActorDep, uow: UowDep
) -> OutreachOut:
    """How many attended an event announced ahead, once it is held (or a corrected count)."""
    event = outreach.record_attendance(uow, actor, event_id, body.attendance, "body")
    return OutreachOut.model_validate(event.to_json())


@router.post("/case-studies/{dispute_id}", response_model=OutreachOut, status_code=201)
def write_case_study(
    dispute_id: PathId,
    body: CaseStudyIn,
    actor: ActorDep,
    uow: UowDep,
) -> OutreachOut:
    """An anonymised case study from a dispute (never its privileged session records)."""
    study = outreach.case_study(
        uow,
        actor,
        dispute_id,
        body.title,
        body.held_on,
        "body",
        enterprises=body.enterprises,
        enterprises_field="enterprises",
    )
    return OutreachOut.model_validate(study.to_json())


@router.get("/case-studies", response_model=Page[SharedCaseStudyOut])
def shared_case_studies(
    actor: ActorDep, uow: UowDep, page: Annotated[Paging, Depends(paging)]
) -> Page[SharedCaseStudyOut]:
    """The case studies legal-service providers shared with the caller's organisation."""
    shared = outreach.shared_with(uow, actor)
    return page.cut([SharedCaseStudyOut.model_validate(s.to_json()) for s in shared])
