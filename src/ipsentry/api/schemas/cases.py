"""Cases, evidence, takedown notices and the infringer network as the API shows them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from ipsentry.api.schemas.common import BodyId
from ipsentry.domain.takedowns import TakedownStatus


class CaseOut(BaseModel):
    id: int
    number: str
    kind: str
    title: str
    status: str
    respondents: int = Field(description="Respondents and defendants named in the case.")
    resolved: int = Field(description="Of those, resolved, counted from the recorded dispositions.")
    confidentiality: str
    illustrative: bool


class CaseDetailOut(CaseOut):
    forum: str
    filed_on: date | None
    side: str
    jurisdiction: str
    served_on: date | None
    asserted_rights: list[str]
    resolved_by: dict[str, int]
    parties: list[dict[str, Any]]
    remedies: list[dict[str, Any]]
    amounts: dict[str, dict[str, str]] = Field(description="Kind -> currency -> amount.")
    events: list[dict[str, Any]]
    deadlines: list[dict[str, Any]]


class EvidenceOut(BaseModel):
    id: int
    kind: str
    title: str
    sha256: str
    captured_at: str
    captured_by: str
    media_type: str
    source_url: str
    seller_id: str
    case_id: int | None
    source: str
    hit_id: int | None
    observation_id: int | None
    detention_id: int | None
    custody_entries: int
    confidentiality: str


class CaptureIn(BaseModel):
    case: str = Field("", max_length=80, description="Case number or id to file it under.")


class TakedownOut(BaseModel):
    id: int
    platform: str
    seller: str
    status: str
    case_id: int | None
    created_on: date | None
    listings: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    confidentiality: str
    illustrative: bool


class TakedownsIn(BaseModel):
    hits: list[BodyId] = Field(min_length=1, max_length=200, description="Confirmed hits.")
    case: str = Field("", max_length=80)


class TakedownMoveIn(BaseModel):
    status: TakedownStatus
    on: date | None = None
    note: str = Field("", max_length=2000)


class NetworkOut(BaseModel):
    actors: list[dict[str, Any]]
    links: list[dict[str, Any]]
    clusters: list[dict[str, Any]]
    marking: str
