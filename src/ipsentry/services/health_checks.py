"""IP health checks: an enterprise's answers and its own records, diagnosed into a plan.

Who may do what: the enterprise's own people see its assessments; a legal-service provider
starts one only for an enterprise that engaged it (a recorded ``engagement`` grant), and
within the provider only admins and the person assigned see it. Answers are saved as they
come (the questionnaire can be left and resumed); a diagnosis freezes the answers and the
facts read that day, so it can be recomputed and compared at a re-check.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipsentry.domain.accounts import GrantScope, OrganisationKind, Permission, Role
from ipsentry.domain.common import Confidentiality, number_problem
from ipsentry.domain.diagnosis import Diagnosis, Evidence, SectionChange, propose_package, recheck
from ipsentry.domain.health import (
    PACKAGE_HOURS_MAX,
    ActionStatus,
    Assessment,
    AssessmentStatus,
    Finding,
    Questionnaire,
    RemediationAction,
    ServicePackage,
)
from ipsentry.domain.health_facts import facts_from_records
from ipsentry.domain.health_library import HealthCheck, health_check
from ipsentry.domain.rights import Right, Trademark
from ipsentry.errors import (
    Conflict,
    InvalidInput,
    NotFound,
    PermissionDenied,
    Problem,
    echoed,
)
from ipsentry.services import audit, exports
from ipsentry.services.access import Actor, colleague_id, readable_organisations
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from ipsentry.services.register_watch import Register

OPEN = frozenset({AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED})


@dataclass(frozen=True)
class AssessmentView:
    """An assessment with what it means: progress, scores, findings, plan, re-check."""

    assessment: Assessment
    enterprise: str
    provider: str | None
    assigned_to: str | None
    check: HealthCheck
    asked: int
    answered: int
    diagnosis: Diagnosis | None
    changes: list[SectionChange] | None

    def text(self, texts: Mapping[str, str], lang: str) -> str:
        return texts.get(lang) or texts.get("en", "")

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        a = self.assessment
        questionnaire = self.check.questionnaire
        titles = {s.key: self.text(s.title, lang) for s in questionnaire.sections}
        rules = {r.code: r for r in self.check.rules.rules}
        diagnosis = self.diagnosis
        return {
            "id": a.id,
            "enterprise": self.enterprise,
            "provider": self.provider,
            "assigned_to": self.assigned_to,
            "questionnaire": f"{questionnaire.key} v{questionnaire.version}",
            "status": a.status.value,
            "marking": a.confidentiality.value,
            "created_at": a.created_at.isoformat(),
            "assessed_on": a.assessed_on.isoformat() if a.assessed_on else None,
            "rechecks": a.previous_assessment_id,
            "progress": {"asked": self.asked, "answered": self.answered},
            "overall": diagnosis.overall if diagnosis else None,
            "unscored_sections": [
                titles[s.section]
                for s in (diagnosis.scores if diagnosis else ())
                if s.score is None
            ],
            "sections": [
                {
                    "key": s.section,
                    "title": titles[s.section],
                    "score": s.score,
                    "rules_checked": s.checked,
                    "findings": s.findings,
                }
                for s in (diagnosis.scores if diagnosis else ())
            ],
            "findings": [
                {
                    "code": f.code,
                    "section": f.section,
                    "severity": f.severity.value,
                    "title": self.text(rules[f.code].title, lang) if f.code in rules else f.title,
                    "evidence": f.evidence,
                    "evidence_items": f.evidence_items,
                }
                for f in a.findings
            ],
            "plan": [
                {
                    "priority": action.priority,
                    "title": action.title,
                    "owner": action.owner,
                    "effort_hours": action.effort_hours,
                    "due_on": action.due_on.isoformat() if action.due_on else None,
                    "status": action.status.value,
                }
                for action in sorted(a.actions, key=lambda x: x.priority)
            ],
            "packages": [
                {
                    "title": p.title,
                    "hours": p.hours,
                    "hours_used": p.hours_used,
                    "hours_left": p.hours_left,
                    "topics": p.topics,
                    "status": p.status,
                }
                for p in a.packages
            ],
            "recheck": [
                {
                    "section": c.section,
                    "title": titles[c.section],
                    "before": c.before,
                    "after": c.after,
                    "trend": c.trend,
                    "compared": c.compared,
                    "resolved": list(c.resolved),
                    "new": list(c.new),
                }
                for c in self.changes or ()
            ],
        }


def _visible(actor: Actor, assessment: Assessment) -> bool:
    if not actor.may_read(assessment.confidentiality):
        return False
    if actor.organisation_id == assessment.enterprise_organisation_id:
        return True
    if actor.organisation_id == assessment.provider_organisation_id:
        return actor.role is Role.ADMIN or assessment.assigned_user_id == actor.user_id
    return False


def _get(uow: UnitOfWork, actor: Actor, assessment_id: int) -> Assessment:
    assessment = uow.health.assessment(assessment_id)
    if assessment is None or not _visible(actor, assessment):
        raise NotFound(f"no health check {assessment_id} visible to {actor.email}")
    return assessment


def providers_alone(actor: Actor, assessment: Assessment) -> bool:
    """Whether ``assessment`` is a provider's check and ``actor`` not of that provider.

    A provider's check is the provider's professional work: the enterprise answers its
    questions and carries out its plan, but does not diagnose it or drop its tasks.
    """
    provider = assessment.provider_organisation_id
    return provider is not None and actor.organisation_id != provider


def _require_the_provider(actor: Actor, assessment: Assessment, what: str) -> None:
    if providers_alone(actor, assessment):
        raise PermissionDenied(
            f"health check {assessment.id} is the legal-service provider's: only its "
            f"advisers {what}"
        )


def _check_of(uow: UnitOfWork, assessment: Assessment) -> HealthCheck:
    row = uow.health.questionnaire_by_id(assessment.questionnaire_id)
    assert row is not None  # a foreign key
    return health_check(row.key, row.version)


def _questionnaire_row(uow: UnitOfWork, check: HealthCheck) -> Questionnaire:
    """The stored copy of the questionnaire version (its question ids and types)."""
    q = check.questionnaire
    row = uow.health.questionnaire(q.key, q.version)
    if row is None:
        questions = [
            {"id": x.id, "section": x.section, "type": x.type.value} for x in q.questions.values()
        ]
        row = Questionnaire(key=q.key, version=q.version, title=q.title["en"], questions=questions)
        uow.health.add(row)
        uow.flush()
    return row


def start(
    uow: UnitOfWork,
    actor: Actor,
    *,
    enterprise: str | None = None,
    assignee: str | None = None,
    recheck_previous: bool = False,
    source: str = "command line",
) -> Assessment:
    """Open a new health check of ``enterprise`` (a slug; one's own when not given);
    ``source`` names where the request came from in a bad-input message."""
    actor.require(Permission.ASSESS_HEALTH, "run health checks")
    with uow:
        enterprise_id, provider_id = _parties_to(uow, actor, enterprise, source)
        _refuse_a_second_open_check(uow, enterprise_id, provider_id)
        where = (source, "assign")
        permission = Permission.ASSESS_HEALTH
        assigned = colleague_id(uow, actor, assignee, permission, where) if provider_id else None
        previous = uow.health.latest_diagnosed(enterprise_id) if recheck_previous else None
        if recheck_previous and previous is None:
            raise Conflict("there is no diagnosed health check of this enterprise to re-check")
        check = health_check()
        questionnaire = _questionnaire_row(uow, check)
        assert questionnaire.id is not None
        assessment = Assessment(
            enterprise_organisation_id=enterprise_id,
            provider_organisation_id=provider_id,
            questionnaire_id=questionnaire.id,
            created_at=datetime.now(UTC),
            previous_assessment_id=previous.id if previous else None,
            assigned_user_id=assigned,
        )
        uow.health.add(assessment)
        uow.flush()
        audit.record(
            uow,
            actor,
            "health.start",
            entity="assessment",
            entity_id=assessment.id,
            after=audit.snapshot(
                assessment,
                "enterprise_organisation_id",
                "provider_organisation_id",
                "previous_assessment_id",
            ),
        )
        uow.commit()
        return assessment


def _refuse_a_second_open_check(
    uow: UnitOfWork, enterprise_id: int, provider_id: int | None
) -> None:
    """Two open checks of one enterprise by one provider would split its answers between
    them, and the programme would count the enterprise twice."""
    for other in uow.health.assessments(enterprise_id):
        same = (other.enterprise_organisation_id, other.provider_organisation_id)
        if same == (enterprise_id, provider_id) and other.status in OPEN:
            raise Conflict(
                f"health check {other.id} of this enterprise is still open ({other.status}): "
                "answer and diagnose it before starting another"
            )


def _parties_to(
    uow: UnitOfWork, actor: Actor, enterprise: str | None, source: str
) -> tuple[int, int | None]:
    """(enterprise, provider) for a new check started by ``actor``."""
    if actor.organisation_kind is OrganisationKind.LEGAL_SERVICE:
        if not enterprise:
            raise InvalidInput([Problem(source, None, "enterprise", "name the enterprise")])
        found = uow.organisations.by_slug(enterprise)
        engaged = readable_organisations(uow, actor, GrantScope.ENGAGEMENT)
        if found is None or found.id is None or found.id not in engaged - {actor.organisation_id}:
            # a field of the request, so a 422 naming it: nothing more is told of others
            said = f"no enterprise {echoed(enterprise)} has engaged your organisation"
            raise InvalidInput([Problem(source, None, "enterprise", said)])
        return found.id, actor.organisation_id
    if actor.organisation_kind is not OrganisationKind.RIGHTS_HOLDER:
        raise PermissionDenied(
            f"a {actor.organisation_kind} organisation does not run health checks"
        )
    own = uow.accounts.organisation(actor.organisation_id)
    if enterprise and (own is None or own.slug != enterprise):
        raise PermissionDenied(f"{actor.email} may run a self-check of their own organisation only")
    return actor.organisation_id, None


def answer(
    uow: UnitOfWork,
    actor: Actor,
    assessment_id: int,
    answers: Mapping[str, Any],
    source: str = "answers",
) -> AssessmentView:
    """Save answers (``None`` clears one) and return where the questionnaire stands; see
    ``QuestionnaireDefinition.save`` for follow-ups answered without their trigger."""
    actor.require(Permission.ASSESS_HEALTH, "answer health checks")
    with uow:
        assessment = _get(uow, actor, assessment_id)
        if assessment.status not in OPEN:
            raise Conflict(
                f"health check {assessment_id} is {assessment.status}; start a re-check instead"
            )
        check = _check_of(uow, assessment)
        before = dict(assessment.answers)
        merged = check.questionnaire.save(before, answers, source)
        assessment.answers = merged
        audit.record(
            uow,
            actor,
            "health.answer",
            entity="assessment",
            entity_id=assessment.id,
            before={"answers": before},
            after={"answers": merged},
        )
        uow.commit()
        return _view(uow, assessment, check)


def diagnose(
    uow: UnitOfWork,
    actor: Actor,
    assessment_id: int,
    today: date,
    *,
    package_hours: float | None = None,
    register: Path | None = None,
    source: str = "command line",
) -> AssessmentView:
    """Diagnose the answers and the enterprise's records as they are ``today``.

    With ``register`` (a register index folder, 'ipsentry register build'), the
    enterprise's live marks are searched in it and others' names judged confusingly
    similar become a finding; without it that fact is unknown. A diagnosis dated after
    today would read deadlines and hits as they are not yet, so it is refused.
    """
    actor.require(Permission.ASSESS_HEALTH, "diagnose health checks")
    if (late := future_problem(today, "today", source)) is not None:
        raise InvalidInput([late])
    _check_package(package_hours, source)
    opened = _open_register(register) if register is not None else None
    with uow:
        assessment = _get(uow, actor, assessment_id)
        _require_the_provider(actor, assessment, "diagnose it")
        if assessment.status not in OPEN:
            raise Conflict(f"health check {assessment_id} is already {assessment.status}")
        if not assessment.answers:
            # the records alone would score a few sections and call the rest unchecked: a
            # diagnosis nobody can stand behind, and one that cannot be taken back
            raise Conflict(f"health check {assessment_id} has no answers yet: answer it first")
        _require_after_previous(uow, assessment, today, source)
        check = _check_of(uow, assessment)
        counted = check.questionnaire.counted_answers(assessment.answers)
        facts = _facts(uow, actor, assessment, counted, today, opened)
        diagnosis = check.rules.diagnose(check.questionnaire, assessment.answers, facts, today)
        questions = check.questionnaire.questions
        findings = [
            Finding(
                code=f.code,
                title=f.title["en"],
                severity=f.severity,
                section=f.section,
                evidence=_evidence_sentence(f.evidence, questions),
                evidence_items=[
                    {"source": e.source, "name": e.name, "value": e.value} for e in f.evidence
                ],
            )
            for f in diagnosis.findings
        ]
        assessment.findings = findings
        uow.flush()
        by_code = {f.code: f for f in findings}
        assessment.actions = [
            RemediationAction(
                title=p.title["en"],
                due_on=p.due_on,
                owner=p.owner,
                finding_id=by_code[p.finding_code].id,
                priority=p.priority,
                effort_hours=p.effort_hours,
            )
            for p in diagnosis.plan
        ]
        if package_hours is not None:
            _propose(assessment, diagnosis, package_hours)
        assessment.facts = facts
        assessment.assessed_on = today
        assessment.status = AssessmentStatus.DIAGNOSED
        audit.record(
            uow,
            actor,
            "health.diagnose",
            entity="assessment",
            entity_id=assessment.id,
            after={"findings": [f.code for f in findings], "overall": diagnosis.overall},
        )
        uow.commit()
        return _view(uow, assessment, check)


def _check_package(hours: float | None, source: str) -> None:
    if hours is None:
        return
    if (wanted := number_problem(hours, 0, PACKAGE_HOURS_MAX, above=True)) is not None:
        field = "--package-hours" if source == "command line" else "package_hours"
        raise InvalidInput([Problem(source, None, field, f"{wanted} hours, not {echoed(hours)}")])


def _open_register(folder: Path) -> Register:
    """The register opened (and so checked) before anything is read or written."""
    from ipsentry.services.register_watch import open_register

    return open_register(folder)


def _propose(assessment: Assessment, diagnosis: Diagnosis, hours: float) -> None:
    if assessment.provider_organisation_id is None:
        message = "a self-check has no provider to give a service package"
        raise InvalidInput([Problem("command line", None, "--package-hours", message)])
    chosen, _ = propose_package(diagnosis.plan, hours)
    assessment.packages = [
        ServicePackage(
            provider_organisation_id=assessment.provider_organisation_id,
            title=f"{hours:g} hours of IP legal service",
            hours=hours,
            topics=[a.title["en"] for a in chosen],
        )
    ]


def _facts(
    uow: UnitOfWork,
    actor: Actor,
    assessment: Assessment,
    answers: Mapping[str, Any],
    today: date,
    register: Register | None,
) -> dict[str, Any]:
    """The facts the records show; ``answers`` are those counted (a follow-up left behind by
    a changed trigger, such as export markets after 'no' to exports, names no market)."""
    enterprise = assessment.enterprise_organisation_id
    if enterprise not in readable_organisations(uow, actor, GrantScope.ENGAGEMENT):
        return {}  # the engagement was revoked: the answers alone are diagnosed
    rights = list(uow.rights.list(enterprise))
    similar = _similar_in_register(rights, register) if register is not None else None
    return facts_from_records(
        rights,
        uow.records.recordations(enterprise),
        uow.health.hits(enterprise),
        answers,
        today,
        similar,
    )


def _similar_in_register(rights: list[Right], register: Register) -> list[str]:
    """Others' registered names judged confusingly similar to the enterprise's live marks."""
    from ipsentry.services.marks import search_register

    own = {r.title.strip().casefold() for r in rights if isinstance(r, Trademark)}
    live = sorted(
        {r.title.strip() for r in rights if isinstance(r, Trademark) and r.status.is_alive}
    )
    found = []
    for query, hits in search_register(register, live, top=10):
        for hit in hits:
            if hit.result.assessment.verdict == "similar" and hit.name.casefold() not in own:
                found.append(f"{hit.name} (like {query}, {hit.score:.2f})")
    return found


def _require_after_previous(
    uow: UnitOfWork, assessment: Assessment, today: date, source: str
) -> None:
    """A re-check is diagnosed after the check it follows, or the change it shows runs
    backwards. (An earlier day than the start is allowed: a provider may enter a check
    made on paper.)"""
    if assessment.previous_assessment_id is None:
        return
    previous = uow.health.assessment(assessment.previous_assessment_id)
    if previous is not None and previous.assessed_on is not None and today <= previous.assessed_on:
        raise InvalidInput([Problem(source, None, "today", f"{today} is not after the check it "
                                    f"re-checks (health check {previous.id}, diagnosed on "
                                    f"{previous.assessed_on})")])  # fmt: skip


def _evidence_sentence(evidence: tuple[Evidence, ...], questions: Mapping[str, Any]) -> str:
    parts = []
    for item in evidence:
        if item.source == "answer":
            question = questions[item.name]
            parts.append(f'answered "{question.worded(item.value)}" to "{question.text["en"]}"')
        elif isinstance(item.value, list):
            parts.append(f"the records show {len(item.value)}: {'; '.join(map(str, item.value))}")
        else:
            parts.append(f"the records show {item.value}")
    return "; ".join(parts)


def set_action(
    uow: UnitOfWork, actor: Actor, assessment_id: int, priority: int, status: ActionStatus
) -> RemediationAction:
    """Move one task of the plan (by its priority number) to ``status``."""
    actor.require(Permission.ASSESS_HEALTH, "track remediation tasks")
    with uow:
        assessment = _get(uow, actor, assessment_id)
        action = next((a for a in assessment.actions if a.priority == priority), None)
        if action is None:
            raise NotFound(f"health check {assessment_id} has no task {priority}")
        if status is ActionStatus.DROPPED:
            _require_the_provider(actor, assessment, "drop a task of its plan")
        before = audit.snapshot(action, "status")
        action.status = status
        audit.record(
            uow,
            actor,
            "health.task",
            entity="remediation_action",
            entity_id=action.id,
            before=before,
            after=audit.snapshot(action, "status"),
        )
        uow.commit()
        return action


def record_hours(
    uow: UnitOfWork, actor: Actor, assessment_id: int, hours: float, source: str = "command line"
) -> ServicePackage:
    """Count hours of the provider's service package as used."""
    actor.require(Permission.ASSESS_HEALTH, "record service hours")
    with uow:
        assessment = _get(uow, actor, assessment_id)
        if actor.organisation_id != assessment.provider_organisation_id:
            raise PermissionDenied(
                f"only the provider of health check {assessment_id} counts its service hours"
            )
        if not assessment.packages:
            raise NotFound(
                f"health check {assessment_id} has no service package: diagnose it with "
                "package hours to make one"
            )
        package = assessment.packages[0]
        if number_problem(hours, 0, package.hours_left, above=True) is not None:
            said = f"give hours above zero, at most {package.hours_left:g} h left"
            raise InvalidInput([Problem(source, None, "hours", f"{said}, not {echoed(hours)}")])
        before = audit.snapshot(package, "hours_used")
        package.hours_used += hours
        package.status = "in_progress" if package.hours_left else "used"
        audit.record(
            uow,
            actor,
            "health.hours",
            entity="service_package",
            entity_id=package.id,
            before=before,
            after=audit.snapshot(package, "hours_used"),
        )
        uow.commit()
        return package


def enterprises_served(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str]]:
    """(slug, name) of the enterprises that engaged the actor's provider: whom it may check."""
    actor.require(Permission.ASSESS_HEALTH, "run health checks")
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        return []
    with uow:
        ids = readable_organisations(uow, actor, GrantScope.ENGAGEMENT) - {actor.organisation_id}
        found = [uow.accounts.organisation(i) for i in sorted(ids)]
        return [(o.slug, o.name) for o in found if o is not None]


def list_assessments(uow: UnitOfWork, actor: Actor) -> list[AssessmentView]:
    with uow:
        found = [a for a in uow.health.assessments(actor.organisation_id) if _visible(actor, a)]
        return [_view(uow, a, _check_of(uow, a)) for a in found]


def show(uow: UnitOfWork, actor: Actor, assessment_id: int) -> AssessmentView:
    with uow:
        assessment = _get(uow, actor, assessment_id)
        return _view(uow, assessment, _check_of(uow, assessment))


def report_of(
    uow: UnitOfWork,
    actor: Actor,
    assessment_id: int,
    lang: str,
    file_format: str,
    *,
    confirmed: bool = False,
) -> dict[str, Any]:
    """What a diagnosed check's report says, its export allowed and recorded as every export
    is (the report carries the enterprise's loopholes). A draft has no report: it would
    read "no loophole found" of questions nobody diagnosed."""
    view = show(uow, actor, assessment_id)
    if view.diagnosis is None:
        raise Conflict(f"health check {assessment_id} is not diagnosed yet: diagnose it first")
    data = view.to_json(lang)
    exports.authorise(
        uow,
        actor,
        f"the report of health check {assessment_id}",
        Confidentiality(data["marking"]),
        confirmed=confirmed,
        entity="health_check",
        entity_id=assessment_id,
        details={"format": file_format, "language": lang},
    )
    return data


def _diagnosis_of(check: HealthCheck, assessment: Assessment) -> Diagnosis | None:
    if assessment.assessed_on is None:
        return None
    return check.rules.diagnose(
        check.questionnaire, assessment.answers, assessment.facts or {}, assessment.assessed_on
    )


def _view(uow: UnitOfWork, assessment: Assessment, check: HealthCheck) -> AssessmentView:
    def org_name(organisation_id: int | None) -> str | None:
        found = uow.accounts.organisation(organisation_id) if organisation_id else None
        return found.name if found else None

    assigned = (
        uow.accounts.user(assessment.assigned_user_id) if assessment.assigned_user_id else None
    )
    diagnosis = _diagnosis_of(check, assessment)
    changes = None
    previous = (
        uow.health.assessment(assessment.previous_assessment_id)
        if assessment.previous_assessment_id
        else None
    )
    if previous is not None and diagnosis is not None:
        earlier = _diagnosis_of(_check_of(uow, previous), previous)
        changes = recheck(earlier, diagnosis) if earlier else None
    questionnaire = check.questionnaire
    return AssessmentView(
        assessment,
        org_name(assessment.enterprise_organisation_id) or "",
        org_name(assessment.provider_organisation_id),
        assigned.email if assigned else None,
        check,
        len(questionnaire.asked(assessment.answers)),
        len(questionnaire.counted_answers(assessment.answers)),
        diagnosis,
        changes,
    )
