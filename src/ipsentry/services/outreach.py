"""A provider's outreach: seminars and consultations with their attendance, and case studies
written from its disputes with every party name taken out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ipsentry.domain.accounts import GrantScope, OrganisationKind, Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.disputes import DisputeStatus
from ipsentry.domain.outreach import ATTENDANCE_MAX, OutreachEvent, OutreachKind, anonymise
from ipsentry.domain.rights import Trademark
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problem, echoed
from ipsentry.matching.marks.dictionaries import OWN_WORD, zipf
from ipsentry.services import audit, disputes
from ipsentry.services.access import Actor, readable_organisations
from ipsentry.services.portfolio import engaged_rights_by_id
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.unit_of_work import UnitOfWork


def may_record(actor: Actor) -> bool:
    """Whether the actor may record outreach (the rule ``_require`` enforces; pages use it
    to offer the form only to those it will not refuse)."""
    return actor.organisation_kind is OrganisationKind.LEGAL_SERVICE and actor.may(
        Permission.ASSESS_HEALTH
    )


def _require(actor: Actor) -> None:
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("outreach is recorded by legal-service organisations")
    actor.require(Permission.ASSESS_HEALTH, "record outreach")


def record_event(
    uow: UnitOfWork,
    actor: Actor,
    kind: OutreachKind,
    title: str,
    held_on: date,
    *,
    attendance: int = 0,
    enterprises: list[str] | None = None,
    summary: str = "",
    source: str = "command line",
    enterprises_field: str = "enterprise",
) -> OutreachEvent:
    """A seminar or consultation session (case studies come from ``case_study``);
    ``enterprises_field`` names the enterprises' field as ``source`` calls it.

    ``held_on`` is the day it is held, which may be ahead: a programme announces its
    seminars before they happen. What cannot be ahead is what only the day itself tells:
    an event not held yet has no attendance (it is recorded as zero, not as a guess), so
    the figures a programme reports count only people who came.
    """
    _require(actor)
    problems = []
    if kind is OutreachKind.CASE_STUDY:
        problems.append(Problem(source, None, "kind", "write a case study from a dispute"))
    if not title.strip():
        problems.append(Problem(source, None, "title", "must not be empty"))
    if (wrong := _attendance_problem(attendance, source)) is not None:
        problems.append(wrong)
    elif attendance and not held(held_on):
        problems.append(_not_held(held_on, source))
    with uow:
        ids, refused = _served(uow, actor, enterprises or [], (source, enterprises_field))
        if problems + refused:
            raise InvalidInput(problems + refused)
        event = OutreachEvent(
            provider_organisation_id=actor.organisation_id,
            kind=kind,
            title=title.strip(),
            held_on=held_on,
            attendance=attendance,
            enterprise_ids=ids,
            summary=summary.strip(),
        )
        uow.health.add(event)
        uow.flush()
        audit.record(
            uow,
            actor,
            "outreach.record",
            entity="outreach_event",
            entity_id=event.id,
            after=audit.snapshot(event, "kind", "title", "held_on", "attendance"),
        )
        uow.commit()
        return event


def record_attendance(
    uow: UnitOfWork, actor: Actor, event_id: int, attendance: int, source: str = "command line"
) -> OutreachEvent:
    """How many came to a seminar or consultation: one announced ahead gets its count once
    it is held, and a count recorded wrongly is corrected (the audit log keeps the old)."""
    _require(actor)
    with uow:
        event = uow.health.outreach_event(event_id)
        if event is None or event.provider_organisation_id != actor.organisation_id:
            raise NotFound(f"no outreach event {event_id} of your organisation")
        actor.require_readable(event, f"outreach event {event_id}")
        if event.kind is OutreachKind.CASE_STUDY:
            raise Conflict(f"outreach {event_id} is a case study: it has no attendance")
        if (wrong := _attendance_problem(attendance, source)) is not None:
            raise InvalidInput([wrong])
        if not held(event.held_on):
            raise InvalidInput([_not_held(event.held_on, source)])
        before = audit.snapshot(event, "attendance")
        event.attendance = attendance
        audit.record(
            uow,
            actor,
            "outreach.attendance",
            entity="outreach_event",
            entity_id=event.id,
            before=before,
            after=audit.snapshot(event, "attendance"),
        )
        uow.commit()
        return event


def _attendance_problem(attendance: int, source: str) -> Problem | None:
    if 0 <= attendance <= ATTENDANCE_MAX:
        return None
    said = f"give how many came, from 0 to {ATTENDANCE_MAX:,}, not {echoed(attendance)}"
    return Problem(source, None, "attendance", said)


def _not_held(on: date, source: str) -> Problem:
    said = f"the event is on {on}, not held yet: record its attendance once it is"
    return Problem(source, None, "attendance", said)


def held(on: date) -> bool:
    """Whether an event on ``on`` has taken place (by the user's today, as dates are read
    everywhere: ``stated_dates``)."""
    return future_problem(on, "held_on") is None


def _served_ids(uow: UnitOfWork, actor: Actor) -> set[int]:
    engaged = readable_organisations(uow, actor, GrantScope.ENGAGEMENT)
    checked = {
        a.enterprise_organisation_id
        for a in uow.health.assessments(actor.organisation_id)
        if a.provider_organisation_id == actor.organisation_id
    }
    return (engaged | checked) - {actor.organisation_id}


def enterprises_served(uow: UnitOfWork, actor: Actor) -> list[tuple[str, str]]:
    """(slug, name) of the enterprises an outreach record may name: the forms offer them."""
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("outreach is recorded by legal-service organisations")
    with uow:
        found = [uow.accounts.organisation(i) for i in sorted(_served_ids(uow, actor))]
        return sorted(((o.slug, o.name) for o in found if o is not None), key=lambda o: o[1])


def _served(
    uow: UnitOfWork, actor: Actor, slugs: list[str], where: tuple[str, str]
) -> tuple[list[int], list[Problem]]:
    """The ids of the enterprises ``slugs`` names, and a problem for each one the provider
    does not serve. It serves those that engaged it and those it has checked (an engagement
    ended since does not undo the service given); an outreach record naming any other would
    count it among the enterprises reached, or show it a case study meant for members.
    An unknown slug gets the same message as another's enterprise: nothing is told of them."""
    served = _served_ids(uow, actor)
    ids: list[int] = []
    problems = []
    for slug in dict.fromkeys(s.strip() for s in slugs):
        found = uow.organisations.by_slug(slug)
        if found is None or found.id is None or found.id not in served:
            why = (
                f"{echoed(slug)} is not an enterprise your organisation serves: it has not engaged "
                "you and has no health check by you"
            )
            problems.append(Problem(where[0], None, where[1], why))
        else:
            ids.append(found.id)
    return ids, problems


def case_study(
    uow: UnitOfWork,
    actor: Actor,
    dispute_id: int,
    title: str,
    held_on: date,
    source: str = "command line",
    *,
    enterprises: list[str] | None = None,
    enterprises_field: str = "enterprise",
) -> OutreachEvent:
    """A public case study from a dispute: its claims and outcome, with the parties as roles,
    shared with the member ``enterprises`` (slugs of enterprises the provider serves), whose
    people then read it (``shared_with``).

    Session notes never go into it: they are privileged. The provider's staff may write it,
    and so may the mediator who handled the dispute (``disputes.show`` lets a mediator see
    only the disputes assigned to them); one case study a dispute.
    """
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("outreach is recorded by legal-service organisations")
    if not (actor.may(Permission.ASSESS_HEALTH) or actor.may(Permission.MEDIATE)):
        actor.require(Permission.ASSESS_HEALTH, "write a case study")
    late = future_problem(held_on, "held_on", source)  # shared on: a day that has come
    if late is not None:
        raise InvalidInput([late])
    view = disputes.show(uow, actor, dispute_id)
    dispute = view.dispute
    if dispute.status not in (DisputeStatus.RESOLVED, DisputeStatus.REFERRED):
        raise Conflict(f"dispute {dispute_id} has not ended: write its case study once it has")
    with uow:
        written = [e for e in uow.health.outreach(actor.organisation_id)
                   if e.kind is OutreachKind.CASE_STUDY and e.dispute_id == dispute.id]  # fmt: skip
    if written:
        raise Conflict(f"dispute {dispute_id} already has a case study: {written[0].title!r}")
    problems = []
    if held_on < dispute.received_on:
        problems.append(
            Problem(source, None, "held_on", f"{held_on} is before the dispute was received")
        )
    with uow:
        ids, refused = _served(uow, actor, enterprises or [], (source, enterprises_field))
        if problems + refused:
            raise InvalidInput(problems + refused)
        names: dict[str, list[str]] = {}
        identifiers: dict[str, list[str]] = {}
        for role, party_id in (
            ("claimant", dispute.claimant_party_id),
            ("respondent", dispute.respondent_party_id),
        ):
            party = uow.health.party(party_id)
            names[role] = party.names() if party else []
            identifiers[role] = [i.value for i in party.identifiers] if party else []
        # the rights in dispute name their holder as surely as a name: a mark by its words,
        # any right by its numbers
        rights = engaged_rights_by_id(uow, actor, dispute.right_ids)
        identifiers["mark"] = [r.title for r in rights if isinstance(r, Trademark)]
        identifiers["right"] = [
            n for r in rights for n in (r.display_number, r.application_number,
                                        r.registration_number, r.publication_number) if n
        ]  # fmt: skip

        def hidden(text: str) -> str:
            return anonymise(text, names, is_common_word, identifiers)

        outcome = f"Outcome: {dispute.outcome.value.replace('_', ' ')}." if dispute.outcome else ""
        text = hidden(f"{dispute.claims}\n{outcome}\n{dispute.outcome_notes}".strip())
        event = OutreachEvent(
            provider_organisation_id=actor.organisation_id,
            kind=OutreachKind.CASE_STUDY,
            title=hidden(title.strip() or dispute.title),
            held_on=held_on,
            summary=text,
            dispute_id=dispute.id,
            enterprise_ids=ids,
            confidentiality=Confidentiality.PUBLIC,
        )
        uow.health.add(event)
        uow.flush()
        audit.record(
            uow,
            actor,
            "outreach.case_study",
            entity="outreach_event",
            entity_id=event.id,
            details={"dispute_id": dispute.id, "shared_with": ids},
        )
        uow.commit()
        return event


def events(uow: UnitOfWork, actor: Actor) -> list[OutreachEvent]:
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("outreach is recorded by legal-service organisations")
    with uow:
        return actor.readable(uow.health.outreach(actor.organisation_id))


@dataclass(frozen=True)
class SharedCaseStudy:
    study: OutreachEvent
    provider: str  # the name of the provider that wrote and shared it

    def to_json(self) -> dict[str, Any]:
        s = self.study
        return {
            "id": s.id,
            "title": s.title,
            "shared_on": s.held_on.isoformat(),
            "summary": s.summary,
            "provider": self.provider,
            "marking": s.confidentiality.value,
        }


def shared_with(uow: UnitOfWork, actor: Actor) -> list[SharedCaseStudy]:
    """The case studies providers shared with the actor's organisation, to read.

    A member enterprise learns from them; it sees no other outreach of its provider (whom
    else it reached is the provider's business), and nothing of the dispute behind a study
    but what the study says: it was anonymised for exactly these readers.
    """
    actor.require(Permission.READ, "read case studies")
    with uow:
        shared = [s for s in uow.health.case_studies() if actor.organisation_id in s.enterprise_ids]
        found = []
        for study in actor.readable(shared):
            provider = uow.accounts.organisation(study.provider_organisation_id)
            found.append(SharedCaseStudy(study, provider.name if provider else ""))
        return found


def is_common_word(word: str) -> bool:
    """A word English uses often in its own sense ('app', 'video'), by the general
    frequency list the mark engine reads."""
    return zipf(word) >= OWN_WORD
