"""Border measures: rights recorded with customs, detentions and what became of them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality, Money


class CustomsAuthority(enum.StrEnum):
    CN_GACC = "CN-GACC"  # General Administration of Customs of China
    US_CBP = "US-CBP"
    EU = "EU"  # an application for action under Regulation (EU) 608/2013
    OTHER = "OTHER"


@dataclass(kw_only=True, eq=False)
class Recordation:
    """A right recorded with a customs authority, with what officers need to spot fakes."""

    organisation_id: int
    right_id: int
    authority: CustomsAuthority
    number: str
    goods: str = ""
    identification_guide: str = ""  # features of genuine products
    contact_point: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def is_valid_on(self, day: date) -> bool:
        starts = self.valid_from is None or self.valid_from <= day
        return starts and (self.valid_until is None or day <= self.valid_until)


class DetentionStatus(enum.StrEnum):
    DETAINED = "detained"
    NOTIFIED = "notified"  # the rights holder was told and the clock runs
    CONFIRMED = "confirmed"  # the rights holder confirmed infringement and posted security
    SEIZED = "seized"
    DESTROYED = "destroyed"
    RELEASED = "released"


_DETENTION_STEPS = {
    DetentionStatus.DETAINED: {DetentionStatus.NOTIFIED, DetentionStatus.RELEASED},
    DetentionStatus.NOTIFIED: {DetentionStatus.CONFIRMED, DetentionStatus.RELEASED},
    DetentionStatus.CONFIRMED: {DetentionStatus.SEIZED, DetentionStatus.RELEASED},
    DetentionStatus.SEIZED: {DetentionStatus.DESTROYED, DetentionStatus.RELEASED},
    DetentionStatus.DESTROYED: set(),
    DetentionStatus.RELEASED: set(),
}


@dataclass(kw_only=True, eq=False)
class Detention:
    organisation_id: int
    authority: CustomsAuthority
    detained_on: date
    goods: str
    quantity: int
    recordation_id: int | None = None
    declaration_id: int | None = None  # the observation of kind DECLARATION
    status: DetentionStatus = DetentionStatus.DETAINED
    notified_on: date | None = None
    confirmed_on: date | None = None
    closed_on: date | None = None
    security: Money | None = None
    value: Money | None = None
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def advance(self, to: DetentionStatus, on: date) -> None:
        if to not in _DETENTION_STEPS[self.status]:
            raise ValueError(f"a {self.status} detention cannot become {to}")
        if to is DetentionStatus.NOTIFIED:
            self.notified_on = on
        elif to is DetentionStatus.CONFIRMED:
            self.confirmed_on = on
        elif to in (DetentionStatus.DESTROYED, DetentionStatus.RELEASED):
            self.closed_on = on
        self.status = to


@dataclass(kw_only=True, eq=False)
class SeizureBatch:
    """Seizure statistics as reported (a batch may be an aggregate of many detentions)."""

    organisation_id: int
    authority: CustomsAuthority
    seized_on: date
    quantity: int
    goods: str = ""
    source: str = ""
    detention_ids: list[int] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None
