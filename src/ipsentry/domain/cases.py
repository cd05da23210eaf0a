"""Enforcement matters tracked respondent by respondent and right by right, from the record."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality, Money


class CaseKind(enum.StrEnum):
    ITC_337 = "itc_337"
    DISTRICT_COURT = "district_court"
    MARKETPLACE_SUIT = "marketplace_suit"  # one suit against many online sellers
    PLATFORM_TAKEDOWN = "platform_takedown"
    CUSTOMS_ACTION = "customs_action"
    ADMINISTRATIVE = "administrative"  # e.g. a complaint to a market-supervision bureau
    OPPOSITION = "opposition"  # trademark opposition or cancellation


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    STAYED = "stayed"
    CLOSED = "closed"


class PartyRole(enum.StrEnum):
    COMPLAINANT = "complainant"
    RESPONDENT = "respondent"
    PLAINTIFF = "plaintiff"
    DEFENDANT = "defendant"
    INTERVENOR = "intervenor"
    OPPOSER = "opposer"
    APPLICANT = "applicant"


class DispositionKind(enum.StrEnum):
    NAMED = "named"
    SERVED = "served"
    DEFAULT = "default"
    CONSENT_ORDER = "consent_order"
    SETTLEMENT = "settlement"
    WITHDRAWAL = "withdrawal"
    VIOLATION = "violation"
    NO_VIOLATION = "no_violation"
    TERMINATED_OTHER = "terminated_other"

    @property
    def is_final(self) -> bool:
        return self not in (DispositionKind.NAMED, DispositionKind.SERVED)


@dataclass(kw_only=True, eq=False)
class Disposition:
    """Where one party stands, on one asserted right or on all (``right_id`` None), and why."""

    kind: DispositionKind
    on: date | None
    source: str  # the notice, order or docket entry that says so
    right_id: int | None = None
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class CaseParty:
    party_id: int
    role: PartyRole
    dispositions: list[Disposition] = field(default_factory=list)
    id: int | None = None

    def current(self, right_id: int | None = None) -> Disposition | None:
        """The latest disposition on a right, falling back to ones that cover every right."""
        relevant = [d for d in self.dispositions if d.right_id in (right_id, None)]
        return max(relevant, key=lambda d: (d.on or date.min, d.id or 0), default=None)


class RemedyKind(enum.StrEnum):
    GEO = "GEO"  # general exclusion order
    LEO = "LEO"  # limited exclusion order
    CDO = "CDO"  # cease-and-desist order
    INJUNCTION = "injunction"
    ASSET_FREEZE = "asset_freeze"
    DAMAGES = "damages"
    TAKEDOWN = "takedown"


@dataclass(kw_only=True, eq=False)
class Remedy:
    kind: RemedyKind
    ordered_on: date | None = None
    against_party_id: int | None = None
    right_id: int | None = None
    source: str = ""
    id: int | None = None


class AmountKind(enum.StrEnum):
    CLAIMED = "claimed"
    AWARDED = "awarded"
    FROZEN = "frozen"
    COLLECTED = "collected"
    SETTLEMENT = "settlement"
    BOND = "bond"


@dataclass(kw_only=True, eq=False)
class CaseAmount:
    kind: AmountKind
    money: Money
    on: date | None = None
    party_id: int | None = None
    source: str = ""
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class CaseEvent:
    on: date
    title: str
    source: str = ""
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Case:
    organisation_id: int
    kind: CaseKind
    title: str
    number: str = ""  # docket or investigation number, e.g. 337-TA-1286
    forum: str = ""
    filed_on: date | None = None
    status: CaseStatus = CaseStatus.OPEN
    asserted_right_ids: list[int] = field(default_factory=list)
    parties: list[CaseParty] = field(default_factory=list)
    events: list[CaseEvent] = field(default_factory=list)
    remedies: list[Remedy] = field(default_factory=list)
    amounts: list[CaseAmount] = field(default_factory=list)
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    id: int | None = None

    def parties_in(self, role: PartyRole) -> list[CaseParty]:
        return [p for p in self.parties if p.role is role]
