"""/api/v1: observations upload (a screening job), jobs, hits and review decisions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile

from ipsentry.api.deps import ActorDep, UowDep, runner_of, settings_of
from ipsentry.api.schemas.common import Blank, Page, Paging, PathId, paging
from ipsentry.api.schemas.screening import DecisionIn, HitOut, JobOut
from ipsentry.domain.observations import ObservationKind
from ipsentry.domain.screening import HitKind
from ipsentry.services import jobs, review, screening_upload

router = APIRouter(prefix="/api/v1", tags=["screening"])


@router.post("/observations/upload", response_model=JobOut, status_code=202)
async def upload(request: Request, actor: ActorDep, file: Annotated[UploadFile, File()]) -> JobOut:
    data = await file.read()
    settings = settings_of(request)
    job = screening_upload.start(
        settings.database_url, actor, runner_of(request), file.filename or "upload", data
    )
    return JobOut.of(job)


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(job_id: PathId, actor: ActorDep, uow: UowDep) -> JobOut:
    return JobOut.of(jobs.get(uow, actor, job_id))


@router.get("/hits", response_model=Page[HitOut])
def list_hits(
    actor: ActorDep,
    uow: UowDep,
    page: Annotated[Paging, Depends(paging)],
    status: Annotated[
        review.StatusChoice | None,
        Blank,
        Query(
            description="open, confirmed, dismissed or escalated; all: every status; "
            "unset: open and escalated (the hits still waiting for a decision)"
        ),
    ] = None,
    channel: Annotated[ObservationKind | None, Blank] = None,
    kind: Annotated[HitKind | None, Blank] = None,
) -> Page[HitOut]:
    """The review queue, best first; by default what still waits for a decision."""
    where = review.HitFilter(statuses=review.statuses_of(status), channel=channel, kind=kind)
    found = review.queue(uow, actor, where, offset=page.offset, limit=page.limit)
    items = [HitOut.of(i) for i in found.items]
    return Page(items=items, total=found.total, offset=page.offset, limit=page.limit)


@router.get("/hits/{hit_id}", response_model=HitOut)
def get_hit(hit_id: PathId, actor: ActorDep, uow: UowDep) -> HitOut:
    return HitOut.of(review.item(uow, actor, hit_id))


@router.post("/hits/{hit_id}/decisions", response_model=HitOut)
def decide(hit_id: PathId, body: DecisionIn, actor: ActorDep, uow: UowDep) -> HitOut:
    return HitOut.of(review.decide(uow, actor, hit_id, body.decision, body.reason, body.version))
