"""Upload observations (a screening job), watch the job, and review the hits."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep, runner_of, settings_of
from ipsentry.api.schemas.common import Blank
from ipsentry.domain.accounts import Permission, roles_with
from ipsentry.domain.observations import ObservationKind
from ipsentry.domain.screening import ReviewStatus
from ipsentry.errors import InvalidInput, Problem, VersionConflict
from ipsentry.services import jobs, review, screening_upload
from ipsentry.web.auth import PageActor
from ipsentry.web.markings import strictest_marking
from ipsentry.web.templating import render
from ipsentry.wording import message_of

router = APIRouter(include_in_schema=False)
Id = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/upload")
def upload_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    context = {"jobs": jobs.recent(uow, actor), "uploaders": roles_with(Permission.SCREEN)}
    return render(request, "upload.html", context)


@router.post("/upload")
async def upload(
    request: Request, actor: PageActor, file: Annotated[UploadFile, File()]
) -> Response:
    """A screening job; a refused file shows the upload page again with each problem."""
    data = await file.read()
    url, name = settings_of(request).database_url, file.filename or "upload"
    job = screening_upload.start(url, actor, runner_of(request), name, data)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job_page(request: Request, actor: PageActor, uow: UowDep, job_id: Id) -> Response:
    return render(request, "job.html", {"job": jobs.get(uow, actor, job_id)})


@router.get("/jobs/{job_id}/status")
def job_status(request: Request, actor: PageActor, uow: UowDep, job_id: Id) -> Response:
    """The job's progress as a fragment; htmx polls it until the job has finished."""
    return render(request, "_job_status.html", {"job": jobs.get(uow, actor, job_id)})


@router.get("/review")
def review_page(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    status: Annotated[review.StatusChoice | None, Blank] = None,
    channel: Annotated[ObservationKind | None, Blank] = None,
) -> Response:
    where = review.HitFilter(statuses=review.statuses_of(status), channel=channel)
    context = _queue_context(review.queue(uow, actor, where).items)
    context |= {
        "status": status.value if status else "",
        "channel": channel.value if channel else "",
    }
    return render(request, "review.html", context)


def _queue_context(items: list[review.ReviewItem]) -> dict[str, Any]:
    return {
        "items": items,
        "marking": strictest_marking(i.marking for i in items),
        "status": "",
        "channel": "",
        "statuses": [s.value for s in ReviewStatus],
        "channels": [c.value for c in ObservationKind],
        "conflict": None,
        "bulk": [],
    }


def _chosen(values: list[str]) -> list[tuple[int, int]]:
    chosen = []
    for value in values:
        hit, _, version = value.partition(":")
        if not (hit.isdigit() and version.isdigit()):
            raise InvalidInput([Problem("form", None, "hit", f"{value!r} is not HIT:VERSION")])
        chosen.append((int(hit), int(version)))
    return chosen


@router.post("/review/bulk")
def decide_many(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    decision: Annotated[ReviewStatus, Form()],
    reason: Annotated[str, Form(max_length=2000)],
    hit: Annotated[list[str], Form(max_length=40)],
) -> Response:
    """One decision for every ticked hit; stale or refused ones are listed, not lost."""
    result = review.decide_many(uow, actor, _chosen(hit), decision, reason)
    if not result.conflicts and not result.refused:
        return RedirectResponse("/review", status_code=303)
    items = review.queue(uow, actor).items
    messages = [message_of(c) for c in result.conflicts] + result.refused
    return render(request, "review.html", _queue_context(items) | {"bulk": messages}, 409)


@router.post("/review/{hit_id}")
def decide(
    request: Request,
    actor: PageActor,
    uow: UowDep,
    hit_id: Id,
    decision: Annotated[ReviewStatus, Form()],
    reason: Annotated[str, Form(max_length=2000)],
    version: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    try:
        review.decide(uow, actor, hit_id, decision, reason, version)
    except VersionConflict as conflict:
        conflicted = {"hit": hit_id, "message": message_of(conflict), "current": conflict.current}
        context = _queue_context(review.queue(uow, actor).items) | {"conflict": conflicted}
        return render(request, "review.html", context, 409)
    return RedirectResponse(f"/review#after-{hit_id}", status_code=303)
