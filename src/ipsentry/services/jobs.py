"""Jobs: stored in the database, run by a runner, watched from the page that started them.

The runner is one small interface (``Runner.submit``): the default runs jobs one at a time
on a thread of the server process; a distributed runner can take its place. Work is a
function given a ``Progress`` callback; what it returns is kept as the job's result, and
an ipsentry error it raises is kept as the job's error. When a server starts, jobs left
queued or running by a previous process are marked interrupted.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.jobs import Job, JobKind, JobStatus
from ipsentry.errors import IpsentryError, NotFound
from ipsentry.services.access import Actor
from ipsentry.services.database import UnitOfWork, unit_of_work
from ipsentry.wording import N_

Progress = Callable[[int, int], None]
Work = Callable[[Progress], dict[str, Any]]
PROGRESS_EVERY = 0.5  # seconds between progress writes, so a fast loop does not flood


class Runner(Protocol):
    def submit(self, url: str, job_id: int, work: Work) -> None: ...


def create(
    uow: UnitOfWork, actor: Actor, kind: JobKind, parameters: dict[str, Any], message: str = ""
) -> Job:
    job = Job(
        organisation_id=actor.organisation_id,
        user_id=actor.user_id,
        kind=kind,
        created_at=datetime.now(UTC),
        parameters=parameters,
        message=message,
    )
    with uow:
        uow.jobs.add(job)
        uow.commit()
    return job


def _visible(actor: Actor, job: Job) -> bool:
    """A job's page tells of the records it read or wrote (a file's name, its counts), which
    are confidential: its own user sees it, and whoever may read confidential records."""
    return job.organisation_id == actor.organisation_id and (
        job.user_id == actor.user_id or actor.may_read(Confidentiality.CONFIDENTIAL)
    )


def get(uow: UnitOfWork, actor: Actor, job_id: int) -> Job:
    """A job of the actor's organisation that the actor may see."""
    with uow:
        job = uow.jobs.get(job_id)
        if job is None or not _visible(actor, job):
            raise NotFound(N_("no job %(job)s", job=job_id))
        return job


def recent(uow: UnitOfWork, actor: Actor) -> list[Job]:
    with uow:
        return [j for j in uow.jobs.recent(actor.organisation_id) if _visible(actor, j)]


def _update(url: str, job_id: int, **changes: Any) -> None:
    with unit_of_work(url) as uow:
        job = uow.jobs.get(job_id)
        if job is None:
            return
        for name, value in changes.items():
            setattr(job, name, value)
        uow.commit()


def execute(url: str, job_id: int, work: Work) -> None:
    """Run one job to its end, recording progress, result or error."""
    _update(url, job_id, status=JobStatus.RUNNING, started_at=datetime.now(UTC))
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = datetime.now(UTC).timestamp()
        if now - last[0] >= PROGRESS_EVERY or done >= total:
            last[0] = now
            _update(url, job_id, done=done, total=total)

    try:
        result = work(progress)
    except IpsentryError as error:
        _update(
            url, job_id, status=JobStatus.FAILED, error=str(error), finished_at=datetime.now(UTC)
        )
    except Exception as error:  # a bug: kept on the job instead of killing the worker
        _update(
            url,
            job_id,
            status=JobStatus.FAILED,
            finished_at=datetime.now(UTC),
            error=f"internal error: {type(error).__name__}: {error}",
        )
    else:
        _update(url, job_id, status=JobStatus.DONE, result=result, finished_at=datetime.now(UTC))


class ThreadRunner:
    """One worker thread per process, started on first use; jobs run in order."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[str, int, Work]] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, url: str, job_id: int, work: Work) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._loop, name="ipsentry-jobs", daemon=True
                )
                self._thread.start()
        self._queue.put((url, job_id, work))

    def _loop(self) -> None:
        while True:
            url, job_id, work = self._queue.get()
            try:
                execute(url, job_id, work)
            finally:
                self._queue.task_done()

    def wait(self) -> None:
        """Until every submitted job has finished (tests, and a clean shutdown)."""
        self._queue.join()


def interrupt_unfinished(url: str) -> int:
    """Mark jobs a previous server left queued or running as interrupted; how many."""
    with unit_of_work(url) as uow:
        left = list(uow.jobs.unfinished())
        for job in left:
            job.status = JobStatus.INTERRUPTED
            job.finished_at = datetime.now(UTC)
            job.error = "the server stopped before the job finished; start it again"
        uow.commit()
        return len(left)


def lost(url: str, job_id: int, reason: str) -> None:
    """A job whose runner lost it (a worker died): failed, with why, unless it had ended."""
    with unit_of_work(url) as uow:
        job = uow.jobs.get(job_id)
        if job is None or job.status in (JobStatus.DONE, JobStatus.FAILED):
            return
        job.status = JobStatus.FAILED
        job.error = reason
        job.finished_at = datetime.now(UTC)
        uow.commit()
