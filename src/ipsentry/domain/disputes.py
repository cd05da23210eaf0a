"""Disputes taken in at the source and steered, where suitable, to mediation."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from ipsentry.domain.common import Confidentiality, Money


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


@dataclass(kw_only=True, eq=False)
class MediationSession:
    held_on: date
    mediator: str = ""
    notes: str = ""
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
    id: int | None = None
