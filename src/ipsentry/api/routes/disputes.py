"""/api/v1/disputes: intake with a conflict check, suitability, mediation, outcome, escalation.

Each step is one POST on the dispute, named for what it records; the service decides who
may take it (the provider's admin, the lawyer in charge or the mediator).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.api.schemas.disputes import (
    AssessmentIn,
    AssignmentIn,
    CaseRef,
    ConfirmationIn,
    DisputeOut,
    EscalationIn,
    IntakeIn,
    OutcomeIn,
    OverrideIn,
    SessionIn,
    StatisticsOut,
)
from ipsentry.domain.accounts import Permission
from ipsentry.services import disputes

router = APIRouter(prefix="/api/v1/disputes", tags=["disputes"])


def _out(view: disputes.DisputeView) -> DisputeOut:
    return DisputeOut.model_validate(view.to_json())


@router.get("", response_model=Page[DisputeOut])
def list_disputes(
    actor: ActorDep, uow: UowDep, page: Annotated[Paging, Depends(paging)]
) -> Page[DisputeOut]:
    return page.cut([_out(v) for v in disputes.list_disputes(uow, actor)])


@router.post("", response_model=DisputeOut, status_code=201)
def take_in(body: IntakeIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    """Take in a dispute; the conflicts found are in ``conflicts`` (a certain one refuses
    the intake with 409 unless ``conflict_waiver`` says why it may go ahead)."""
    # who may take disputes in is told before what is wrong
    disputes.require_provider(actor, Permission.TAKE_IN_DISPUTES)
    intake = disputes.intake_from(body.model_dump(mode="json"), "body")
    return _out(disputes.take_in(uow, actor, intake))


@router.get("/statistics", response_model=StatisticsOut)
def statistics(actor: ActorDep, uow: UowDep) -> StatisticsOut:
    return StatisticsOut.model_validate(disputes.statistics(uow, actor).to_json())


@router.get("/{dispute_id}", response_model=DisputeOut)
def get_dispute(dispute_id: PathId, actor: ActorDep, uow: UowDep) -> DisputeOut:
    return _out(disputes.show(uow, actor, dispute_id))


@router.post("/{dispute_id}/assignment", response_model=DisputeOut)
def assign(dispute_id: PathId, body: AssignmentIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    """Put another lawyer in charge or another mediator on the dispute (the provider's
    admin or the lawyer in charge may)."""
    view = disputes.assign(
        uow,
        actor,
        dispute_id,
        provider=body.provider,
        mediator=body.mediator,
        source=("body", "provider", "mediator"),
    )
    return _out(view)


@router.post("/{dispute_id}/assessment", response_model=DisputeOut)
def assess(dispute_id: PathId, body: AssessmentIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    view, _ = disputes.assess(uow, actor, dispute_id, body.factors)
    return _out(view)


@router.post("/{dispute_id}/override", response_model=DisputeOut)
def override(dispute_id: PathId, body: OverrideIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    return _out(disputes.override(uow, actor, dispute_id, body.verdict, body.reason))


@router.post("/{dispute_id}/mediation", response_model=DisputeOut)
def start_mediation(dispute_id: PathId, actor: ActorDep, uow: UowDep) -> DisputeOut:
    return _out(disputes.start_mediation(uow, actor, dispute_id))


@router.post("/{dispute_id}/sessions", response_model=DisputeOut, status_code=201)
def add_session(dispute_id: PathId, body: SessionIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    view = disputes.add_session(
        uow,
        actor,
        dispute_id,
        body.held_on,
        body.notes,
        disclosure_agreed=body.disclosure_agreed,
        source=("body", "held_on"),
    )
    return _out(view)


@router.post("/{dispute_id}/outcome", response_model=DisputeOut)
def resolve(dispute_id: PathId, body: OutcomeIn, actor: ActorDep, uow: UowDep) -> DisputeOut:
    view = disputes.resolve(
        uow, actor, dispute_id, body.outcome, body.on, body.notes, source=("body", "on")
    )
    return _out(view)


@router.post("/{dispute_id}/judicial-confirmation", response_model=DisputeOut)
def judicial_confirmation(
    dispute_id: PathId, body: ConfirmationIn, actor: ActorDep, uow: UowDep
) -> DisputeOut:
    view = disputes.judicial_confirmation(
        uow,
        actor,
        dispute_id,
        body.state,
        body.on,
        court=body.court,
        reference=body.reference,
        source=("body", "on", "court", "reference"),
    )
    return _out(view)


@router.post("/{dispute_id}/escalation", response_model=CaseRef, status_code=201)
def escalate(dispute_id: PathId, body: EscalationIn, actor: ActorDep, uow: UowDep) -> CaseRef:
    """Open an enforcement case with the dispute's parties and rights."""
    case = disputes.escalate(uow, actor, dispute_id, body.kind, body.forum)
    assert case.id is not None
    view = disputes.show(uow, actor, dispute_id)
    return CaseRef(case_id=case.id, kind=case.kind.value, dispute=_out(view))
