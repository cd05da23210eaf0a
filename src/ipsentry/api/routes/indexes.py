"""/api/v1/indexes: the installation's register and patent indexes, rebuilt from an
uploaded file as a job (as the /indexes page does), by admins only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Request, UploadFile

from ipsentry.api.deps import ActorDep, UowDep, runner_of, settings_of
from ipsentry.api.schemas.indexes import IndexesOut, IndexOut
from ipsentry.api.schemas.screening import JobOut
from ipsentry.domain.jobs import JobKind
from ipsentry.services import index_jobs

router = APIRouter(prefix="/api/v1/indexes", tags=["indexes"])
Upload = Annotated[UploadFile, File()]


@router.get("", response_model=IndexesOut)
def list_indexes(request: Request, actor: ActorDep, uow: UowDep) -> IndexesOut:
    """Where each index is served from, and the latest rebuilds."""
    folders = index_jobs.served(settings_of(request), actor)
    return IndexesOut(
        indexes=[
            IndexOut(
                kind=kind,
                setting=index_jobs.INDEXES[kind].setting,
                folder=str(folder) if folder else None,
            )
            for kind, folder in folders.items()
        ],
        jobs=[JobOut.of(j) for j in index_jobs.recent(uow, actor)],
    )


async def _rebuild(request: Request, actor: ActorDep, file: Upload, kind: JobKind) -> JobOut:
    data, name = await file.read(), file.filename or "upload"
    return JobOut.of(
        index_jobs.start(settings_of(request), actor, runner_of(request), kind, name, data)
    )


@router.post("/register", response_model=JobOut, status_code=202)
async def rebuild_register(request: Request, actor: ActorDep, file: Upload) -> JobOut:
    """Rebuild the register index from a register list (.txt): checked now, built as a job."""
    return await _rebuild(request, actor, file, JobKind.REGISTER_INDEX)


@router.post("/patents", response_model=JobOut, status_code=202)
async def rebuild_patents(request: Request, actor: ActorDep, file: Upload) -> JobOut:
    """Rebuild the patent index from a corpus (JSON Lines, JSON or CSV), lexical, as a job."""
    return await _rebuild(request, actor, file, JobKind.PATENT_INDEX)
