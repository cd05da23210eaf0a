"""Disputes taken in at the source and steered, where suitable, to mediation."""

from __future__ import annotations

import enum
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ipsentry.domain.common import Confidentiality, Money
from ipsentry.errors import Conflict


class DisputeStatus(enum.StrEnum):
    INTAKE = "intake"
    IN_MEDIATION = "in_mediation"
    RESOLVED = "resolved"
    REFERRED = "referred"  # sent on to court or an authority


class OutcomeKind(enum.StrEnum):
    SETTLEMENT = "settlement"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    WITHDRAWAL = "withdrawal"
    JUDGMENT = "judgment"
    NO_AGREEMENT = "no_agreement"


class JudicialConfirmation(enum.StrEnum):
    """A mediated agreement sent to a court to make it enforceable (CPL arts. 205-206)."""

    NOT_SOUGHT = "not_sought"
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    REFUSED = "refused"


# Where a dispute may go next; a resolved or referred dispute is closed.
_MOVES = {
    DisputeStatus.INTAKE: {
        DisputeStatus.IN_MEDIATION,
        DisputeStatus.RESOLVED,
        DisputeStatus.REFERRED,
    },
    DisputeStatus.IN_MEDIATION: {DisputeStatus.RESOLVED, DisputeStatus.REFERRED},
    DisputeStatus.RESOLVED: set(),
    DisputeStatus.REFERRED: set(),
}
# Outcomes reached by agreement: what mediation is for (a judgment is not one).
AGREED = frozenset(
    {OutcomeKind.SETTLEMENT, OutcomeKind.COOPERATION_AGREEMENT, OutcomeKind.WITHDRAWAL}
)

# The longest texts a user may give for a session's record and an outcome's notes: every
# interface refuses longer ones the same way, so none accepts what another would cut.
SESSION_NOTES_LIMIT = 50_000
OUTCOME_NOTES_LIMIT = 20_000
# ... and for the court asked to confirm an agreement and its case or ruling number
COURT_LIMIT = 500
COURT_REFERENCE_LIMIT = 200
FORUM_LIMIT = 500  # the court or office a dispute is referred to
# The longest text each field of an intake takes, in a request and in a file alike.
INTAKE_TEXT_LIMITS = {"title": 500, "name": 500, "claims": 20_000, "done_already": 5000,
                      "conflict_waiver": 5000, "email": 320, "right": 100}  # fmt: skip
INTAKE_RIGHTS_LIMIT = 100  # the rights an intake names at most


@dataclass(kw_only=True, eq=False)
class MediationSession:
    """A session's record: privileged, and kept out of case evidence unless both agree."""

    held_on: date
    mediator: str = ""
    notes: str = ""
    confidentiality: Confidentiality = Confidentiality.PRIVILEGED
    disclosure_agreed: bool = False  # the parties agreed the record may be used as evidence
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Dispute:
    provider_organisation_id: int
    title: str
    claimant_party_id: int
    respondent_party_id: int
    received_on: date
    claims: str = ""
    right_ids: list[int] = field(default_factory=list)
    amount: Money | None = None
    status: DisputeStatus = DisputeStatus.INTAKE
    sessions: list[MediationSession] = field(default_factory=list)
    outcome: OutcomeKind | None = None
    outcome_on: date | None = None
    outcome_notes: str = ""
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    illustrative: bool = False
    # The provider's lawyer in charge (intake, reassignment, escalation) and the neutral who
    # runs the sessions: each sees the dispute, as does the provider's admin.
    assigned_user_id: int | None = None
    mediator_user_id: int | None = None
    suitability: dict[str, Any] | None = None  # factors given, assessment and any override
    judicial_confirmation: JudicialConfirmation = JudicialConfirmation.NOT_SOUGHT
    # when the court was asked and when it decided, which court, and its case or ruling
    # number: what makes a confirmed agreement enforceable has to be shown, not only said
    confirmation_requested_on: date | None = None
    confirmation_decided_on: date | None = None
    confirmation_court: str = ""
    confirmation_reference: str = ""
    case_id: int | None = None  # the enforcement case it was escalated into
    id: int | None = None

    def move(self, to: DisputeStatus) -> None:
        if to not in _MOVES[self.status]:
            if to is self.status:
                raise Conflict(f"the dispute is already {to.value.replace('_', ' ')}")
            raise Conflict(
                f"a dispute that is {self.status.value.replace('_', ' ')} cannot become "
                f"{to.value.replace('_', ' ')}"
            )
        self.status = to

    def resolve(self, outcome: OutcomeKind, on: date, notes: str = "") -> None:
        """Record how it ended; no agreement in mediation refers it on instead."""
        if on < self.received_on:
            raise Conflict(
                f"an outcome on {on} comes before the dispute was received ({self.received_on})"
            )
        self.move(
            DisputeStatus.REFERRED
            if outcome is OutcomeKind.NO_AGREEMENT
            else DisputeStatus.RESOLVED
        )
        self.outcome, self.outcome_on, self.outcome_notes = outcome, on, notes

    @property
    def mediated(self) -> bool:
        """Ended by agreement after at least one mediation session."""
        return bool(self.sessions) and self.outcome in AGREED


@dataclass(frozen=True)
class DisputeStatistics:
    total: int
    open: int
    resolved: int
    by_mediation: int
    median_days_to_resolution: float | None

    @property
    def share_by_mediation(self) -> float | None:
        """Of the disputes that ended, the share ended by mediated agreement."""
        ended = self.total - self.open
        return self.by_mediation / ended if ended else None

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "open": self.open,
            "resolved": self.resolved,
            "by_mediation": self.by_mediation,
            "share_by_mediation": self.share_by_mediation,
            "median_days_to_resolution": self.median_days_to_resolution,
        }


def dispute_statistics(disputes: Iterable[Dispute]) -> DisputeStatistics:
    """The figures a mediation programme reports: how many, how many mediated, how fast."""
    items = list(disputes)
    ended = [d for d in items if d.status in (DisputeStatus.RESOLVED, DisputeStatus.REFERRED)]
    days = [(d.outcome_on - d.received_on).days for d in ended if d.outcome_on]
    return DisputeStatistics(
        total=len(items),
        open=len(items) - len(ended),
        resolved=sum(1 for d in ended if d.status is DisputeStatus.RESOLVED),
        by_mediation=sum(1 for d in ended if d.mediated),
        median_days_to_resolution=statistics.median(days) if days else None,
    )
