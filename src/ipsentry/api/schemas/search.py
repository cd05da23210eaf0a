"""Register search, patent search and claim charts: what the API takes and answers."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from ipsentry.domain.common import Confidentiality
from ipsentry.matching.claims.search import Hit
from ipsentry.services.register_watch import WatchHit


class RegisterHit(BaseModel):
    name: str
    score: float = Field(description="Likelihood of confusion, 0-1, with no goods stated.")
    similarity: float
    explanation: str
    opposition_deadline: str | None = Field(
        None, description="Last day to oppose, when the register dates the name (YYYY-MM-DD)."
    )

    @classmethod
    def of(cls, hit: WatchHit) -> RegisterHit:
        deadline = hit.deadline
        return cls(
            name=hit.name,
            score=round(hit.score, 4),
            similarity=round(hit.similarity, 4),
            explanation=hit.why,
            opposition_deadline=deadline.isoformat() if deadline else None,
        )


class RegisterResults(BaseModel):
    query: str
    marking: Confidentiality
    items: list[RegisterHit]


class PatentHit(BaseModel):
    number: str
    score: float
    title: str
    passage: str = Field(description="The passage that matches the query best.")
    field: str = Field(description="Where the passage is: title, abstract, claims, description.")

    @classmethod
    def of(cls, hit: Hit) -> PatentHit:
        return cls(
            number=hit.number,
            score=round(hit.score, 6),
            title=hit.title,
            passage=hit.passage,
            field=hit.field,
        )


class PatentResults(BaseModel):
    query: str
    marking: Confidentiality
    items: list[PatentHit]


class ChartRequest(BaseModel):
    patent: str = Field(min_length=1, max_length=40, description="A portfolio patent's number.")
    product: str = Field(min_length=1, max_length=200_000, description="The product's text.")
    claims: list[Annotated[int, Field(ge=1, le=10_000)]] = Field(
        default_factory=list, max_length=200, description="Claims to chart; none: independent."
    )


class ChartResponse(BaseModel):
    marking: Confidentiality
    chart: dict[str, Any] = Field(description="Patent, product and each claim's elements.")
