"""Search indexes page: an admin uploads a register list or a patent corpus and the
installation's index is rebuilt as a job, watched on the job's page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep, runner_of, settings_of
from ipsentry.domain.jobs import JobKind
from ipsentry.services import index_jobs
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
Upload = Annotated[UploadFile, File()]


@router.get("/indexes")
def indexes_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    folders = index_jobs.served(settings_of(request), actor)
    context = {
        "jobs": index_jobs.recent(uow, actor),
        "register_folder": folders[JobKind.REGISTER_INDEX],
        "patent_folder": folders[JobKind.PATENT_INDEX],
    }
    return render(request, "indexes.html", context)


async def _rebuild(request: Request, actor: PageActor, file: Upload, kind: JobKind) -> Response:
    """An index job; a refused file shows the page again with each problem."""
    data, name = await file.read(), file.filename or "upload"
    job = index_jobs.start(settings_of(request), actor, runner_of(request), kind, name, data)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post("/indexes/register")
async def rebuild_register(request: Request, actor: PageActor, file: Upload) -> Response:
    return await _rebuild(request, actor, file, JobKind.REGISTER_INDEX)


@router.post("/indexes/patents")
async def rebuild_patents(request: Request, actor: PageActor, file: Upload) -> Response:
    return await _rebuild(request, actor, file, JobKind.PATENT_INDEX)
