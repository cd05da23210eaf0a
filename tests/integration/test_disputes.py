"""Disputes through the service on SQLite and PostgreSQL: intake with the conflict check,
suitability, mediation, outcomes, judicial confirmation, escalation and who sees what.
Parties and disputes are written here."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ipsentry.domain.accounts import GrantScope, Organisation, OrganisationKind, Role, User
from ipsentry.domain.cases import CaseKind, DispositionKind, PartyRole
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.disputes import DisputeStatus, JudicialConfirmation, OutcomeKind
from ipsentry.domain.evidence import verify_chain
from ipsentry.domain.mediation import Suitability
from ipsentry.domain.outreach import OutreachKind
from ipsentry.domain.parties import IdentifierKind, Party
from ipsentry.domain.rights import LegalStatus, Patent, Right, Trademark
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ipsentry.services import (
    accounts,
    case_records,
    case_views,
    disputes,
    evidence,
    health_checks,
    outreach,
    programme,
)
from ipsentry.services.access import Actor, resolve_user
from ipsentry.store.account_repository import AuditFilter
from ipsentry.store.unit_of_work import UnitOfWork
from tests.conftest import make_actor


def _member(uow: UnitOfWork, role: Role, name: str) -> Actor:
    with uow:
        org = uow.organisations.by_slug("court")
        if org is None:
            org = Organisation(name="Court", slug="court", kind=OrganisationKind.LEGAL_SERVICE)
            uow.organisations.add(org)
            uow.flush()
        assert org.id is not None
        email = f"{name}@court.example"
        uow.organisations.add_user(User(organisation_id=org.id, email=email, name=name, role=role))
        uow.commit()
        return resolve_user(uow, email)


@pytest.fixture
def staff(uow: UnitOfWork) -> dict[str, Actor]:
    return {
        "admin": _member(uow, Role.ADMIN, "admin"),
        "lawyer": _member(uow, Role.LEGAL_SERVICE, "lawyer"),
        "mediator": _member(uow, Role.MEDIATOR, "mediator"),
        "other": _member(uow, Role.MEDIATOR, "other"),
    }


def _intake(title: str = "Deep-link scheme copies a word mark", **kw: object) -> disputes.Intake:
    fields: dict[str, object] = {
        "title": title,
        "claimant": disputes.PartySpec("Northwind Video Co., Ltd."),
        "respondent": disputes.PartySpec("Harbour Apps Limited"),
        "received_on": date(2026, 3, 2),
        "done_already": "the respondent stopped after notice",
        "assignee": "mediator@court.example",
        **kw,
    }
    return disputes.Intake(**fields)  # type: ignore[arg-type]


def test_the_whole_road_to_a_confirmed_cooperation_agreement(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    taken = disputes.take_in(uow, staff["admin"], _intake())
    dispute_id = taken.dispute.id
    assert dispute_id is not None and taken.mediator == "mediator@court.example"
    assert taken.provider == "admin@court.example"  # who took it in stays in charge
    mediator = staff["mediator"]
    with pytest.raises(Conflict, match="assess"):
        disputes.start_mediation(uow, mediator, dispute_id)
    _, suitability = disputes.assess(
        uow,
        mediator,
        dispute_id,
        {"conduct_stopped_after_notice": True, "complementary_businesses": True},
    )
    assert suitability.verdict is Suitability.SUITABLE
    disputes.start_mediation(uow, mediator, dispute_id)
    with pytest.raises(InvalidInput, match="in the future"):
        disputes.add_session(uow, mediator, dispute_id, date(2999, 1, 1), "Not yet.")
    disputes.add_session(
        uow, mediator, dispute_id, date(2026, 4, 10), "Parties explore content supply."
    )
    with pytest.raises(InvalidInput, match="before the last session"):
        disputes.resolve(uow, mediator, dispute_id, OutcomeKind.SETTLEMENT, date(2026, 4, 1))
    view = disputes.resolve(
        uow, mediator, dispute_id, OutcomeKind.COOPERATION_AGREEMENT, date(2026, 5, 22)
    )
    assert view.dispute.status is DisputeStatus.RESOLVED
    requested, confirmed = JudicialConfirmation.REQUESTED, JudicialConfirmation.CONFIRMED
    court, number = "Example Internet Court", "(2026) Example 0491 Civil Special No. 12"
    disputes.judicial_confirmation(
        uow, mediator, dispute_id, requested, date(2026, 5, 25), court=court
    )
    with pytest.raises(Conflict, match="cannot become requested"):
        disputes.judicial_confirmation(uow, mediator, dispute_id, requested, date(2026, 5, 26))
    final = disputes.judicial_confirmation(  # by the court asked; the ruling's number
        uow, mediator, dispute_id, confirmed, date(2026, 6, 8), reference=number
    )
    data = final.to_json()
    assert (
        data["judicial_confirmation"] == "confirmed" and data["outcome"] == "cooperation_agreement"
    )
    assert (
        data["confirmation_requested_on"], data["confirmation_decided_on"],
        data["confirmation_court"], data["confirmation_reference"],
    ) == ("2026-05-25", "2026-06-08", court, number)  # fmt: skip
    assert data["sessions"][0]["marking"] == "privileged"
    assert "stopped after notice" in data["claims"]
    stats = disputes.statistics(uow, staff["admin"])
    assert (stats.total, stats.by_mediation, stats.median_days_to_resolution) == (1, 1, 81)


def test_a_party_on_the_other_side_of_another_matter_stops_the_intake_until_waived(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    disputes.take_in(uow, staff["admin"], _intake())
    again = disputes.take_in(uow, staff["admin"], _intake("Second complaint"))
    assert {c.certain for c in again.conflicts} == {False}  # the same sides again: noted only
    counter = {
        "claimant": disputes.PartySpec("HARBOUR APPS LTD"),
        "respondent": disputes.PartySpec("Northwind Video Limited"),
    }
    conflicts = disputes.check_intake(uow, staff["admin"], _intake("Counter-claim", **counter))
    assert {(c.how, c.certain) for c in conflicts} == {("same name", True)}
    with pytest.raises(Conflict, match="HARBOUR APPS LTD is the respondent in dispute 1"):
        disputes.take_in(uow, staff["admin"], _intake("Counter-claim", **counter))
    assert len(disputes.list_disputes(uow, staff["admin"])) == 2  # nothing stored
    waiver = "the counter-claim is heard with the first dispute, by the same mediator"
    waived = disputes.take_in(
        uow, staff["admin"], _intake("Counter-claim", conflict_waiver=waiver, **counter)
    )
    assert len(waived.conflicts) == 4  # both parties, in both earlier disputes


def test_not_suitable_goes_to_court_unless_overridden_and_escalation_keeps_parties(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    mediator = staff["mediator"]
    dispute_id = disputes.take_in(uow, staff["admin"], _intake()).dispute.id
    assert dispute_id is not None
    disputes.assess(uow, mediator, dispute_id, {"wilful_counterfeiting": True})
    with pytest.raises(Conflict, match="was assessed not suitable; to mediate, override it"):
        disputes.start_mediation(uow, mediator, dispute_id)
    disputes.override(uow, mediator, dispute_id, Suitability.NOT_SUITABLE, "confirmed on a call")
    with pytest.raises(Conflict, match="was decided not suitable; to mediate, override it"):
        disputes.start_mediation(uow, mediator, dispute_id)  # the override said so, not the score
    with pytest.raises(InvalidInput, match="say why"):
        disputes.override(uow, mediator, dispute_id, Suitability.CONSIDER, " ")
    overridden = disputes.override(
        uow, mediator, dispute_id, Suitability.CONSIDER, "both parties asked"
    )
    assert overridden.dispute.suitability is not None
    assert overridden.dispute.suitability["assessed"] == "not_suitable"
    disputes.start_mediation(uow, mediator, dispute_id)
    disputes.add_session(uow, mediator, dispute_id, date(2026, 3, 20), "Without prejudice offer.")
    disputes.add_session(
        uow, mediator, dispute_id, date(2026, 4, 2), "Agreed facts.", disclosure_agreed=True
    )
    disputes.resolve(uow, mediator, dispute_id, OutcomeKind.NO_AGREEMENT, date(2026, 4, 30))
    with pytest.raises(Conflict, match="only a mediated settlement"):
        disputes.judicial_confirmation(
            uow, mediator, dispute_id, JudicialConfirmation.REQUESTED, date(2026, 5, 1), court="C"
        )
    with pytest.raises(Conflict, match="already referred"):
        disputes.escalate(uow, staff["admin"], dispute_id, CaseKind.DISTRICT_COURT)


def test_escalation_opens_a_case_with_the_same_parties(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    view = disputes.take_in(uow, staff["admin"], _intake())
    assert view.dispute.id is not None
    case = disputes.escalate(
        uow, staff["admin"], view.dispute.id, CaseKind.DISTRICT_COURT, "Example Court"
    )
    roles = {p.role: p.party_id for p in case.parties}
    assert roles == {PartyRole.COMPLAINANT: view.dispute.claimant_party_id,
                     PartyRole.RESPONDENT: view.dispute.respondent_party_id}  # fmt: skip
    after = disputes.show(uow, staff["admin"], view.dispute.id)
    assert after.dispute.status is DisputeStatus.REFERRED and after.dispute.case_id == case.id
    with uow:  # no session, nothing disclosed: no evidence
        assert list(uow.evidence.list(view.dispute.provider_organisation_id)) == []


@pytest.mark.parametrize(
    ("changes", "said"),
    [
        ({"amount": {"amount": "1e30", "currency": "CNY"}},
         "amount: '1e30' has more than 15 digits written out"),
        ({"assignee": 5}, "assignee: give text, not 5"),
        ({"title": {"a": 1}}, "title: give text, not {'a': 1}"),
        ({"title": "t" * 501}, "title: at most 500 characters; this is 501"),
        ({"claims": "c" * 20_001}, "claims: at most 20,000 characters; this is 20,001"),
        ({"respondent": {"name": "Zeta Widgets Ltd", "aliases": "ZW"}},
         "respondent.aliases: give a list of names"),  # not split into 'Z' and 'W'
    ],
)  # fmt: skip
def test_an_intake_file_is_held_to_what_the_api_takes(
    changes: dict[str, object], said: str
) -> None:
    given = {"title": "t", "claimant": "A Co", "respondent": "B Co", "received_on": "2026-03-02"}
    with pytest.raises(InvalidInput) as refused:
        disputes.intake_from(given | changes, "intake.json")
    assert [str(p) for p in refused.value.problems] == [f"intake.json: {said}"]


def test_a_case_escalated_from_a_dispute_is_seen_only_by_those_who_see_the_dispute(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    view = disputes.take_in(uow, staff["admin"], _intake(title="Escalated and scoped"))
    assert view.dispute.id is not None
    case = disputes.escalate(uow, staff["admin"], view.dispute.id, CaseKind.DISTRICT_COURT)
    number = str(case.id)
    for sees in ("admin", "mediator"):  # the provider's admin and the dispute's mediator
        with uow:
            assert case_views.find_case(uow, staff[sees], number).id == case.id
        assert case.id in {row["id"] for row in case_views.list_cases(uow, staff[sees])}
    for colleague in ("lawyer", "other"):  # same organisation, not on the dispute
        with uow, pytest.raises(NotFound):
            case_views.find_case(uow, staff[colleague], number)
        assert case.id not in {row["id"] for row in case_views.list_cases(uow, staff[colleague])}


def test_session_notes_are_privileged_and_disputes_seen_only_by_those_assigned(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    view = disputes.take_in(uow, staff["admin"], _intake(assignee="lawyer@court.example"))
    dispute_id = view.dispute.id
    assert dispute_id is not None
    disputes.assess(
        uow, staff["lawyer"], dispute_id, {"ongoing_relationship": True, "cross_border": True}
    )
    disputes.start_mediation(uow, staff["lawyer"], dispute_id)
    with pytest.raises(PermissionDenied, match="not cleared for privileged"):
        disputes.add_session(uow, staff["lawyer"], dispute_id, date(2026, 3, 9), "Offer.")
    disputes.add_session(uow, staff["admin"], dispute_id, date(2026, 3, 9), "Offer of a licence.")
    as_lawyer = disputes.show(uow, staff["lawyer"], dispute_id).to_json()
    assert as_lawyer["sessions"][0]["notes"] is None  # legal_service is not cleared for privileged
    assert as_lawyer["marking"] == "confidential"  # what the lawyer is shown is the dispute
    as_admin = disputes.show(uow, staff["admin"], dispute_id).to_json()
    assert as_admin["sessions"][0]["notes"] == "Offer of a licence."
    assert as_admin["marking"] == "privileged"  # the page carries a privileged record
    for outsider in ("mediator", "other"):
        with pytest.raises(NotFound):
            disputes.show(uow, staff[outsider], dispute_id)
        assert disputes.list_disputes(uow, staff[outsider]) == []


def test_bad_intakes_and_wrong_organisations_are_refused(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    with pytest.raises(InvalidInput) as refused:
        disputes.take_in(uow, staff["admin"], _intake(" ", claimant=disputes.PartySpec("")))
    assert {p.field for p in refused.value.problems} == {"title", "claimant"}
    rights_holder = make_actor(uow, Role.ADMIN, "acme")
    for nobody in ("nobody@court.example", rights_holder.email):  # no one, or another's
        with pytest.raises(InvalidInput) as unknown:
            disputes.take_in(uow, staff["admin"], _intake(assignee=nobody))
        [problem] = unknown.value.problems
        assert problem.field == "assignee"
        assert problem.message == f"no active user {nobody!r} in your organisation"
    assert disputes.list_disputes(uow, staff["admin"]) == []
    with pytest.raises(PermissionDenied):
        disputes.take_in(uow, rights_holder, _intake())
    with pytest.raises(InvalidInput) as sides:
        disputes.take_in(
            uow,
            staff["admin"],
            _intake(
                claimant=disputes.PartySpec("Harbour Apps Limited", country="ZZ"),
                respondent=disputes.PartySpec("HARBOUR APPS LTD", country="cn"),
            ),
        )
    assert [str(p) for p in sides.value.problems] == [
        "intake: claimant.country: 'ZZ' is not an ISO 3166-1 country code (e.g. CN, US, DE)",
        "intake: respondent: HARBOUR APPS LTD is the claimant too (same name): a dispute has "
        "two sides",
    ]
    with pytest.raises(InvalidInput) as from_file:
        disputes.intake_from(
            {"title": "t", "claimant": {"name": "A Co", "country": "XX"},
             "respondent": {"name": "B Co", "country": "de"}, "received_on": "2026-03-02"},
            "intake.yaml",
        )  # fmt: skip
    assert [str(p) for p in from_file.value.problems] == [
        "intake.yaml: claimant.country: 'XX' is not an ISO 3166-1 country code (e.g. CN, US, DE)"
    ]
    kept = disputes.intake_from(
        {"title": "t", "claimant": {"name": "A Co", "country": " de"}, "respondent": "B Co",
         "received_on": "2026-03-02"},
        "intake.yaml",
    )  # fmt: skip
    assert kept.claimant.country == "DE"
    with pytest.raises(InvalidInput, match="amount"):
        disputes.money("lots", "CNY", "intake.json")
    assert disputes.money("5,000,000", "cny", "intake.json") is not None
    for amount, currency, said in [
        (None, "CNY", "give the amount as well as its currency"),
        ("", "CNY", "give the amount as well as its currency"),
        ("1000", None, "give the currency of the amount (an ISO 4217 code such as CNY)"),
    ]:  # a half left empty is named, not read as the amount 'None'
        with pytest.raises(InvalidInput) as refused:
            disputes.money(amount, currency, "intake.json")
        assert [p.message for p in refused.value.problems] == [said]
    spec = disputes.intake_from(
        {
            "title": "t",
            "claimant": {"name": "Alpha", "aliases": [None, " ", "Alfa"], "country": None},
            "respondent": "Beta",
            "received_on": "2026-03-02",
        },
        "intake.json",
    )
    assert (spec.claimant.aliases, spec.claimant.country) == (("Alfa",), "")
    for amount, currency in (("9" * 5000, "CNY"), ("lots" * 1000, "CNY"), ("1", "CNY" * 2000)):
        with pytest.raises(InvalidInput) as refused:  # a long paste is quoted back cut short
            disputes.money(amount, currency, "intake.json")
        (problem,) = refused.value.problems
        assert len(problem.message) < 120 and "…" in problem.message, problem


def test_outreach_records_events_and_case_studies_without_party_names(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    lawyer = staff["lawyer"]
    with pytest.raises(InvalidInput) as refused:
        outreach.record_event(
            uow, lawyer, OutreachKind.CASE_STUDY, " ", date(2026, 5, 1), attendance=-1
        )
    assert {p.field for p in refused.value.problems} == {"kind", "title", "attendance"}
    seminar = outreach.record_event(
        uow, lawyer, OutreachKind.SEMINAR, "Trade secrets 101", date(2026, 5, 1), attendance=25
    )
    assert seminar.id is not None
    intake = _intake(
        claims="Harbour Apps Limited declared Northwind Video's mark as its scheme; "
        "its developer page harbourapps.example says so.",
        assignee="lawyer@court.example",
        respondent=disputes.PartySpec(
            "Harbour Apps Limited", identifiers=((IdentifierKind.DOMAIN, "harbourapps.example"),)
        ),
    )
    dispute_id = disputes.take_in(uow, staff["admin"], intake).dispute.id
    assert dispute_id is not None
    with pytest.raises(Conflict, match="has not ended"):
        outreach.case_study(uow, lawyer, dispute_id, "", date(2026, 6, 1))
    disputes.resolve(uow, lawyer, dispute_id, OutcomeKind.WITHDRAWAL, intake.received_on)
    study = outreach.case_study(uow, lawyer, dispute_id, "", date(2026, 6, 1))
    assert "Harbour" not in study.summary and "Northwind" not in study.summary + study.title
    assert study.summary.startswith("[respondent] declared [claimant]'s mark")
    assert "harbourapps" not in study.summary  # the domain recorded at intake
    assert [e.kind for e in outreach.events(uow, lawyer)] == [
        OutreachKind.CASE_STUDY,
        OutreachKind.SEMINAR,
    ]
    with pytest.raises(Conflict, match="already has a case study"):
        outreach.case_study(uow, lawyer, dispute_id, "again", date(2026, 6, 2))
    with pytest.raises((PermissionDenied, NotFound)):  # a mediator it was not assigned to
        outreach.case_study(uow, staff["other"], dispute_id, "", date(2026, 6, 1))
    handled = disputes.take_in(uow, staff["admin"], _intake(
        title="Second scheme", claimant=disputes.PartySpec("Eastwind Games Co., Ltd."),
        respondent=disputes.PartySpec("Quay Apps Limited"))).dispute.id  # fmt: skip
    assert handled is not None
    disputes.resolve(uow, staff["mediator"], handled, OutcomeKind.WITHDRAWAL, date(2026, 3, 2))
    written = outreach.case_study(uow, staff["mediator"], handled, "", date(2026, 6, 1))
    assert written.dispute_id == handled  # the mediator who handled it writes it up


def test_a_dispute_is_handed_to_another_lawyer_or_mediator_by_the_admin_or_lawyer_in_charge(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    lawyer, mediator = staff["lawyer"], staff["mediator"]
    second = _member(uow, Role.LEGAL_SERVICE, "second")
    view = disputes.take_in(uow, lawyer, _intake())  # the lawyer takes it in for the mediator
    dispute_id = view.dispute.id
    assert dispute_id is not None
    assert (view.provider, view.mediator) == ("lawyer@court.example", "mediator@court.example")
    with pytest.raises(PermissionDenied, match="may not take in, hand over or refer"):
        disputes.assign(uow, mediator, dispute_id, mediator="other@court.example")
    with pytest.raises(InvalidInput) as refused:
        disputes.assign(
            uow,
            lawyer,
            dispute_id,
            provider="mediator@court.example",
            mediator="second@court.example",
        )
    assert [str(p) for p in refused.value.problems] == [
        "command line: --provider: mediator@court.example is a mediator, not a legal-service "
        "user or an admin",
        "command line: --mediator: second@court.example is a legal-service user, not a mediator",
    ]
    rival = make_actor(uow, Role.MEDIATOR, "rival")  # a mediator of another organisation
    with pytest.raises(InvalidInput, match=f"--mediator: no active user '{rival.email}' in your"):
        disputes.assign(uow, lawyer, dispute_id, mediator=rival.email)
    with pytest.raises(InvalidInput, match="give --provider or --mediator"):
        disputes.assign(uow, lawyer, dispute_id, provider=" ")
    assert disputes.show(uow, mediator, dispute_id).mediator == "mediator@court.example"

    moved = disputes.assign(uow, lawyer, dispute_id, mediator="other@court.example")
    assert moved.mediator == "other@court.example"
    with pytest.raises(NotFound):  # the mediator taken off it no longer sees it
        disputes.show(uow, mediator, dispute_id)
    disputes.assess(uow, staff["other"], dispute_id, {"conduct_stopped_after_notice": True})
    handed = disputes.assign(uow, lawyer, dispute_id, provider="second@court.example")
    assert handed.provider == "second@court.example"
    with pytest.raises(NotFound):
        disputes.assign(uow, lawyer, dispute_id, provider="lawyer@court.example")
    # the second lawyer leaves: the admin hands what they held back
    disputes.assign(uow, staff["admin"], dispute_id, provider="lawyer@court.example")
    assert disputes.show(uow, lawyer, dispute_id).provider == "lawyer@court.example"
    with pytest.raises(NotFound):
        disputes.show(uow, second, dispute_id)
    with uow:
        entries, _ = uow.accounts.audit_entries(AuditFilter(action="dispute.assign"), limit=10)
    first = entries[-1]  # newest first
    assert (first.before, first.after) == (
        {"provider": "lawyer@court.example", "mediator": "mediator@court.example"},
        {"provider": "lawyer@court.example", "mediator": "other@court.example"},
    )
    assert len(entries) == 3  # the refusals changed nothing
    disputes.resolve(uow, lawyer, dispute_id, OutcomeKind.WITHDRAWAL, date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="is resolved: its mediation is over"):
        disputes.assign(uow, lawyer, dispute_id, mediator="mediator@court.example")
    with pytest.raises(InvalidInput, match="is an admin, not"):
        disputes.assign(uow, lawyer, dispute_id, mediator="admin@court.example")
    with pytest.raises(InvalidInput, match="at most 500 characters"):
        disputes.escalate(uow, lawyer, dispute_id, CaseKind.DISTRICT_COURT, "c" * 501)


def test_outreach_names_only_enterprises_the_provider_serves(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    lawyer = staff["lawyer"]
    member = make_actor(uow, Role.ADMIN, "acme")
    make_actor(uow, Role.ADMIN, "globex")  # never engaged the court
    engaged = accounts.grant(uow, member, grantee_slug="court", scope=GrantScope.ENGAGEMENT)
    with pytest.raises(InvalidInput) as refused:
        outreach.record_event(
            uow,
            lawyer,
            OutreachKind.SEMINAR,
            "Trade secrets 101",
            date(2026, 5, 1),
            enterprises=["acme", "globex", "nobody"],
        )
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("enterprise", f"{slug!r} is not an enterprise your organisation serves: it has not "
         "engaged you and has no health check by you")
        for slug in ("globex", "nobody")  # an unknown slug is told as another's enterprise
    ]  # fmt: skip
    assert outreach.events(uow, lawyer) == []  # nothing recorded, not even for acme
    seminar = outreach.record_event(
        uow, lawyer, OutreachKind.SEMINAR, "Trade secrets 101", date(2026, 5, 1),
        enterprises=["acme"],
    )  # fmt: skip
    assert seminar.enterprise_ids == [member.organisation_id]
    health_checks.start(uow, lawyer, enterprise="acme")
    assert engaged.id is not None
    accounts.revoke_grant(uow, member, engaged.id)
    later = outreach.record_event(  # checked by the court: served though the grant has ended
        uow, lawyer, OutreachKind.CONSULTATION, "Follow-up", date(2026, 6, 1), enterprises=["acme"]
    )
    assert later.enterprise_ids == [member.organisation_id]


def test_a_seminar_may_be_announced_but_not_attended_ahead(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    lawyer = staff["lawyer"]
    seminar = OutreachKind.SEMINAR
    outreach.record_event(uow, lawyer, seminar, "Held", date(2026, 5, 1), attendance=25)
    ahead = date.today() + timedelta(days=30)
    with pytest.raises(InvalidInput) as refused:
        outreach.record_event(uow, lawyer, seminar, "Next month", ahead, attendance=12)
    [problem] = refused.value.problems
    assert problem.field == "attendance" and f"on {ahead}, not held yet" in problem.message
    announced = outreach.record_event(uow, lawyer, seminar, "Next month", ahead)
    assert announced.attendance == 0 and not outreach.held(announced.held_on)
    # the programme reports what was held; the announced seminar is not reach yet
    reach = programme.programme(uow, staff["admin"]).to_json()["outreach"]
    assert reach == {"by_kind": {"seminar": 1}, "attendance": 25, "scheduled": 1}
    assert announced.id is not None
    with pytest.raises(InvalidInput, match="not held yet"):  # its count comes once it is
        outreach.record_attendance(uow, lawyer, announced.id, 30)
    [held] = [e for e in outreach.events(uow, lawyer) if e.title == "Held"]
    assert held.id is not None
    for wrong in (-1, 1_000_001, 2**31):  # none is a count; the last is past any column
        with pytest.raises(InvalidInput, match="give how many came, from 0 to 1,000,000"):
            outreach.record_attendance(uow, lawyer, held.id, wrong)
    with uow:
        centre = Organisation(name="Centre", slug="centre", kind=OrganisationKind.LEGAL_SERVICE)
        uow.organisations.add(centre)
        uow.flush()
        assert centre.id is not None
        uow.organisations.add_user(
            User(organisation_id=centre.id, email="a@centre.example", name="a", role=Role.ADMIN)
        )
        uow.commit()
    with pytest.raises(NotFound):  # another provider's event is not found
        outreach.record_attendance(uow, resolve_user(uow, "a@centre.example"), held.id, 3)
    assert outreach.record_attendance(uow, lawyer, held.id, 27).attendance == 27
    assert programme.programme(uow, staff["admin"]).to_json()["outreach"]["attendance"] == 27
    dispute_id = disputes.take_in(uow, staff["admin"], _intake()).dispute.id
    assert dispute_id is not None
    disputes.resolve(uow, staff["admin"], dispute_id, OutcomeKind.WITHDRAWAL, date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="is in the future") as early:
        outreach.case_study(uow, lawyer, dispute_id, "", ahead)
    assert early.value.problems[0].field == "held_on"
    study = outreach.case_study(uow, staff["admin"], dispute_id, "", date(2026, 6, 1))
    assert study.id is not None
    with pytest.raises(Conflict, match="is a case study: it has no attendance"):
        outreach.record_attendance(uow, lawyer, study.id, 3)


def test_a_mediator_mediates_but_takes_nothing_in_and_refers_nothing_on(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    """A mediator is a neutral: the provider's side takes disputes in and refers them into
    enforcement cases; the mediator assesses, holds sessions and records the outcome."""
    mediator = staff["mediator"]
    side = "may not take in, hand over or refer disputes"
    with pytest.raises(PermissionDenied, match=side):
        disputes.take_in(uow, mediator, _intake(assignee=None))
    with pytest.raises(PermissionDenied, match=side):
        disputes.check_intake(uow, mediator, _intake())
    assert disputes.list_disputes(uow, staff["admin"]) == []
    dispute_id = disputes.take_in(uow, staff["lawyer"], _intake()).dispute.id
    assert dispute_id is not None
    disputes.assess(uow, mediator, dispute_id, {"conduct_stopped_after_notice": True})
    disputes.start_mediation(uow, mediator, dispute_id)
    disputes.add_session(uow, mediator, dispute_id, date(2026, 3, 9), "Offer of a licence.")
    with pytest.raises(PermissionDenied, match=side):
        disputes.escalate(uow, mediator, dispute_id, CaseKind.DISTRICT_COURT)
    with pytest.raises(PermissionDenied, match=side):
        disputes.assign(uow, mediator, dispute_id, mediator="other@court.example")
    after = disputes.show(uow, mediator, dispute_id)
    assert after.dispute.status is DisputeStatus.IN_MEDIATION and after.dispute.case_id is None
    case = disputes.escalate(uow, staff["lawyer"], dispute_id, CaseKind.DISTRICT_COURT)
    assert disputes.show(uow, mediator, dispute_id).dispute.case_id == case.id


def test_a_case_study_is_read_by_the_enterprises_it_was_shared_with_only(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    admin = staff["admin"]
    member = make_actor(uow, Role.VIEWER, "acme")
    other = make_actor(uow, Role.VIEWER, "initech")
    owner = make_actor(uow, Role.ADMIN, "acme")
    accounts.grant(uow, owner, grantee_slug="court", scope=GrantScope.ENGAGEMENT)
    accounts.grant(
        uow, make_actor(uow, Role.ADMIN, "initech"), grantee_slug="court",
        scope=GrantScope.ENGAGEMENT,
    )  # fmt: skip
    shared, kept = (
        disputes.take_in(uow, admin, _intake(title=title, claimant=disputes.PartySpec(name),
                                             respondent=disputes.PartySpec(f"{name} Rival")))
        .dispute.id
        for title, name in (("Shared", "Northwind"), ("Kept", "Eastwind"))
    )  # fmt: skip
    assert shared is not None and kept is not None
    for dispute_id in (shared, kept):
        disputes.resolve(uow, admin, dispute_id, OutcomeKind.WITHDRAWAL, date(2026, 3, 2))
    with pytest.raises(InvalidInput, match="'globex' is not an enterprise your organisation"):
        outreach.case_study(uow, admin, shared, "", date(2026, 6, 1), enterprises=["globex"])
    study = outreach.case_study(uow, admin, shared, "", date(2026, 6, 1), enterprises=["acme"])
    outreach.case_study(uow, admin, kept, "", date(2026, 6, 1))  # shared with no one
    [read] = outreach.shared_with(uow, member)
    assert read.study.id == study.id and read.provider == "Court"
    assert read.to_json()["summary"] == study.summary and "dispute_id" not in read.to_json()
    assert outreach.shared_with(uow, other) == []  # initech is a member, but not a reader
    with pytest.raises(PermissionDenied):  # reading is all an enterprise does with it
        outreach.events(uow, member)


def test_escalation_files_the_disclosed_session_records_as_case_evidence_and_no_others(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    lawyer, mediator = staff["lawyer"], staff["mediator"]
    view = disputes.take_in(uow, lawyer, _intake())
    dispute_id = view.dispute.id
    assert dispute_id is not None
    disputes.assess(uow, mediator, dispute_id, {"conduct_stopped_after_notice": True})
    disputes.start_mediation(uow, mediator, dispute_id)
    kept = "Without prejudice: the respondent would pay 10,000."
    disputes.add_session(uow, mediator, dispute_id, date(2026, 3, 20), kept)
    shared = "Agreed facts: 2,000 apps installed the scheme."
    disputes.add_session(
        uow, mediator, dispute_id, date(2026, 4, 2), shared, disclosure_agreed=True
    )
    case = disputes.escalate(uow, lawyer, dispute_id, CaseKind.DISTRICT_COURT)
    with uow:
        items = list(uow.evidence.list(view.dispute.provider_organisation_id))
        contents = [uow.evidence.content(i.id or 0) or b"" for i in items]
    assert [(i.case_id, i.confidentiality) for i in items] == [
        (case.id, Confidentiality.PRIVILEGED)
    ]
    [item], [content] = items, contents
    assert item.title.startswith("Mediation session of 2026-04-02") and item.matches(content)
    assert shared.encode() in content and kept.encode() not in content
    assert f"dispute {dispute_id}, disclosed" in item.source
    assert verify_chain(item.custody).ok
    assert [e.holder for e in item.custody] == ["mediator", lawyer.email]  # session, referral
    # the record keeps its marking: the lawyer (cleared for confidential) does not read it,
    # the mediator does, a mediator of another dispute does not even see it listed
    assert evidence.list_evidence(uow, lawyer) == []
    assert [r["id"] for r in evidence.list_evidence(uow, mediator)] == [item.id]
    assert evidence.list_evidence(uow, staff["other"]) == []
    assert len(evidence.list_evidence(uow, staff["admin"])) == 1
    with pytest.raises(NotFound):
        evidence.verify_evidence(uow, staff["other"], item.id)


def _right(uow: UnitOfWork, owner: Actor, right: Right) -> None:
    with uow:
        right.organisation_id = owner.organisation_id
        uow.rights.add(right)
        uow.commit()


def test_an_intake_names_the_engaged_enterprises_rights_and_the_case_asserts_them(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    admin = staff["admin"]
    acme = make_actor(uow, Role.ADMIN, "acme")
    globex = make_actor(uow, Role.ADMIN, "globex")
    stranger = make_actor(uow, Role.ADMIN, "initech")  # never engaged the court
    registered = {"status": LegalStatus.REGISTERED, "owner": "Acme Robotics Co., Ltd."}
    _right(uow, acme, Trademark(jurisdiction="CN", title="ACMEBOT", registration_number="7001",
                                **registered))  # fmt: skip
    _right(uow, acme, Patent(jurisdiction="US", title="Edge brush", status=LegalStatus.GRANTED,
                             registration_number="10357623"))  # fmt: skip
    _right(uow, globex, Trademark(jurisdiction="EU", title="GLOBEX", registration_number="7001",
                                  status=LegalStatus.REGISTERED))  # fmt: skip
    for office in ("JP", "KR"):
        _right(uow, globex, Trademark(jurisdiction=office, title="GLOBEX", registration_number="5",
                                      status=LegalStatus.REGISTERED))  # fmt: skip
    _right(uow, stranger, Trademark(jurisdiction="CN", title="INITECH", registration_number="8001",
                                    status=LegalStatus.REGISTERED))  # fmt: skip
    engagement = accounts.grant(uow, acme, grantee_slug="court", scope=GrantScope.ENGAGEMENT)
    accounts.grant(uow, globex, grantee_slug="court", scope=GrantScope.ENGAGEMENT)

    with pytest.raises(InvalidInput) as refused:
        disputes.take_in(
            uow, admin, _intake(rights=("CN 8001", "7001", "US 1", "5"), source="in.json")
        )
    assert [str(p) for p in refused.value.problems] == [
        "in.json: rights.0: no right 'CN 8001' held by you or by an enterprise that engaged you",
        "in.json: rights.1: '7001' is a right of 2 organisations (Acme, Globex); give the office "
        "with the number: CN 7001 or EU 7001",
        "in.json: rights.2: no right 'US 1' held by you or by an enterprise that engaged you",
        "in.json: rights.3: '5' is the number of 2 rights; give the office with the number: "
        "JP 5 or KR 5",
    ]
    assert disputes.list_disputes(uow, admin) == []  # nothing stored, not even the parties
    base = {"title": "t", "claimant": "A Co", "respondent": "B Co", "received_on": "2026-03-02"}
    for given, said in (
        ("CN 7001", "in.yaml: rights: give a list of right numbers, e.g. ['CN 60000001']"),
        (["CN 7001", None], "in.yaml: rights.1: give the right's number as text, e.g. "
         "'CN 60000001', not None"),
        (["7" * 101], "in.yaml: rights.0: at most 100 characters; this is 101"),
        (["CN 7001"] * 101, "in.yaml: rights: at most 100 rights; this is 101"),
    ):  # fmt: skip
        with pytest.raises(InvalidInput) as from_file:
            disputes.intake_from({**base, "rights": given}, "in.yaml")
        assert [str(p) for p in from_file.value.problems] == [said]
    assert disputes.intake_from({**base, "rights": [" CN 7001 "]}, "in.yaml").rights == ("CN 7001",)
    with uow:
        assert uow.records.count(Party, admin.organisation_id) == 0

    with pytest.raises(InvalidInput) as strangers:  # the rights are neither party's
        disputes.take_in(uow, admin, _intake(rights=("cn 7001",)))
    assert [str(p) for p in strangers.value.problems] == [
        "intake: rights.0: 'cn 7001' is held by Acme Robotics Co., Ltd., neither party to this "
        "dispute: name its holder as a party (or give the name it goes by as an alias)"
    ]
    holder = disputes.PartySpec("Acme Robotics Co., Ltd.", aliases=("Acme",))
    taken = disputes.take_in(
        uow, admin, _intake(claimant=holder, rights=("cn 7001", "US 10,357,623"))
    )
    assert [
        (r["number"], r["title"], r["kind"], r["owner"]) for r in taken.to_json()["rights"]
    ] == [
        ("CN 7001", "ACMEBOT", "trademark", "Acme Robotics Co., Ltd."),
        ("US 10357623", "Edge brush", "patent", "Acme"),  # no owner recorded: its organisation
    ]
    dispute_id = taken.dispute.id
    assert dispute_id is not None
    case = disputes.escalate(uow, admin, dispute_id, CaseKind.DISTRICT_COURT, "Example Court")
    assert case.asserted_right_ids == taken.dispute.right_ids and len(case.asserted_right_ids) == 2
    shown = case_views.show_case(uow, admin, str(case.id), date(2026, 6, 1))
    assert shown["asserted_rights"] == ["CN 7001", "US 10357623"]
    [respondent] = [p for p in shown["parties"] if p["role"] == "respondent"]
    assert set(respondent["state"]) == {"every asserted right", "CN 7001", "US 10357623"}
    case_records.record_disposition(  # the enterprise's right, as the case asserts it
        uow, admin, str(case.id), "Harbour Apps Limited", DispositionKind.SERVED,
        date(2026, 4, 1), "proof of service", right="CN 7001",
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="no right 'CN 8001' in the portfolio"):
        case_records.record_disposition(
            uow, admin, str(case.id), "Harbour Apps Limited", DispositionKind.SERVED,
            date(2026, 4, 1), "proof of service", right="CN 8001",
        )  # fmt: skip
    shown = case_views.show_case(uow, admin, str(case.id), date(2026, 6, 1))
    [respondent] = [p for p in shown["parties"] if p["role"] == "respondent"]
    assert (respondent["state"]["CN 7001"], respondent["state"]["US 10357623"]) == (
        "served", "named"
    )  # fmt: skip

    assert engagement.id is not None
    accounts.revoke_grant(uow, acme, engagement.id)  # the enterprise's records are its own again
    assert disputes.show(uow, admin, dispute_id).to_json()["rights"] == []
    assert case_views.show_case(uow, admin, str(case.id))["asserted_rights"] == []


def test_a_judicial_confirmation_is_dated_after_the_agreement_and_names_its_court(
    uow: UnitOfWork, staff: dict[str, Actor]
) -> None:
    mediator = staff["mediator"]
    dispute_id = disputes.take_in(uow, staff["admin"], _intake()).dispute.id
    assert dispute_id is not None
    disputes.assess(uow, mediator, dispute_id, {"conduct_stopped_after_notice": True})
    disputes.start_mediation(uow, mediator, dispute_id)
    disputes.add_session(uow, mediator, dispute_id, date(2026, 4, 10), "Terms agreed.")
    disputes.resolve(uow, mediator, dispute_id, OutcomeKind.SETTLEMENT, date(2026, 5, 22))
    requested, refused = JudicialConfirmation.REQUESTED, JudicialConfirmation.REFUSED
    ahead = date.today() + timedelta(days=2)

    def problems(state: JudicialConfirmation, on: date, **given: str) -> list[str]:
        with pytest.raises(InvalidInput) as raised:
            disputes.judicial_confirmation(
                uow, mediator, dispute_id, state, on, source=("f", "on", "court", "ref"), **given
            )
        return [str(p) for p in raised.value.problems]

    assert problems(requested, ahead, court="Example Court") == [
        f"f: on: {ahead.isoformat()} is in the future"
    ]
    assert problems(requested, date(2026, 5, 21), court=" ", reference="x" * 201) == [
        "f: on: 2026-05-21 is before the agreement (2026-05-22)",
        "f: court: name the court asked to confirm the agreement",
        "f: ref: at most 200 characters; this is 201",
    ]
    assert problems(requested, date(2026, 5, 22), court="c" * 501) == [
        "f: court: at most 500 characters; this is 501"
    ]
    unchanged = disputes.show(uow, mediator, dispute_id).to_json()
    assert (unchanged["judicial_confirmation"], unchanged["confirmation_court"]) == (
        "not_sought",
        "",
    )  # nothing kept from the refusals
    disputes.judicial_confirmation(
        uow, mediator, dispute_id, requested, date(2026, 6, 1), court=" Example Court "
    )
    assert problems(refused, date(2026, 5, 30)) == [
        "f: on: 2026-05-30 is before the court was asked (2026-06-01)"
    ]
    decided = disputes.judicial_confirmation(
        uow, mediator, dispute_id, refused, date(2026, 6, 20), reference="No. 7"
    ).to_json()
    assert (decided["judicial_confirmation"], decided["confirmation_court"]) == (
        "refused", "Example Court"
    )  # fmt: skip
    assert (decided["confirmation_requested_on"], decided["confirmation_decided_on"]) == (
        "2026-06-01", "2026-06-20"
    )  # fmt: skip
    with uow:
        entries, _ = uow.accounts.audit_entries(
            AuditFilter(action="dispute.confirmation"), limit=10
        )
    assert [e.after["confirmation_court"] for e in entries if e.after] == ["Example Court"] * 2
