"""Health checks through the service, on SQLite and PostgreSQL: access, answers, diagnosis,
plan, package, re-check. Enterprises, rights and answers are written here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ipsentry.domain.accounts import GrantScope, Organisation, OrganisationKind, Role, User
from ipsentry.domain.health import ActionStatus, AssessmentStatus
from ipsentry.domain.rights import LegalStatus, Trademark
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ipsentry.services import accounts, health_checks
from ipsentry.services.access import Actor, resolve_user
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor

TODAY = date(2026, 6, 1)


def _member(uow: UnitOfWork, slug: str, kind: OrganisationKind, role: Role, name: str) -> Actor:
    with uow:
        org = uow.organisations.by_slug(slug)
        if org is None:
            org = Organisation(name=slug.title(), slug=slug, kind=kind)
            uow.organisations.add(org)
            uow.flush()
        assert org.id is not None
        email = f"{name}@{slug}.example"
        uow.organisations.add_user(User(organisation_id=org.id, email=email, name=name, role=role))
        uow.commit()
        return resolve_user(uow, email)


@pytest.fixture
def parties(uow: UnitOfWork) -> dict[str, Actor]:
    counsel = make_actor(uow, Role.COUNSEL, "acme")
    with uow:
        uow.rights.add(
            Trademark(
                organisation_id=counsel.organisation_id,
                jurisdiction="CN",
                title="ACME",
                status=LegalStatus.REGISTERED,
                registration_number="7001",
                registration_date=date(2020, 1, 6),
            )
        )
        uow.commit()
    advisor = _member(uow, "centre", OrganisationKind.LEGAL_SERVICE, Role.LEGAL_SERVICE, "advisor")
    colleague = _member(uow, "centre", OrganisationKind.LEGAL_SERVICE, Role.LEGAL_SERVICE, "other")
    mediator = _member(uow, "centre", OrganisationKind.LEGAL_SERVICE, Role.MEDIATOR, "mediator")
    stranger = make_actor(uow, Role.COUNSEL, "elsewhere")
    return {"counsel": counsel, "advisor": advisor, "colleague": colleague, "mediator": mediator,
            "stranger": stranger}  # fmt: skip


def _engage(uow: UnitOfWork, parties: dict[str, Actor]) -> None:
    accounts.grant(uow, parties["counsel"], grantee_slug="centre", scope=GrantScope.ENGAGEMENT)


def test_a_provider_needs_the_enterprises_engagement(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    with pytest.raises(InvalidInput, match="has engaged"):
        health_checks.start(uow, parties["advisor"], enterprise="acme")
    _engage(uow, parties)
    assessment = health_checks.start(uow, parties["advisor"], enterprise="acme")
    assert assessment.provider_organisation_id == parties["advisor"].organisation_id
    with pytest.raises(PermissionDenied):
        health_checks.start(uow, parties["mediator"], enterprise="acme")


def test_a_provider_lists_the_enterprises_that_engaged_it(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    assert health_checks.enterprises_served(uow, parties["advisor"]) == []
    _engage(uow, parties)
    assert health_checks.enterprises_served(uow, parties["advisor"]) == [("acme", "Acme")]
    assert health_checks.enterprises_served(uow, parties["counsel"]) == []  # no provider
    with pytest.raises(PermissionDenied):
        health_checks.enterprises_served(uow, parties["mediator"])


def test_one_provider_keeps_one_open_check_and_alone_diagnoses_it(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    _engage(uow, parties)
    advisor = parties["advisor"]
    first = health_checks.start(uow, advisor, enterprise="acme")
    with pytest.raises(Conflict, match=f"health check {first.id} of this enterprise is still open"):
        health_checks.start(uow, advisor, enterprise="acme")
    own = health_checks.start(uow, parties["counsel"])  # the enterprise's own self-check
    assert own.provider_organisation_id is None
    assert first.id is not None
    with pytest.raises(Conflict, match="has no answers yet"):
        health_checks.diagnose(uow, advisor, first.id, TODAY)  # nothing to stand behind
    health_checks.answer(uow, advisor, first.id, {"trademark_watch": "no"})
    with pytest.raises(PermissionDenied, match="only its advisers diagnose it"):
        health_checks.diagnose(uow, parties["counsel"], first.id, TODAY)
    health_checks.diagnose(uow, advisor, first.id, TODAY)
    with pytest.raises(PermissionDenied, match="drop a task"):
        health_checks.set_action(uow, parties["counsel"], first.id, 1, ActionStatus.DROPPED)
    done = health_checks.set_action(uow, parties["counsel"], first.id, 1, ActionStatus.DONE)
    assert done.status is ActionStatus.DONE  # the enterprise carries out the plan
    later = health_checks.start(uow, advisor, enterprise="acme", recheck_previous=True)
    assert later.previous_assessment_id == first.id


def test_a_diagnosis_dated_after_today_is_refused_and_changes_nothing(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    counsel = parties["counsel"]
    a = health_checks.start(uow, counsel)
    assert a.id is not None
    tomorrow_and_more = date.today() + timedelta(days=3)
    with pytest.raises(InvalidInput) as refused:
        health_checks.diagnose(uow, counsel, a.id, tomorrow_and_more, source="body")
    (problem,) = refused.value.problems
    assert (problem.source, problem.field) == ("body", "today")
    assert "is in the future" in problem.message
    assert health_checks.show(uow, counsel, a.id).assessment.status is AssessmentStatus.DRAFT


def test_answers_are_saved_as_they_come_and_bad_ones_lose_nothing(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    _engage(uow, parties)
    advisor = parties["advisor"]
    a = health_checks.start(uow, advisor, enterprise="acme")
    assert a.id is not None
    view = health_checks.answer(uow, advisor, a.id, {"uses_contractors": "yes", "exports": True})
    assert view.assessment.answers == {"uses_contractors": "yes", "exports": "yes"}
    with pytest.raises(InvalidInput) as refused:
        health_checks.answer(
            uow, advisor, a.id, {"contractor_assignment": "perhaps", "own_domains": "no"}
        )
    assert [p.field for p in refused.value.problems] == ["contractor_assignment"]
    resumed = health_checks.show(uow, advisor, a.id)
    assert resumed.assessment.answers == {"uses_contractors": "yes", "exports": "yes"}
    assert resumed.answered == 2 and resumed.asked > 2
    cleared = health_checks.answer(uow, advisor, a.id, {"exports": None})
    assert cleared.assessment.answers == {"uses_contractors": "yes"}


@pytest.mark.parametrize("hours", [float("nan"), float("inf"), -float("inf"), 1e99, 0, -2])
def test_package_hours_that_are_no_amount_are_refused_and_change_nothing(
    uow: UnitOfWork, parties: dict[str, Actor], hours: float
) -> None:
    _engage(uow, parties)
    advisor = parties["advisor"]
    a = health_checks.start(uow, advisor, enterprise="acme")
    assert a.id is not None
    health_checks.answer(uow, advisor, a.id, {"trademark_watch": "no"})
    with pytest.raises(InvalidInput) as refused:
        health_checks.diagnose(uow, advisor, a.id, TODAY, package_hours=hours, source="body")
    (problem,) = refused.value.problems
    assert (problem.source, problem.field) == ("body", "package_hours")
    assert problem.message.startswith("give a finite number above 0, at most 10,000 hours, not")
    assert health_checks.show(uow, advisor, a.id).assessment.status is AssessmentStatus.DRAFT
    health_checks.diagnose(uow, advisor, a.id, TODAY, package_hours=4)
    with pytest.raises(InvalidInput, match="give hours above zero, at most 4 h left, not"):
        health_checks.record_hours(uow, advisor, a.id, hours)
    assert health_checks.show(uow, advisor, a.id).assessment.packages[0].hours_used == 0


def test_a_follow_up_not_asked_is_refused_and_one_left_behind_is_not_diagnosed(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    counsel = parties["counsel"]
    a = health_checks.start(uow, counsel)
    assert a.id is not None
    health_checks.answer(uow, counsel, a.id, {"exports": "yes", "export_markets": ["US", "EM"]})
    with pytest.raises(InvalidInput) as refused:
        health_checks.answer(uow, counsel, a.id, {"own_domains": "no", "customs_contact": "no"})
    (problem,) = refused.value.problems
    assert problem.field == "customs_contact" and "customs_recorded is 'yes'" in problem.message
    # the exports answer changed: the markets given for it stay, but count no more
    view = health_checks.answer(uow, counsel, a.id, {"exports": "no"}, "answers.yaml")
    assert view.assessment.answers == {"exports": "no", "export_markets": ["US", "EM"]}
    assert view.answered == 1
    data = health_checks.diagnose(uow, counsel, a.id, TODAY).to_json()
    assert "COV-EXPORT-MARKETS" not in {f["code"] for f in data["findings"]}
    assert not any("export_markets" in str(f["evidence_items"]) for f in data["findings"])


def test_only_the_assigned_person_and_the_enterprise_see_a_check(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    _engage(uow, parties)
    a = health_checks.start(uow, parties["advisor"], enterprise="acme")
    assert a.id is not None
    assert health_checks.show(uow, parties["counsel"], a.id).provider == "Centre"
    for outsider in ("colleague", "stranger", "mediator"):
        with pytest.raises(NotFound):
            health_checks.show(uow, parties[outsider], a.id)
        assert health_checks.list_assessments(uow, parties[outsider]) == []
    assert [v.assessment.id for v in health_checks.list_assessments(uow, parties["advisor"])] == [
        a.id
    ]


def test_a_diagnosis_reads_answers_and_records_and_plans_the_work(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    _engage(uow, parties)
    advisor = parties["advisor"]
    a = health_checks.start(uow, advisor, enterprise="acme")
    assert a.id is not None
    health_checks.answer(uow, advisor, a.id, {
        "uses_contractors": "yes", "contractor_assignment": "no",
        "exports": "yes", "export_markets": ["US", "EM"], "trademark_watch": "no",
        "co_development": "yes", "co_development_ownership": "agreed_orally",
    })  # fmt: skip
    view = health_checks.diagnose(uow, advisor, a.id, TODAY, package_hours=10)
    codes = [f["code"] for f in view.to_json()["findings"]]
    assert codes[0] == "OWN-CONTRACTOR-ASSIGNMENT"  # critical first
    assert {"COV-EXPORT-MARKETS", "CUS-MARKS-UNRECORDED-DATA", "WATCH-NONE"} <= set(codes)
    data = view.to_json()
    oral = next(f for f in data["findings"] if f["code"] == "OWN-CODEVELOPMENT")
    assert oral["evidence"].startswith('answered "Agreed orally only" to "How is ownership')
    assert oral["evidence_items"][0]["value"] == "agreed_orally"  # the stored key, for programs
    export = next(f for f in data["findings"] if f["code"] == "COV-EXPORT-MARKETS")
    assert export["evidence_items"] == [
        {"source": "data", "name": "export_markets_without_mark", "value": ["US", "EM"]}
    ]
    assert "the records show 2: US; EM" in export["evidence"]
    assert [t["priority"] for t in data["plan"]] == list(range(1, len(codes) + 1))
    (package,) = data["packages"]
    assert package["hours"] == 10 and package["topics"]
    assert data["status"] == "diagnosed" and data["overall"] is not None
    with pytest.raises(Conflict):
        health_checks.answer(uow, advisor, a.id, {"trademark_watch": "yes"})
    task = health_checks.set_action(uow, advisor, a.id, 1, ActionStatus.IN_PROGRESS)
    assert task.status is ActionStatus.IN_PROGRESS
    assert (
        health_checks.show(uow, parties["counsel"], a.id).to_json()["plan"][0]["status"]
        == "in_progress"
    )


def test_a_recheck_shows_what_improved(uow: UnitOfWork, parties: dict[str, Actor]) -> None:
    counsel = parties["counsel"]  # a self-check by the enterprise's counsel
    with pytest.raises(Conflict, match="no diagnosed"):
        health_checks.start(uow, counsel, recheck_previous=True)
    first = health_checks.start(uow, counsel)
    assert first.id is not None and first.provider_organisation_id is None
    health_checks.answer(
        uow, counsel, first.id, {"customs_recorded": "no", "confidentiality_agreements": "no"}
    )
    with pytest.raises(InvalidInput, match="no provider"):
        health_checks.diagnose(uow, counsel, first.id, TODAY, package_hours=10)
    assert health_checks.show(uow, counsel, first.id).assessment.status is AssessmentStatus.DRAFT
    health_checks.diagnose(uow, counsel, first.id, TODAY)
    again = health_checks.start(uow, counsel, recheck_previous=True)
    assert again.id is not None and again.previous_assessment_id == first.id
    health_checks.answer(uow, counsel, again.id, {
        "customs_recorded": "yes", "identification_guide": "yes", "customs_contact": "yes",
        "confidentiality_agreements": "no",
    })  # fmt: skip
    with pytest.raises(InvalidInput, match="not after the check it re-checks") as early:
        health_checks.diagnose(uow, counsel, again.id, TODAY)  # the first check's own day
    assert early.value.problems[0].field == "today"
    view = health_checks.diagnose(uow, counsel, again.id, date(2026, 12, 1))
    changes = {c["section"]: c for c in view.to_json()["recheck"]}
    assert changes["customs"]["trend"] == "improved"
    assert changes["customs"]["resolved"] == ["CUS-NOT-RECORDED"]
    assert changes["secrets"]["trend"] == "same"
    assert view.assessment.status is AssessmentStatus.DIAGNOSED


def test_a_self_check_is_of_ones_own_organisation(
    uow: UnitOfWork, parties: dict[str, Actor]
) -> None:
    with pytest.raises(PermissionDenied, match="own organisation"):
        health_checks.start(uow, parties["counsel"], enterprise="elsewhere")
    viewer = make_actor(uow, Role.VIEWER, "acme")
    with pytest.raises(PermissionDenied):
        health_checks.start(uow, viewer)
