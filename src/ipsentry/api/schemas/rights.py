"""Rights as the API shows them: a summary per row, and the whole right with its parts."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from ipsentry.domain.common import Confidentiality
from ipsentry.domain.rights import Patent, Right, RightKind, Trademark


class RightSummary(BaseModel):
    id: int
    kind: RightKind
    number: str
    jurisdiction: str
    title: str
    status: str
    technology_family: str
    marking: Confidentiality
    illustrative: bool

    @classmethod
    def of(cls, right: Right) -> RightSummary:
        return cls(
            id=right.id or 0,
            kind=right.kind,
            number=right.display_number,
            jurisdiction=right.jurisdiction,
            title=right.title,
            status=right.status.value,
            technology_family=right.technology_family,
            marking=right.confidentiality,
            illustrative=right.illustrative,
        )


class ElementOut(BaseModel):
    position: int
    role: str
    text: str


class ClaimOut(BaseModel):
    num: int
    depends_on: int | None
    text: str
    elements: list[ElementOut]


class NiceClassOut(BaseModel):
    number: int
    goods: str


class RightDetail(RightSummary):
    owner: str
    application_number: str | None
    publication_number: str | None
    registration_number: str | None
    filing_date: date | None
    priority_date: date | None
    registration_date: date | None
    claims: list[ClaimOut] = []
    classes: list[NiceClassOut] = []
    disclaimers: list[str] = []

    @classmethod
    def of(cls, right: Right) -> RightDetail:
        parts: dict[str, object] = {}
        if isinstance(right, Patent):
            parts["claims"] = [
                ClaimOut(
                    num=c.num,
                    depends_on=c.depends_on,
                    text=c.text,
                    elements=[
                        ElementOut(position=e.position, role=e.role.value, text=e.text)
                        for e in c.elements
                    ],
                )
                for c in right.claims
            ]
        if isinstance(right, Trademark):
            parts["classes"] = [NiceClassOut(number=c.number, goods=c.goods) for c in right.classes]
            parts["disclaimers"] = list(right.disclaimers)
        return cls(
            **RightSummary.of(right).model_dump(),
            owner=right.owner,
            application_number=right.application_number,
            publication_number=right.publication_number,
            registration_number=right.registration_number,
            filing_date=right.filing_date,
            priority_date=right.priority_date,
            registration_date=right.registration_date,
            **parts,  # type: ignore[arg-type]
        )
