"""Background jobs: long work (screening a file, building an index) tracked in the database.

A job is queued, then running with progress, then done, failed (with the error) or
interrupted — the state a running job is given when its server stops, so nothing is left
'running' for ever.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


class JobStatus(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    INTERRUPTED = "interrupted"

    @property
    def finished(self) -> bool:
        return self in (JobStatus.DONE, JobStatus.FAILED, JobStatus.INTERRUPTED)


class JobKind(enum.StrEnum):
    SCREEN_UPLOAD = "screen_upload"  # observations uploaded, stored and screened
    REGISTER_INDEX = "register_index"  # the installation's register search index rebuilt
    PATENT_INDEX = "patent_index"  # the installation's patent search index rebuilt


@dataclass(kw_only=True, eq=False)
class Job:
    organisation_id: int
    user_id: int
    kind: JobKind
    created_at: datetime
    status: JobStatus = JobStatus.QUEUED
    started_at: datetime | None = None
    finished_at: datetime | None = None
    done: int = 0
    total: int = 0
    message: str = ""
    error: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)
    id: int | None = None

    @property
    def percent(self) -> int:
        if self.status is JobStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0
