"""Enforcement matters tracked respondent by respondent and right by right, from the record."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality, Money
from ipsentry.errors import Conflict


class CaseKind(enum.StrEnum):
    ITC_337 = "itc_337"
    DISTRICT_COURT = "district_court"
    MARKETPLACE_SUIT = "marketplace_suit"  # one suit against many online sellers
    PLATFORM_TAKEDOWN = "platform_takedown"
    CUSTOMS_ACTION = "customs_action"
    ADMINISTRATIVE = "administrative"  # e.g. a complaint to a market-supervision bureau
    OPPOSITION = "opposition"  # trademark opposition or cancellation


class CaseSide(enum.StrEnum):
    """Whether the organisation brought the matter or defends it (an imitator may oppose the
    organisation's own applications, or sue it)."""

    BROUGHT = "brought"
    DEFENDED = "defended"


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


# The other side, whose dispositions a case tracks: respondents before the ITC, customs or
# an office, defendants in court.
OPPONENT_ROLES = frozenset({PartyRole.RESPONDENT, PartyRole.DEFENDANT})


def opponent_role(kind: CaseKind) -> PartyRole:
    """The role a case of this kind gives the other side."""
    court = kind in (CaseKind.DISTRICT_COURT, CaseKind.MARKETPLACE_SUIT)
    return PartyRole.DEFENDANT if court else PartyRole.RESPONDENT


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
        """Nothing can follow it (default is not final: relief or a finding follows)."""
        return not MOVES[self]

    @property
    def resolved(self) -> bool:
        """The respondent's part is decided (counted as resolved on a case page)."""
        return self not in (DispositionKind.NAMED, DispositionKind.SERVED)


_D = DispositionKind
# Where a respondent may go next on an asserted right, after 19 CFR part 210. A named
# respondent is served with the complaint and notice (210.11) or let go before that by
# withdrawal, settlement or consent order (210.21); only a served respondent can default
# (210.16(a): failure to respond after service) or be found in violation or not (210.42,
# 210.45). A default is set aside for good cause (210.16) or leads on to a finding of
# violation on the presumed facts (19 U.S.C. 1337(g)); the complainant may still withdraw
# as to a defaulting respondent or settle with it. Terminations and findings end the move.
_TERMINATIONS = frozenset({_D.CONSENT_ORDER, _D.SETTLEMENT, _D.WITHDRAWAL, _D.TERMINATED_OTHER})
MOVES: dict[DispositionKind, frozenset[DispositionKind]] = {
    _D.NAMED: frozenset({_D.SERVED}) | _TERMINATIONS,
    _D.SERVED: frozenset({_D.DEFAULT, _D.VIOLATION, _D.NO_VIOLATION}) | _TERMINATIONS,
    _D.DEFAULT: frozenset({_D.SERVED, _D.VIOLATION}) | _TERMINATIONS,
    _D.CONSENT_ORDER: frozenset(),
    _D.SETTLEMENT: frozenset(),
    _D.WITHDRAWAL: frozenset(),
    _D.TERMINATED_OTHER: frozenset(),
    _D.VIOLATION: frozenset(),
    _D.NO_VIOLATION: frozenset(),
}
# Against whom an exclusion or cease-and-desist order can be made: a respondent found in
# violation, or in default (19 U.S.C. 1337(d), (f), (g)).
RELIEF_FROM = frozenset({_D.DEFAULT, _D.VIOLATION})


class MoveRefused(Conflict):
    """A disposition or remedy the rules of the proceeding do not allow, said in words."""


class StepKind(enum.StrEnum):
    """How an ITC termination or finding becomes final (19 CFR 210.42-.44): the judge's
    initial determination, the Commission's decision not to review it, its FR notice."""

    INITIAL_DETERMINATION = "initial_determination"
    NOT_REVIEWED = "not_reviewed"
    FEDERAL_REGISTER_NOTICE = "federal_register_notice"


@dataclass(frozen=True)
class DispositionStep:
    kind: StepKind
    on: date | None
    reference: str  # the order number, the Commission's decision, or the FR citation

    def to_json(self) -> dict[str, str | None]:
        return {
            "kind": self.kind.value,
            "on": self.on.isoformat() if self.on else None,
            "reference": self.reference,
        }

    @classmethod
    def from_json(cls, raw: dict[str, str | None]) -> DispositionStep:
        on = raw.get("on")
        return cls(StepKind(str(raw["kind"])), date.fromisoformat(on) if on else None,
                   str(raw.get("reference") or ""))  # fmt: skip


@dataclass(kw_only=True, eq=False)
class Disposition:
    """Where one party stands, on one asserted right or on all (``right_id`` None), and why."""

    kind: DispositionKind
    on: date | None
    source: str  # the notice, order or docket entry that says so
    right_id: int | None = None
    steps: list[DispositionStep] = field(default_factory=list)  # where the record has them
    id: int | None = None


def _words(kind: DispositionKind) -> str:
    return kind.value.replace("_", " ")


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

    def state(self, right_id: int | None = None) -> DispositionKind:
        found = self.current(right_id)
        return found.kind if found else DispositionKind.NAMED

    def move(
        self,
        kind: DispositionKind,
        on: date | None,
        source: str,
        right_id: int | None = None,
        steps: tuple[DispositionStep, ...] = (),
    ) -> Disposition:
        """Record the next disposition, or refuse it (MoveRefused) and change nothing.

        A move on every right (``right_id`` None) must be allowed from where the party
        stands on each right it has a disposition on.
        """
        if self.role not in OPPONENT_ROLES:
            raise MoveRefused(f"a {self.role.value} has no disposition; only respondents do")
        rights = {d.right_id for d in self.dispositions if d.right_id is not None}
        targets = [right_id] if right_id is not None else [None, *sorted(rights)]
        for target in targets:
            here, latest = self.state(target), self.current(target)
            if kind not in MOVES[here]:
                allowed = ", ".join(sorted(_words(k) for k in MOVES[here])) or "nothing"
                on_right = f" on right {target}" if target is not None else ""
                raise MoveRefused(
                    f"a respondent in {_words(here)}{on_right} cannot move to {_words(kind)} "
                    f"(from {_words(here)} it can go to: {allowed})"
                )
            if latest and latest.on and on and on < latest.on:
                raise MoveRefused(
                    f"{_words(kind)} dated {on} is earlier than the {_words(here)} of "
                    f"{latest.on} it would follow"
                )
        moved = Disposition(kind=kind, on=on, source=source, right_id=right_id, steps=list(steps))
        self.dispositions.append(moved)
        return moved


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
    STATUTORY_DAMAGES = "statutory_damages"  # e.g. 15 USC 1117(c), per counterfeit mark
    COSTS = "costs"  # costs and attorneys' fees awarded


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
    side: CaseSide = CaseSide.BROUGHT
    jurisdiction: str = ""  # the office or country whose rules set its deadlines (US, CN)
    served_on: date | None = None  # when the papers reached the defending side
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

    def opponents(self) -> list[CaseParty]:
        """Respondents and defendants: the parties whose dispositions are tracked."""
        return [p for p in self.parties if p.role in OPPONENT_ROLES]

    def party(self, party_id: int) -> CaseParty:
        found = next((p for p in self.parties if p.party_id == party_id), None)
        if found is None:
            raise MoveRefused(f"party {party_id} is not a party to case {self.number or self.id}")
        return found

    def order(self, remedy: Remedy) -> Remedy:
        """Record a remedy, refusing relief against a party not in default or violation.

        An order against a named party needs that party in default or found in violation
        on the right; a general exclusion order, against no party, needs some respondent
        in that state (19 U.S.C. 1337(d)(2), (g)(2)).
        """
        if remedy.kind in (RemedyKind.LEO, RemedyKind.CDO, RemedyKind.GEO):
            if remedy.against_party_id is not None:
                party = self.party(remedy.against_party_id)
                here = party.state(remedy.right_id)
                if here not in RELIEF_FROM or party.role not in OPPONENT_ROLES:
                    raise MoveRefused(
                        f"no {remedy.kind.value} against a party in {_words(here)}: relief "
                        "follows a default or a finding of violation"
                    )
            elif not any(p.state(remedy.right_id) in RELIEF_FROM for p in self.opponents()):
                raise MoveRefused(
                    f"no {remedy.kind.value}: no respondent is in default or found in violation"
                )
        self.remedies.append(remedy)
        return remedy
