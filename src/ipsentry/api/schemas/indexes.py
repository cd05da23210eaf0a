"""The installation's search indexes as the API shows them to those who rebuild them."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ipsentry.api.schemas.screening import JobOut
from ipsentry.domain.jobs import JobKind


class IndexOut(BaseModel):
    kind: JobKind = Field(description="The job kind that rebuilds this index.")
    setting: str = Field(description="The setting naming the folder it is served from.")
    folder: str | None = Field(description="The folder; null when the installation serves none.")


class IndexesOut(BaseModel):
    indexes: list[IndexOut]
    jobs: list[JobOut] = Field(description="The latest rebuilds, newest first.")
