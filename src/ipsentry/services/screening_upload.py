"""Upload a file of observations and screen it as a background job.

The file is checked before the job is queued, so a bad row is reported at once as
``file:row: field: problem`` and nothing is stored. The job then stores the new
observations (a row already uploaded is not stored twice) and runs a portfolio screening,
whose hits join the review queue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.jobs import Job, JobKind
from ipsentry.domain.observations import Observation
from ipsentry.errors import InvalidInput, Problem
from ipsentry.services import jobs, screening, uploads
from ipsentry.services.access import Actor
from ipsentry.services.database import unit_of_work
from ipsentry.services.jobs import Progress, Runner
from ipsentry.wording import N_

FORMATS = (".csv", ".xlsx", ".json", ".jsonl")
MEGABYTES = 50
UPLOADED_FROM = "uploaded_from"  # the attribute naming the file an observation came in


def _checked(name: str, data: bytes) -> tuple[Path, list[screening.Seen]]:
    """The upload in a temporary file, read and checked; problems name the uploaded file."""
    path = uploads.saved(name, data, FORMATS, MEGABYTES)
    seen = uploads.checked(name, path, screening.read_observations)
    if not seen:
        path.unlink(missing_ok=True)
        raise InvalidInput([Problem(name, None, "(file)", N_("has no observations"))])
    return path, seen


def store_observations(url: str, actor: Actor, name: str, seen: list[screening.Seen]) -> int:
    """Stores the observations not yet uploaded from a file of this name; how many. Each
    keeps the platform and address its row gives (a takedown notice is addressed to
    them), else the file's name as its source; the file it came from is kept either way."""
    with unit_of_work(url) as uow:
        known = {
            (o.kind, o.external_id)
            for o in uow.records.observations(actor.organisation_id)
            if o.attributes.get(UPLOADED_FROM, o.source) == name
        }
        added = 0
        for s in seen:
            if (s.kind, s.key) in known:
                continue
            known.add((s.kind, s.key))
            uow.records.add(
                Observation(
                    organisation_id=actor.organisation_id,
                    kind=s.kind,
                    text=s.text,
                    description=s.description,
                    seller=s.seller,
                    declared_brand=s.declared_brand,
                    hs_code=s.hs_code,
                    source=s.platform or name,
                    url=s.url,
                    external_id=s.key,
                    attributes={UPLOADED_FROM: name},
                )
            )
            added += 1
        uow.commit()
        return added


def start(url: str, actor: Actor, runner: Runner, name: str, data: bytes) -> Job:
    """Check the upload, queue the job that stores and screens it, and return the job."""
    actor.require(Permission.SCREEN, N_("upload observations for screening"))
    path, seen = _checked(name, data)
    job = jobs.create(
        unit_of_work(url),
        actor,
        JobKind.SCREEN_UPLOAD,
        {"file": name, "rows": len(seen)},
        message=f"{name}: {len(seen)} observation(s)",
    )

    def work(progress: Progress) -> dict[str, Any]:
        try:
            added = store_observations(url, actor, name, seen)
            report = screening.run_screening(unit_of_work(url), actor, progress=progress)
        finally:
            path.unlink(missing_ok=True)
        return {
            "stored": added,
            "screened": report.screened,
            "hits": len(report.hits) + len(report.claim_hits),
            "new": len(report.new),
            "run_id": report.run_id,
        }

    assert job.id is not None
    runner.submit(url, job.id, work)
    return job
