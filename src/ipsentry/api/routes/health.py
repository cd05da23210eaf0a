"""/api/v1/health-checks: an enterprise's IP health check and the provider's programme."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.api.schemas.health import (
    DiagnosisIn,
    EnterpriseOut,
    HealthCheckOut,
    HoursIn,
    ProgrammeOut,
    StartIn,
    TaskIn,
)
from ipsentry.services import health_checks, programme

router = APIRouter(prefix="/api/v1", tags=["health checks and disputes"])
Lang = Annotated[Literal["en", "zh_Hans"], Query(description="Language of titles.")]


@router.get("/health-checks", response_model=Page[HealthCheckOut])
def list_health_checks(
    actor: ActorDep, uow: UowDep, page: Annotated[Paging, Depends(paging)], lang: Lang = "en"
) -> Page[HealthCheckOut]:
    views = health_checks.list_assessments(uow, actor)
    return page.cut([HealthCheckOut.model_validate(v.to_json(lang)) for v in views])


@router.get("/health-checks/programme", response_model=ProgrammeOut)
def get_programme(actor: ActorDep, uow: UowDep) -> ProgrammeOut:
    return ProgrammeOut.model_validate(programme.programme(uow, actor).to_json())


@router.get("/health-checks/enterprises", response_model=list[EnterpriseOut])
def list_enterprises(actor: ActorDep, uow: UowDep) -> list[EnterpriseOut]:
    """Enterprises that engaged the caller's provider: the slugs a new check may name."""
    served = health_checks.enterprises_served(uow, actor)
    return [EnterpriseOut(slug=slug, name=name) for slug, name in served]


@router.get("/health-checks/{assessment_id}", response_model=HealthCheckOut)
def get_health_check(
    assessment_id: PathId, actor: ActorDep, uow: UowDep, lang: Lang = "en"
) -> HealthCheckOut:
    return HealthCheckOut.model_validate(
        health_checks.show(uow, actor, assessment_id).to_json(lang)
    )


@router.patch("/health-checks/{assessment_id}/answers", response_model=HealthCheckOut)
def save_answers(
    assessment_id: PathId,
    actor: ActorDep,
    uow: UowDep,
    answers: Annotated[dict[str, Any], Body(description="Question id to answer; null clears one.")],
) -> HealthCheckOut:
    """Save answers as they come. A follow-up is answered once its trigger holds (in this
    request or before); one whose trigger is changed later is kept but no longer counted."""
    view = health_checks.answer(uow, actor, assessment_id, answers, "body")
    return HealthCheckOut.model_validate(view.to_json())


@router.post("/health-checks/{assessment_id}/diagnosis", response_model=HealthCheckOut)
def diagnose(
    assessment_id: PathId, actor: ActorDep, uow: UowDep, body: DiagnosisIn
) -> HealthCheckOut:
    view = health_checks.diagnose(
        uow,
        actor,
        assessment_id,
        body.today or date.today(),
        package_hours=body.package_hours,
        source="body",
    )
    return HealthCheckOut.model_validate(view.to_json())


@router.post("/health-checks", response_model=HealthCheckOut, status_code=201)
def start(body: StartIn, actor: ActorDep, uow: UowDep, lang: Lang = "en") -> HealthCheckOut:
    """Open a health check: a provider's of an enterprise that engaged it, or a self-check."""
    assessment = health_checks.start(
        uow,
        actor,
        enterprise=body.enterprise,
        assignee=body.assignee,
        recheck_previous=body.recheck,
        source="body",
    )
    assert assessment.id is not None
    return HealthCheckOut.model_validate(
        health_checks.show(uow, actor, assessment.id).to_json(lang)
    )


@router.patch("/health-checks/{assessment_id}/tasks/{priority}", response_model=HealthCheckOut)
def set_task(
    assessment_id: PathId,
    priority: Annotated[int, Path(ge=1, le=10_000)],
    body: TaskIn,
    actor: ActorDep,
    uow: UowDep,
) -> HealthCheckOut:
    health_checks.set_action(uow, actor, assessment_id, priority, body.status)
    return HealthCheckOut.model_validate(health_checks.show(uow, actor, assessment_id).to_json())


@router.post("/health-checks/{assessment_id}/hours", response_model=HealthCheckOut)
def record_hours(
    assessment_id: PathId, body: HoursIn, actor: ActorDep, uow: UowDep
) -> HealthCheckOut:
    health_checks.record_hours(uow, actor, assessment_id, body.hours, "body")
    return HealthCheckOut.model_validate(health_checks.show(uow, actor, assessment_id).to_json())
