"""The IP health check: a questionnaire and the data answer it; findings become actions."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ipsentry.domain.common import Confidentiality


class Severity(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class AssessmentStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    DIAGNOSED = "diagnosed"
    CLOSED = "closed"


class ActionStatus(enum.StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


@dataclass(kw_only=True, eq=False)
class Questionnaire:
    """A versioned questionnaire; its questions are data (``ipsentry/data``), not code."""

    key: str
    version: int
    title: str
    questions: list[dict[str, Any]] = field(default_factory=list)
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class Finding:
    code: str
    title: str
    severity: Severity
    evidence: str = ""  # the evidence in one sentence, for lists and reports
    section: str = ""
    evidence_items: list[dict[str, Any]] = field(default_factory=list)  # source, name, value
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class RemediationAction:
    title: str
    status: ActionStatus = ActionStatus.TODO
    due_on: date | None = None
    owner: str = ""
    finding_id: int | None = None
    priority: int = 0
    effort_hours: float = 0.0
    id: int | None = None


# The most hours one service package (or one task of a plan) holds: five people's working
# year, so a slip of the keyboard (1e6 for 10) is refused rather than promised.
PACKAGE_HOURS_MAX = 10_000


@dataclass(kw_only=True, eq=False)
class ServicePackage:
    provider_organisation_id: int
    title: str
    hours: float = 0.0
    status: str = "proposed"
    hours_used: float = 0.0
    topics: list[str] = field(default_factory=list)
    id: int | None = None

    @property
    def hours_left(self) -> float:
        return max(0.0, self.hours - self.hours_used)


@dataclass(kw_only=True, eq=False)
class Assessment:
    """One health check of one enterprise, by a legal-service provider, at one time."""

    enterprise_organisation_id: int
    questionnaire_id: int
    created_at: datetime
    provider_organisation_id: int | None = None
    status: AssessmentStatus = AssessmentStatus.DRAFT
    answers: dict[str, Any] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    actions: list[RemediationAction] = field(default_factory=list)
    packages: list[ServicePackage] = field(default_factory=list)
    previous_assessment_id: int | None = None  # the check this one re-checks
    assessed_on: date | None = None  # the day the diagnosis was made
    facts: dict[str, Any] | None = None  # what the records showed that day, as diagnosed
    assigned_user_id: int | None = None  # the provider's person in charge
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL
    id: int | None = None
