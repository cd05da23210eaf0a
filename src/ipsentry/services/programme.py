"""A legal-service provider's programme across the enterprises it serves.

The figures an outreach programme or a lawyers' association reports: enterprises served,
the loopholes found by section and severity (each enterprise's latest diagnosis), the
service hours given and left, disputes by state with the share ended by mediation, and
the outreach: case studies, seminars and consultations with their attendance.
Only what the actor may see is counted, so a lawyer's view is their own caseload.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ipsentry.domain.accounts import OrganisationKind, Permission, Role
from ipsentry.domain.disputes import DisputeStatistics, dispute_statistics
from ipsentry.domain.health import Assessment
from ipsentry.domain.outreach import OutreachEvent
from ipsentry.errors import PermissionDenied
from ipsentry.services import disputes, health_checks, outreach
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Programme:
    scope: str  # "organisation" (an admin sees all) or "assigned" (a lawyer's own caseload)
    enterprises: list[str]
    checks: int
    diagnosed: int
    findings_by_section: dict[str, Counter[str]]  # section -> severity -> count
    hours: float
    hours_used: float
    tasks: Counter[str]  # status -> count, over the latest plans
    disputes_by_state: Counter[str]
    dispute_figures: DisputeStatistics
    outreach: list[OutreachEvent]

    def to_json(self) -> dict[str, Any]:
        figures = self.dispute_figures
        held = [e for e in self.outreach if outreach.held(e.held_on)]
        return {
            "scope": self.scope,
            "enterprises": self.enterprises,
            "checks": self.checks,
            "diagnosed": self.diagnosed,
            "findings_by_section": {k: dict(v) for k, v in self.findings_by_section.items()},
            "service_hours": {
                "given": self.hours,
                "used": self.hours_used,
                "left": max(0.0, self.hours - self.hours_used),
            },
            "tasks": dict(self.tasks),
            "disputes": {
                "by_state": dict(self.disputes_by_state),
                "total": figures.total,
                "share_by_mediation": figures.share_by_mediation,
                "median_days_to_resolution": figures.median_days_to_resolution,
            },
            "outreach": {  # what was held; a seminar announced for later is not reach yet
                "by_kind": dict(Counter(e.kind.value for e in held)),
                "attendance": sum(e.attendance for e in held),
                "scheduled": len(self.outreach) - len(held),
            },
        }


def _latest(views: list[health_checks.AssessmentView]) -> dict[str, Assessment]:
    """Each enterprise's most recent diagnosed check."""
    latest: dict[str, Assessment] = {}
    for view in views:
        a = view.assessment
        if a.assessed_on is None:
            continue
        known = latest.get(view.enterprise)
        if known is None or (a.assessed_on, a.id or 0) > (known.assessed_on, known.id or 0):
            latest[view.enterprise] = a
    return latest


def programme(uow: UnitOfWork, actor: Actor) -> Programme:
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("the programme view is for legal-service organisations")
    actor.require(Permission.READ, "read the programme")
    provided = health_checks.list_assessments(uow, actor)
    views = [v for v in provided if v.assessment.provider_organisation_id == actor.organisation_id]
    latest = _latest(views)
    by_section: dict[str, Counter[str]] = {}
    tasks: Counter[str] = Counter()
    for assessment in latest.values():
        for finding in assessment.findings:
            by_section.setdefault(finding.section, Counter())[finding.severity.value] += 1
        tasks.update(action.status.value for action in assessment.actions)
    packages = [p for v in views for p in v.assessment.packages]
    visible = disputes.list_disputes(uow, actor) if actor.may(Permission.MEDIATE) else []
    return Programme(
        scope="organisation" if actor.role is Role.ADMIN else "assigned",
        enterprises=sorted({v.enterprise for v in views}),
        checks=len(views),
        diagnosed=sum(1 for v in views if v.assessment.assessed_on),
        findings_by_section=by_section,
        hours=sum(p.hours for p in packages),
        hours_used=sum(p.hours_used for p in packages),
        tasks=tasks,
        disputes_by_state=Counter(v.dispute.status.value for v in visible),
        dispute_figures=dispute_statistics(v.dispute for v in visible),
        outreach=outreach.events(uow, actor),
    )
