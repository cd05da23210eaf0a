"""Health checks, the provider's programme and disputes as the API shows them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from ipsentry.domain.health import PACKAGE_HOURS_MAX, ActionStatus


class SectionScoreOut(BaseModel):
    key: str
    title: str
    score: int | None
    rules_checked: int
    findings: int


class FindingOut(BaseModel):
    code: str
    section: str
    severity: str
    title: str
    evidence: str
    evidence_items: list[dict[str, Any]]


class TaskOut(BaseModel):
    priority: int
    title: str
    owner: str
    effort_hours: float
    due_on: date | None
    status: str


class PackageOut(BaseModel):
    title: str
    hours: float
    hours_used: float
    hours_left: float
    topics: list[str]
    status: str


class SectionChangeOut(BaseModel):
    section: str
    title: str
    before: int | None = Field(description="Score before, over the checks made both times.")
    after: int | None = Field(description="Score now, over the checks made both times.")
    trend: str
    compared: int = Field(description="Checks made at both assessments.")
    resolved: list[str]
    new: list[str]


class Progress(BaseModel):
    asked: int
    answered: int


class HealthCheckOut(BaseModel):
    id: int
    enterprise: str
    provider: str | None
    assigned_to: str | None
    questionnaire: str
    status: str
    marking: str
    created_at: str
    assessed_on: date | None
    rechecks: int | None = Field(description="The check this one re-checks.")
    progress: Progress
    overall: int | None = Field(description="The mean of the scored sections.")
    unscored_sections: list[str] = Field(
        description="Sections left out of the overall score: none of their rules could be checked."
    )
    sections: list[SectionScoreOut]
    findings: list[FindingOut]
    plan: list[TaskOut]
    packages: list[PackageOut]
    recheck: list[SectionChangeOut]


class EnterpriseOut(BaseModel):
    slug: str = Field(description="What 'enterprise' names when a check is started.")
    name: str


class DiagnosisIn(BaseModel):
    today: date | None = Field(None, description="Diagnose as of this day (default today).")
    package_hours: float | None = Field(None, gt=0, le=PACKAGE_HOURS_MAX, allow_inf_nan=False)


class ProgrammeOut(BaseModel):
    scope: str = Field(description="organisation (an admin's view) or assigned (your caseload)")
    enterprises: list[str]
    checks: int
    diagnosed: int
    findings_by_section: dict[str, dict[str, int]]
    service_hours: dict[str, float]
    tasks: dict[str, int]
    disputes: dict[str, Any]
    outreach: dict[str, Any]


class StartIn(BaseModel):
    enterprise: str | None = Field(
        None, max_length=200, description="The enterprise's slug (a provider names one)."
    )
    assignee: str | None = Field(None, max_length=320, description="E-mail of a colleague.")
    recheck: bool = Field(False, description="Re-check the enterprise's last diagnosed check.")


class TaskIn(BaseModel):
    status: ActionStatus


class HoursIn(BaseModel):
    hours: float = Field(
        gt=0,
        le=PACKAGE_HOURS_MAX,
        allow_inf_nan=False,
        description="Hours of the service package just given.",
    )
