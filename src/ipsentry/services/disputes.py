"""Disputes taken in by a legal-service provider and steered, where they suit it, to mediation.

Intake runs a conflict check against the provider's other disputes; a certain conflict
stops the intake unless someone records why it may go ahead. Suitability is assessed from
the factors in ``data/disputes`` and may be overridden with a reason. Session records are
privileged: only roles cleared for privileged records read their notes, and they are kept
out of an enforcement case's evidence unless the parties agreed. Within the provider, an
admin sees every dispute; a lawyer sees those they are in charge of, a mediator those they
mediate. The admin or the lawyer in charge may hand a dispute to another lawyer or mediator,
so that one leaving does not strand it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from ipsentry.domain.accounts import OrganisationKind, Permission, Role
from ipsentry.domain.cases import Case, CaseKind, CaseParty, PartyRole
from ipsentry.domain.common import Confidentiality, Money, country_codes
from ipsentry.domain.conflicts import Conflict as PartyConflict
from ipsentry.domain.conflicts import MatterParty, check_conflicts, core_name
from ipsentry.domain.disputes import (
    COURT_LIMIT,
    COURT_REFERENCE_LIMIT,
    FORUM_LIMIT,
    INTAKE_RIGHTS_LIMIT,
    INTAKE_TEXT_LIMITS,
    Dispute,
    DisputeStatistics,
    DisputeStatus,
    JudicialConfirmation,
    MediationSession,
    OutcomeKind,
    dispute_statistics,
)
from ipsentry.domain.evidence import (
    JSON,
    EvidenceItem,
    EvidenceKind,
    record_content,
    sha256_hex,
    start_of,
)
from ipsentry.domain.mediation import Assessment as Suitability
from ipsentry.domain.mediation import Suitability as Verdict
from ipsentry.domain.mediation import policy
from ipsentry.domain.parties import IdentifierKind, Party, PartyAlias, PartyIdentifier
from ipsentry.domain.rights import Right
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problem, echoed
from ipsentry.formats.fields import unknown_field_problems
from ipsentry.services import audit
from ipsentry.services.access import Actor, colleague, colleague_id
from ipsentry.services.portfolio import engaged_rights, engaged_rights_by_id, numbered
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.unit_of_work import UnitOfWork

_AGREEMENTS = frozenset({OutcomeKind.SETTLEMENT, OutcomeKind.COOPERATION_AGREEMENT})


@dataclass(frozen=True)
class PartySpec:
    name: str
    aliases: tuple[str, ...] = ()
    identifiers: tuple[tuple[IdentifierKind, str], ...] = ()
    country: str = ""


@dataclass(frozen=True)
class Intake:
    title: str
    claimant: PartySpec
    respondent: PartySpec
    received_on: date
    claims: str = ""
    amount: Money | None = None
    done_already: str = ""  # e.g. "the respondent stopped after notice"
    # email of the provider's lawyer or mediator: a mediator mediates beside the lawyer taking
    # the dispute in, a lawyer takes charge of it in their place
    assignee: str | None = None
    conflict_waiver: str = ""  # why the dispute may go ahead despite a certain conflict
    # the rights in dispute by their numbers ('CN 60000001'), held by an enterprise that
    # engaged the provider (or the provider itself)
    rights: tuple[str, ...] = ()
    source: str = "intake"  # the file, body or form it came from, named by a refusal


@dataclass(frozen=True)
class DisputeView:
    dispute: Dispute
    claimant: str
    respondent: str
    provider: str | None  # the lawyer in charge
    mediator: str | None
    sessions_readable: bool
    conflicts: list[PartyConflict] = field(default_factory=list)
    rights: list[dict[str, Any]] = field(default_factory=list)  # those the reader may read

    @property
    def marking(self) -> Confidentiality:
        """The most restricted marking of what the view shows: the dispute's own, or that
        of session notes shown with it (privileged), so a page or a printout carrying a
        session record is never bannered lower than the record."""
        shown = [self.dispute.confidentiality]
        if self.sessions_readable:
            shown += [s.confidentiality for s in self.dispute.sessions]
        return max(shown, key=lambda marking: marking.rank)

    def to_json(self) -> dict[str, Any]:
        d = self.dispute
        amount = (
            {"amount": str(d.amount.amount), "currency": d.amount.currency} if d.amount else None
        )
        return {
            "id": d.id,
            "title": d.title,
            "status": d.status.value,
            "marking": self.marking.value,
            "claimant": self.claimant,
            "respondent": self.respondent,
            "received_on": d.received_on.isoformat(),
            "claims": d.claims,
            "rights": self.rights,
            "amount": amount,
            "provider": self.provider,
            "mediator": self.mediator,
            "suitability": d.suitability,
            "sessions": [
                {
                    "held_on": s.held_on.isoformat(),
                    "mediator": s.mediator,
                    "notes": s.notes if self.sessions_readable else None,
                    "marking": s.confidentiality.value,
                    "disclosure_agreed": s.disclosure_agreed,
                }
                for s in d.sessions
            ],
            "outcome": d.outcome.value if d.outcome else None,
            "outcome_on": d.outcome_on.isoformat() if d.outcome_on else None,
            "outcome_notes": d.outcome_notes,
            **_confirmation(d),
            "case_id": d.case_id,
            "illustrative": d.illustrative,
            "conflicts": [
                {
                    "matter": c.matter,
                    "role": c.role,
                    "party": c.existing_party,
                    "how": c.how,
                    "certain": c.certain,
                }
                for c in self.conflicts
            ],
        }


# What each permission of a provider's lets one do to a dispute, as a refusal names it.
_STEPS = {
    Permission.MEDIATE: "handle disputes",
    Permission.TAKE_IN_DISPUTES: "take in, hand over or refer disputes (the provider's side, "
    "not a mediator's)",
}


def handles_disputes(actor: Actor, permission: Permission = Permission.MEDIATE) -> bool:
    """Whether the actor may work on disputes (``MEDIATE``) or take them in, hand them over
    and refer them on (``TAKE_IN_DISPUTES``): the rule ``require_provider`` enforces; pages
    use it to offer the steps."""
    return actor.organisation_kind is OrganisationKind.LEGAL_SERVICE and actor.may(permission)


def require_provider(actor: Actor, permission: Permission = Permission.MEDIATE) -> None:
    actor.require(permission, _STEPS[permission])
    if actor.organisation_kind is not OrganisationKind.LEGAL_SERVICE:
        raise PermissionDenied("disputes are taken in by legal-service organisations")


def _visible(actor: Actor, dispute: Dispute) -> bool:
    if actor.organisation_id != dispute.provider_organisation_id:
        return False
    if not actor.may_read(dispute.confidentiality):
        return False
    return actor.role is Role.ADMIN or actor.user_id in (
        dispute.assigned_user_id,
        dispute.mediator_user_id,
    )


def cases_out_of_sight(uow: UnitOfWork, actor: Actor) -> set[int]:
    """The enforcement cases referred from disputes the actor may not see (inside an open
    unit of work): a case made by escalation carries the dispute's parties and claims, so
    in the provider's organisation it is seen by those who see its dispute, not by every
    colleague."""
    return {
        d.case_id
        for d in uow.health.disputes(actor.organisation_id)
        if d.case_id is not None and not _visible(actor, d)
    }


def may_assign(actor: Actor, dispute: Dispute) -> bool:
    """Whether the actor may hand the dispute to another lawyer or mediator: the provider's
    admin, or the lawyer in charge (never the mediator, who is a neutral)."""
    return (
        actor.organisation_id == dispute.provider_organisation_id
        and actor.may(Permission.TAKE_IN_DISPUTES)
        and (actor.role is Role.ADMIN or dispute.assigned_user_id == actor.user_id)
    )


def _get(uow: UnitOfWork, actor: Actor, dispute_id: int) -> Dispute:
    dispute = uow.health.dispute(dispute_id)
    if dispute is None or not _visible(actor, dispute):
        raise NotFound(f"no dispute {dispute_id} visible to {actor.email}")
    return dispute


def _party(uow: UnitOfWork, organisation_id: int, spec: PartySpec) -> Party:
    party = Party(
        organisation_id=organisation_id,
        name=spec.name,
        country=spec.country.strip().upper(),
        aliases=[PartyAlias(name=a) for a in spec.aliases],
        identifiers=[PartyIdentifier(kind=k, value=v) for k, v in spec.identifiers],
    )
    uow.health.add(party)
    return party


def _matter_parties(uow: UnitOfWork, actor: Actor) -> list[MatterParty]:
    """Every party of the provider's disputes; a dispute the actor may not see is named by
    its number only, so the check finds conflicts without showing others' matters."""
    found = []
    for other in uow.health.disputes(actor.organisation_id):
        for role, party_id in (
            ("claimant", other.claimant_party_id),
            ("respondent", other.respondent_party_id),
        ):
            party = uow.health.party(party_id)
            if party is not None:
                seen = _visible(actor, other)
                label = f"dispute {other.id}: {other.title}" if seen else f"dispute {other.id}"
                found.append(MatterParty(label, role, party))
    return found


def check_intake(uow: UnitOfWork, actor: Actor, intake: Intake) -> list[PartyConflict]:
    """The conflicts an intake would meet, without taking it in."""
    require_provider(actor, Permission.TAKE_IN_DISPUTES)
    new = [("claimant", _detached(intake.claimant)), ("respondent", _detached(intake.respondent))]
    with uow:
        return check_conflicts(new, _matter_parties(uow, actor))


def _detached(spec: PartySpec) -> Party:
    return Party(
        organisation_id=0,
        name=spec.name,
        aliases=[PartyAlias(name=a) for a in spec.aliases],
        identifiers=[PartyIdentifier(kind=k, value=v) for k, v in spec.identifiers],
    )


def take_in(uow: UnitOfWork, actor: Actor, intake: Intake) -> DisputeView:
    """Record a new dispute after the conflict check; certain conflicts need a waiver."""
    require_provider(actor, Permission.TAKE_IN_DISPUTES)
    _check_intake_fields(intake)
    with uow:  # a right the intake names wrongly is told before any conflict
        right_ids = _rights_named(uow, actor, intake)
    conflicts = check_intake(uow, actor, intake)
    certain = [c for c in conflicts if c.certain]
    if certain and not intake.conflict_waiver.strip():
        listed = "; ".join(
            f"{c.new_party} is the {c.role} in {c.matter} ({c.how})" for c in certain
        )
        raise Conflict(f"conflict check: {listed}; record why it may go ahead to take it in")
    with uow:
        lawyer, mediator = _in_charge(uow, actor, intake.assignee)
        claimant = _party(uow, actor.organisation_id, intake.claimant)
        respondent = _party(uow, actor.organisation_id, intake.respondent)
        uow.flush()
        assert claimant.id is not None and respondent.id is not None
        claims = intake.claims.strip()
        if intake.done_already.strip():
            claims = f"{claims}\nAlready done: {intake.done_already.strip()}".strip()
        dispute = Dispute(
            provider_organisation_id=actor.organisation_id,
            title=intake.title.strip(),
            claimant_party_id=claimant.id,
            respondent_party_id=respondent.id,
            received_on=intake.received_on,
            claims=claims,
            right_ids=right_ids,
            amount=intake.amount,
            assigned_user_id=lawyer,
            mediator_user_id=mediator,
        )
        uow.health.add(dispute)
        uow.flush()
        details = {
            "conflicts": [c.how for c in conflicts],
            "waiver": intake.conflict_waiver.strip(),
        }
        audit.record(
            uow,
            actor,
            "dispute.intake",
            entity="dispute",
            entity_id=dispute.id,
            after={"title": dispute.title, "right_ids": right_ids},
            details=details,
        )
        uow.commit()
        return _view(uow, actor, dispute, conflicts)


def _rights_named(uow: UnitOfWork, actor: Actor, intake: Intake) -> list[int]:
    """The ids of the rights the intake names by number (inside its unit of work): each
    must be one right of an enterprise that engaged the provider, or of the provider."""
    reach = engaged_rights(uow, actor) if intake.rights else []
    found, problems = [], []
    for index, number in enumerate(intake.rights):
        rights = numbered(reach, number)
        holders = {r.organisation_id for r in rights}
        where = f"rights.{index}"
        if not rights:
            said = f"no right {echoed(number)} held by you or by an enterprise that engaged you"
        elif len(holders) > 1:
            names = ", ".join(sorted(_organisation_name(uow, o) for o in holders))
            said = f"{echoed(number)} is a right of {len(holders)} organisations ({names})"
            said += _which(rights)
        elif len(rights) > 1:
            said = f"{echoed(number)} is the number of {len(rights)} rights" + _which(rights)
        elif not _held_by_a_party(uow, rights[0], intake):
            holder = rights[0].owner or _organisation_name(uow, rights[0].organisation_id)
            said = (
                f"{echoed(number)} is held by {holder}, neither party to this dispute: name "
                "its holder as a party (or give the name it goes by as an alias)"
            )
        else:
            assert rights[0].id is not None
            found.append(rights[0].id)
            continue
        problems.append(Problem(intake.source, None, where, said))
    if problems:
        raise InvalidInput(problems)
    return list(dict.fromkeys(found))


def _a(role: str) -> str:
    """A role with its article, as a sentence names it ('an admin', 'a mediator')."""
    named = {"legal_service": "legal-service user"}.get(role, role.replace("_", " "))
    return f"{'an' if named[0] in 'aeiou' else 'a'} {named}"


def _held_by_a_party(uow: UnitOfWork, right: Right, intake: Intake) -> bool:
    """Whether the right's holder (its recorded owner, or the organisation whose portfolio
    holds it) is one of the parties, by the names the conflict check compares: a dispute
    over rights that belong to neither side would open a case asserting a stranger's right."""
    holders = {right.owner, _organisation_name(uow, right.organisation_id)}
    holder_names = {core_name(n) for n in holders if n} - {""}
    parties = {
        core_name(n)
        for spec in (intake.claimant, intake.respondent)
        for n in (spec.name, *spec.aliases)
    }
    return bool(holder_names & parties)


def _which(rights: Sequence[Right]) -> str:
    """How to name one of several rights holding a number: by its office and number, when
    those tell them apart."""
    shown = sorted({r.display_number for r in rights})
    if len(shown) < len(rights):
        return "; they cannot be told apart by number"
    return f"; give the office with the number: {' or '.join(shown)}"


def _organisation_name(uow: UnitOfWork, organisation_id: int | None) -> str:
    organisation = uow.accounts.organisation(organisation_id) if organisation_id else None
    return organisation.name if organisation else f"organisation {organisation_id}"


def _right_row(uow: UnitOfWork, right: Right) -> dict[str, Any]:
    return {
        "id": right.id,
        "number": right.display_number,
        "title": right.title,
        "kind": right.kind.value,
        "owner": right.owner or _organisation_name(uow, right.organisation_id),
    }


def _in_charge(
    uow: UnitOfWork, actor: Actor, assignee: str | None
) -> tuple[int | None, int | None]:
    """The lawyer in charge of a new dispute and its mediator: the assignee takes the place
    their role fits, the actor the other one when their role fits it."""
    chosen = colleague_id(uow, actor, assignee, Permission.MEDIATE, ("intake", "assignee"))
    user = uow.accounts.user(chosen)
    assert user is not None
    if user.role is Role.MEDIATOR:
        return (None if actor.role is Role.MEDIATOR else actor.user_id), chosen
    return chosen, None


# Who may hold each place on a dispute: the lawyer in charge takes it in, refers it on and
# hands it over; the mediator is a neutral who runs the sessions.
_PLACES = {
    "provider": (frozenset({Role.LEGAL_SERVICE, Role.ADMIN}), "a legal-service user or an admin"),
    "mediator": (frozenset({Role.MEDIATOR}), "a mediator"),
}


def assign(
    uow: UnitOfWork,
    actor: Actor,
    dispute_id: int,
    *,
    provider: str | None = None,
    mediator: str | None = None,
    source: tuple[str, str, str] = ("command line", "--provider", "--mediator"),
) -> DisputeView:
    """Put another lawyer in charge of the dispute, or another mediator on it.

    ``source`` names the input and its two fields (provider, mediator) for a refusal.
    """
    require_provider(actor, Permission.TAKE_IN_DISPUTES)
    where, fields = source[0], dict(zip(_PLACES, source[1:], strict=True))
    given = {
        place: email.strip()
        for place, email in (("provider", provider), ("mediator", mediator))
        if email and email.strip()
    }
    if not given:
        raise InvalidInput(
            [Problem(where, None, fields["provider"], f"give {' or '.join(fields.values())}")]
        )
    with uow:
        dispute = _get(uow, actor, dispute_id)
        if not may_assign(actor, dispute):
            raise PermissionDenied(
                f"{actor.email} ({actor.role}) may not reassign dispute {dispute_id}: the "
                "provider's admin or the lawyer in charge does"
            )
        before = _places(uow, dispute)
        problems = []
        for place, email in given.items():
            roles, who = _PLACES[place]
            user = colleague(uow, actor, email)
            if user is None:
                problems.append(
                    Problem(where, None, fields[place], f"no active user {email!r} in your "
                            "organisation")
                )  # fmt: skip
            elif user.role not in roles:
                problems.append(
                    Problem(where, None, fields[place], f"{email} is {_a(user.role)}, not {who}")
                )
            elif place == "provider":
                dispute.assigned_user_id = user.id
            elif dispute.status not in (DisputeStatus.INTAKE, DisputeStatus.IN_MEDIATION):
                # a mediator put on an ended dispute would only gain its privileged records
                said = f"dispute {dispute_id} is {dispute.status.value}: its mediation is over"
                problems.append(Problem(where, None, fields[place], said))
            else:
                dispute.mediator_user_id = user.id
        if problems:
            raise InvalidInput(problems)
        audit.record(
            uow,
            actor,
            "dispute.assign",
            entity="dispute",
            entity_id=dispute.id,
            before=before,
            after=_places(uow, dispute),
        )
        uow.commit()
        return _view(uow, actor, dispute)


def _email(uow: UnitOfWork, user_id: int | None) -> str | None:
    user = uow.accounts.user(user_id) if user_id else None
    return user.email if user else None


def _places(uow: UnitOfWork, dispute: Dispute) -> dict[str, str | None]:
    return {
        "provider": _email(uow, dispute.assigned_user_id),
        "mediator": _email(uow, dispute.mediator_user_id),
    }


def _check_intake_fields(intake: Intake) -> None:
    problems = [
        Problem("intake", None, name, "must not be empty")
        for name, value in (
            ("title", intake.title),
            ("claimant", intake.claimant.name),
            ("respondent", intake.respondent.name),
        )
        if not value.strip()
    ]
    problems += _side_problems(intake.claimant, intake.respondent, "intake")
    if problems:
        raise InvalidInput(problems)


def _side_problems(claimant: PartySpec, respondent: PartySpec, source: str) -> list[Problem]:
    """What is wrong with the two sides: a country that is no ISO 3166-1 code, or one
    party on both sides (as the conflict check tells parties apart: names without legal
    forms, aliases, identifiers)."""
    problems = [
        Problem(
            source,
            None,
            f"{key}.country",
            f"{echoed(spec.country)} is not an ISO 3166-1 country code (e.g. CN, US, DE)",
        )
        for key, spec in (("claimant", claimant), ("respondent", respondent))
        if spec.country.strip() and spec.country.strip().upper() not in country_codes()
    ]
    if claimant.name.strip() and respondent.name.strip():
        other_side = [MatterParty("this dispute", "claimant", _detached(claimant))]
        same = [
            c
            for c in check_conflicts([("respondent", _detached(respondent))], other_side)
            if c.certain
        ]
        if same:
            problems.append(
                Problem(
                    source,
                    None,
                    "respondent",
                    f"{respondent.name} is the claimant too ({same[0].how}): a dispute has "
                    "two sides",
                )
            )
    return problems


def assess(
    uow: UnitOfWork, actor: Actor, dispute_id: int, factors: Mapping[str, bool]
) -> tuple[DisputeView, Suitability]:
    """Assess suitability for mediation; factors given before and not given now are kept."""
    require_provider(actor)
    with uow:
        dispute = _get(uow, actor, dispute_id)
        before = dispute.suitability
        known = {**((before or {}).get("factors") or {}), **factors}
        result = policy().assess(known)
        dispute.suitability = _suitability_record(result, known)
        audit.record(
            uow,
            actor,
            "dispute.assess",
            entity="dispute",
            entity_id=dispute.id,
            before={"suitability": before},
            after={"suitability": dispute.suitability},
        )
        uow.commit()
        return _view(uow, actor, dispute), result


def _suitability_record(result: Suitability, factors: dict[str, bool]) -> dict[str, Any]:
    return {
        "policy": f"{policy().key} v{policy().version}",
        "factors": factors,
        "score": result.score,
        "assessed": result.assessed.value,
        "blocked_by": result.blocked_by,
        "readings": [
            {
                "factor": r.factor.key,
                "present": r.present,
                "effect": r.effect,
                "why": r.factor.why["en"],
            }
            for r in result.readings
        ],
        "override": None,
    }


def override(
    uow: UnitOfWork, actor: Actor, dispute_id: int, verdict: Verdict, reason: str
) -> DisputeView:
    """A person's decision over the assessment, kept beside it with the reason."""
    require_provider(actor)
    with uow:
        dispute = _get(uow, actor, dispute_id)
        if not dispute.suitability:
            raise Conflict(f"dispute {dispute_id} has no suitability assessment to override")
        result = policy().assess(dispute.suitability["factors"])
        decided = result.overridden(verdict, reason, actor.email, datetime.now(UTC))
        assert decided.override is not None
        record = dict(dispute.suitability)
        record["override"] = {
            "verdict": verdict.value,
            "reason": decided.override.reason,
            "by": actor.email,
            "at": decided.override.at.isoformat(),
        }
        before = dispute.suitability
        dispute.suitability = record
        audit.record(
            uow,
            actor,
            "dispute.override",
            entity="dispute",
            entity_id=dispute.id,
            before={"suitability": before},
            after={"suitability": record},
        )
        uow.commit()
        return _view(uow, actor, dispute)


def _verdict(dispute: Dispute) -> Verdict | None:
    record = dispute.suitability
    if not record:
        return None
    chosen = (record.get("override") or {}).get("verdict") or record["assessed"]
    return Verdict(chosen)


def start_mediation(uow: UnitOfWork, actor: Actor, dispute_id: int) -> DisputeView:
    require_provider(actor)
    with uow:
        dispute = _get(uow, actor, dispute_id)
        verdict = _verdict(dispute)
        if verdict is None:
            raise Conflict(f"assess dispute {dispute_id} for mediation first")
        if verdict is Verdict.NOT_SUITABLE:
            how = "decided" if (dispute.suitability or {}).get("override") else "assessed"
            raise Conflict(
                f"dispute {dispute_id} was {how} not suitable; to mediate, override it to "
                "suitable or consider, with a reason"
            )
        _move(uow, actor, dispute, DisputeStatus.IN_MEDIATION)
        uow.commit()
        return _view(uow, actor, dispute)


def _move(uow: UnitOfWork, actor: Actor, dispute: Dispute, to: DisputeStatus) -> None:
    before = dispute.status.value
    dispute.move(to)
    audit.record(
        uow,
        actor,
        "dispute.move",
        entity="dispute",
        entity_id=dispute.id,
        before={"status": before},
        after={"status": to.value},
    )


def add_session(
    uow: UnitOfWork,
    actor: Actor,
    dispute_id: int,
    held_on: date,
    notes: str,
    *,
    disclosure_agreed: bool = False,
    source: tuple[str, str] = ("command line", "--on"),
) -> DisputeView:
    """A mediation session's record, marked privileged.

    ``source`` names where the date came from (file or form, field) for a bad-date message.
    """
    require_provider(actor)
    with uow:
        dispute = _get(uow, actor, dispute_id)
        if dispute.status is not DisputeStatus.IN_MEDIATION:
            raise Conflict(f"dispute {dispute_id} is {dispute.status}, not in mediation")
        if not actor.may_read(Confidentiality.PRIVILEGED):
            raise PermissionDenied(
                f"{actor.email} ({actor.role}) is not cleared for privileged session records"
            )
        if held_on < dispute.received_on or held_on > date.today():
            why = (
                "before the dispute was received"
                if held_on < dispute.received_on
                else "in the future"
            )
            raise InvalidInput([Problem(source[0], None, source[1], f"{held_on} is {why}")])
        mediator = uow.accounts.user(actor.user_id)
        dispute.sessions.append(
            MediationSession(
                held_on=held_on,
                mediator=mediator.name if mediator else actor.email,
                notes=notes.strip(),
                disclosure_agreed=disclosure_agreed,
            )
        )
        audit.record(
            uow,
            actor,
            "dispute.session",
            entity="dispute",
            entity_id=dispute.id,
            details={"held_on": held_on.isoformat()},
        )
        uow.commit()
        return _view(uow, actor, dispute)


def resolve(
    uow: UnitOfWork,
    actor: Actor,
    dispute_id: int,
    outcome: OutcomeKind,
    on: date,
    notes: str = "",
    *,
    source: tuple[str, str] = ("command line", "--on"),
) -> DisputeView:
    require_provider(actor)
    with uow:
        dispute = _get(uow, actor, dispute_id)
        last = max((s.held_on for s in dispute.sessions), default=None)
        if on > date.today() or (last is not None and on < last):
            why = "in the future" if on > date.today() else f"before the last session ({last})"
            raise InvalidInput([Problem(source[0], None, source[1], f"{on} is {why}")])
        before = dispute.status.value
        dispute.resolve(outcome, on, notes.strip())
        audit.record(
            uow,
            actor,
            "dispute.resolve",
            entity="dispute",
            entity_id=dispute.id,
            before={"status": before},
            after={"status": dispute.status.value, "outcome": outcome.value},
        )
        uow.commit()
        return _view(uow, actor, dispute)


def judicial_confirmation(
    uow: UnitOfWork,
    actor: Actor,
    dispute_id: int,
    state: JudicialConfirmation,
    on: date,
    *,
    court: str = "",
    reference: str = "",
    source: tuple[str, str, str, str] = ("command line", "--on", "--court", "--reference"),
) -> DisputeView:
    """Track a mediated agreement sent to a court for confirmation (CPL arts. 205-206): the
    day the court was asked or decided, which court, and its case or ruling number. A
    decision is by the court that was asked unless another is named.

    ``source`` names the input and its three fields (date, court, reference) for a refusal.
    """
    require_provider(actor)
    where, fields = source[0], dict(zip(("on", "court", "reference"), source[1:], strict=True))
    court, reference = court.strip(), reference.strip()
    with uow:
        dispute = _get(uow, actor, dispute_id)
        if dispute.outcome not in _AGREEMENTS or not dispute.sessions:
            raise Conflict(
                "only a mediated settlement or cooperation agreement can be confirmed by a court"
            )
        allowed = {
            JudicialConfirmation.NOT_SOUGHT: {JudicialConfirmation.REQUESTED},
            JudicialConfirmation.REQUESTED: {
                JudicialConfirmation.CONFIRMED,
                JudicialConfirmation.REFUSED,
            },
        }.get(dispute.judicial_confirmation, set())
        if state not in allowed:
            raise Conflict(
                f"judicial confirmation is {dispute.judicial_confirmation}; "
                f"it cannot become {state}"
            )
        deciding = state is not JudicialConfirmation.REQUESTED
        court = court or (dispute.confirmation_court if deciding else "")
        problems = _confirmation_problems(dispute, deciding, on, court, reference)
        if problems:
            raise InvalidInput([Problem(where, None, fields[f], said) for f, said in problems])
        before = _confirmation(dispute)
        dispute.judicial_confirmation = state
        if deciding:
            dispute.confirmation_decided_on = on
        else:
            dispute.confirmation_requested_on = on
        dispute.confirmation_court = court
        dispute.confirmation_reference = reference or dispute.confirmation_reference
        audit.record(
            uow,
            actor,
            "dispute.confirmation",
            entity="dispute",
            entity_id=dispute.id,
            before=before,
            after=_confirmation(dispute),
        )
        uow.commit()
        return _view(uow, actor, dispute)


def _confirmation_problems(
    dispute: Dispute, deciding: bool, on: date, court: str, reference: str
) -> list[tuple[str, str]]:
    """(field, what is wrong) for a step of a judicial confirmation."""
    found = []
    late = future_problem(on, "on")
    asked = dispute.confirmation_requested_on
    if late is not None:
        found.append(("on", late.message))
    elif dispute.outcome_on and on < dispute.outcome_on:
        found.append(("on", f"{on} is before the agreement ({dispute.outcome_on})"))
    elif deciding and asked and on < asked:
        found.append(("on", f"{on} is before the court was asked ({asked})"))
    if not court:
        found.append(("court", "name the court asked to confirm the agreement"))
    for name, text, limit in (
        ("court", court, COURT_LIMIT),
        ("reference", reference, COURT_REFERENCE_LIMIT),
    ):
        if len(text) > limit:
            found.append((name, f"at most {limit} characters; this is {len(text)}"))
    return found


def _confirmation(dispute: Dispute) -> dict[str, Any]:
    """A dispute's judicial confirmation as its view and the audit trail show it."""
    requested, decided = dispute.confirmation_requested_on, dispute.confirmation_decided_on
    return {
        "judicial_confirmation": dispute.judicial_confirmation.value,
        "confirmation_requested_on": requested.isoformat() if requested else None,
        "confirmation_decided_on": decided.isoformat() if decided else None,
        "confirmation_court": dispute.confirmation_court,
        "confirmation_reference": dispute.confirmation_reference,
    }


def escalate(
    uow: UnitOfWork, actor: Actor, dispute_id: int, kind: CaseKind, forum: str = ""
) -> Case:
    """Refer the dispute to an enforcement case with the same parties and rights.

    The session records the parties agreed to disclose go with it as the case's evidence,
    each with its marking and its custody from the session on; the others never do. The
    provider's side refers a dispute on, never the mediator, who is a neutral.
    """
    require_provider(actor, Permission.TAKE_IN_DISPUTES)
    if len(forum) > FORUM_LIMIT:
        said = f"at most {FORUM_LIMIT} characters; this is {len(forum):,}"
        raise InvalidInput([Problem("escalation", None, "forum", said)])
    with uow:
        dispute = _get(uow, actor, dispute_id)
        case = Case(
            organisation_id=dispute.provider_organisation_id,
            kind=kind,
            title=dispute.title,
            forum=forum.strip(),
            filed_on=None,
            asserted_right_ids=list(dispute.right_ids),
            parties=[
                CaseParty(party_id=dispute.claimant_party_id, role=PartyRole.COMPLAINANT),
                CaseParty(party_id=dispute.respondent_party_id, role=PartyRole.RESPONDENT),
            ],
            confidentiality=dispute.confidentiality,
        )
        uow.health.add(case)
        _move(uow, actor, dispute, DisputeStatus.REFERRED)
        uow.flush()
        dispute.case_id = case.id
        moment = datetime.now(UTC)
        disclosed = evidence_sessions(dispute)
        items = [_session_evidence(uow, actor, dispute, s, case, moment) for s in disclosed]
        uow.flush()
        audit.record(
            uow,
            actor,
            "dispute.escalate",
            entity="dispute",
            entity_id=dispute.id,
            after={
                "case_id": case.id,
                "kind": kind.value,
                "sessions_disclosed": [s.held_on.isoformat() for s in disclosed],
                "evidence_ids": [item.id for item in items],
            },
        )
        uow.commit()
        return case


def evidence_sessions(dispute: Dispute) -> list[MediationSession]:
    """The session records an enforcement case may use: those the parties agreed to disclose."""
    return [s for s in dispute.sessions if s.disclosure_agreed]


def _session_evidence(
    uow: UnitOfWork,
    actor: Actor,
    dispute: Dispute,
    session: MediationSession,
    case: Case,
    moment: datetime,
) -> EvidenceItem:
    """A disclosed session record as a document in the case's evidence locker (inside the
    escalation's unit of work), marked as the record is."""
    record = {
        "dispute": {"id": dispute.id, "title": dispute.title},
        "session": {
            "held_on": session.held_on.isoformat(),
            "mediator": session.mediator,
            "notes": session.notes,
            "disclosure_agreed": session.disclosure_agreed,
        },
    }
    content = record_content(record)
    item = EvidenceItem(
        organisation_id=dispute.provider_organisation_id,
        kind=EvidenceKind.DOCUMENT,
        title=f"Mediation session of {session.held_on} ({dispute.title})"[:300],
        sha256=sha256_hex(content),
        captured_at=moment,
        captured_by=actor.email,
        media_type=JSON,
        source=f"mediation session of {session.held_on} in dispute {dispute.id}, disclosed "
        "by the parties' agreement",
        case_id=case.id,
        confidentiality=session.confidentiality,
    )
    item.hand_over(
        session.mediator or "mediator", start_of(session.held_on), "recorded at the session"
    )
    item.hand_over(
        actor.email, moment, f"disclosed into the case on referral of dispute {dispute.id}"
    )
    uow.evidence.add(item, content)
    return item


def list_disputes(uow: UnitOfWork, actor: Actor) -> list[DisputeView]:
    actor.require(Permission.READ, "read disputes")
    with uow:
        found = [d for d in uow.health.disputes(actor.organisation_id) if _visible(actor, d)]
        return [_view(uow, actor, d) for d in found]


def show(uow: UnitOfWork, actor: Actor, dispute_id: int) -> DisputeView:
    actor.require(Permission.READ, "read disputes")
    with uow:
        return _view(uow, actor, _get(uow, actor, dispute_id))


def statistics(uow: UnitOfWork, actor: Actor) -> DisputeStatistics:
    """The programme's figures over the disputes the actor may see."""
    return dispute_statistics(v.dispute for v in list_disputes(uow, actor))


def _view(
    uow: UnitOfWork, actor: Actor, dispute: Dispute, conflicts: Sequence[PartyConflict] = ()
) -> DisputeView:
    def name(party_id: int) -> str:
        party = uow.health.party(party_id)
        return party.name if party else ""

    return DisputeView(
        dispute,
        name(dispute.claimant_party_id),
        name(dispute.respondent_party_id),
        _email(uow, dispute.assigned_user_id),
        _email(uow, dispute.mediator_user_id),
        actor.may_read(Confidentiality.PRIVILEGED),
        list(conflicts),
        [_right_row(uow, r) for r in engaged_rights_by_id(uow, actor, dispute.right_ids)],
    )


def money(amount: str | None, currency: str | None, source: str) -> Money | None:
    """An amount and currency from an intake file, checked; the half that is missing is
    named (an amount alone is no sum, and 'None' is no amount)."""
    if amount in (None, "") and not currency:
        return None
    if amount in (None, "") or not currency:
        said = (
            "give the amount as well as its currency"
            if currency
            else "give the currency of the amount (an ISO 4217 code such as CNY)"
        )
        raise InvalidInput([Problem(source, None, "amount", said)])
    try:
        parsed = Money.parse(str(amount), str(currency or ""))
    except ValueError as error:
        raise InvalidInput([Problem(source, None, "amount", str(error))]) from None
    if parsed.amount < 0:
        raise InvalidInput([Problem(source, None, "amount", "give an amount of zero or more")])
    return parsed


# The fields of an intake's file form, and of the mappings inside it: a name not among
# them is refused with the one probably meant, since a misspelt field would lose its value
# without a word (a waiver, an assignee, a party's country).
INTAKE_FIELDS = (
    "title",
    "claimant",
    "respondent",
    "received_on",
    "claims",
    "amount",
    "done_already",
    "assignee",
    "conflict_waiver",
    "rights",
)
PARTY_FIELDS = ("name", "aliases", "identifiers", "country")
AMOUNT_FIELDS = ("amount", "currency")


def intake_from(data: Mapping[str, Any], source: str) -> Intake:
    """An intake from its file form, every bad field named: held to what the API takes
    (text where text is meant, within the same lengths), so a file is never let store
    what a request would be refused."""
    problems = unknown_field_problems(source, data, INTAKE_FIELDS)

    def text(key: str, value: Any, limit: int) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            problems.append(Problem(source, None, key, f"give text, not {echoed(value)}"))
            return ""
        if len(value) > limit:
            said = f"at most {limit:,} characters; this is {len(value):,}"
            problems.append(Problem(source, None, key, said))
        return value

    def party(key: str) -> PartySpec:
        raw = data.get(key)
        raw = {"name": raw} if isinstance(raw, str) else raw
        if isinstance(raw, Mapping):
            problems.extend(unknown_field_problems(source, raw, PARTY_FIELDS, key))
        if not isinstance(raw, Mapping) or not str(raw.get("name") or "").strip():
            problems.append(Problem(source, None, key, "give the party's name"))
            return PartySpec("")
        name = text(f"{key}.name", raw["name"], INTAKE_TEXT_LIMITS["name"])
        given_aliases = raw.get("aliases") or []
        if not isinstance(given_aliases, list):  # a string is not split into its letters
            problems.append(Problem(source, None, f"{key}.aliases", "give a list of names"))
            given_aliases = []
        identifiers = []
        for item in raw.get("identifiers") or []:
            given = item if isinstance(item, Mapping) else {}
            value = str(given.get("value") or "").strip()  # null is no value, not 'None'
            if given.get("kind") in tuple(IdentifierKind) and value:
                identifiers.append((IdentifierKind(given["kind"]), value))
            else:
                kinds = ", ".join(IdentifierKind)
                problems.append(
                    Problem(source, None, f"{key}.identifiers", f"give kind ({kinds}) and value")
                )
        aliases = tuple(
            text(f"{key}.aliases", a, INTAKE_TEXT_LIMITS["name"]).strip()
            for a in given_aliases
            if a is not None and str(a).strip()
        )
        country = text(f"{key}.country", raw.get("country"), INTAKE_TEXT_LIMITS["name"])
        country = country.strip().upper()
        return PartySpec(name.strip(), aliases, tuple(identifiers), country)

    claimant, respondent = party("claimant"), party("respondent")
    problems.extend(_side_problems(claimant, respondent, source))
    received: date | None = None
    try:
        value = data.get("received_on")
        received = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        given = data.get("received_on")
        said = (
            "give the day the dispute was received (YYYY-MM-DD)"
            if given in (None, "")
            else f"{echoed(given)} is not a date (YYYY-MM-DD)"
        )
        problems.append(Problem(source, None, "received_on", said))
    amount = None
    raw_amount = data.get("amount")
    if raw_amount is not None:
        if not isinstance(raw_amount, Mapping):
            problems.append(Problem(source, None, "amount", "give amount and currency"))
        else:
            problems.extend(unknown_field_problems(source, raw_amount, AMOUNT_FIELDS, "amount"))
            try:
                amount = money(raw_amount.get("amount"), raw_amount.get("currency"), source)
            except InvalidInput as error:
                problems.extend(error.problems)
    rights = _right_numbers(data.get("rights"), source, problems, text)
    title = text("title", data.get("title"), INTAKE_TEXT_LIMITS["title"])
    if not title.strip() and isinstance(data.get("title") or "", str):
        problems.append(Problem(source, None, "title", "must not be empty"))
    claims = text("claims", data.get("claims"), INTAKE_TEXT_LIMITS["claims"])
    done_already = text(
        "done_already", data.get("done_already"), INTAKE_TEXT_LIMITS["done_already"]
    )
    waiver = text(
        "conflict_waiver", data.get("conflict_waiver"), INTAKE_TEXT_LIMITS["conflict_waiver"]
    )
    assignee = text("assignee", data.get("assignee"), INTAKE_TEXT_LIMITS["email"]).strip() or None
    if received is not None and received > date.today():
        problems.append(Problem(source, None, "received_on", f"{received} is in the future"))
    if problems:
        raise InvalidInput(problems)
    assert received is not None
    return Intake(
        title=title,
        claimant=claimant,
        respondent=respondent,
        received_on=received,
        claims=claims,
        amount=amount,
        done_already=done_already,
        assignee=assignee,
        conflict_waiver=waiver,
        rights=rights,
        source=source,
    )


def _right_numbers(
    raw: object,
    source: str,
    problems: list[Problem],
    text: Callable[[str, Any, int], str],
) -> tuple[str, ...]:
    """The right numbers of an intake's ``rights``: a list of texts, each one number, as
    ``text`` holds a field to the API's length."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) > INTAKE_RIGHTS_LIMIT:
        said = (
            f"at most {INTAKE_RIGHTS_LIMIT} rights; this is {len(raw)}"
            if isinstance(raw, list)
            else "give a list of right numbers, e.g. ['CN 60000001']"
        )
        problems.append(Problem(source, None, "rights", said))
        return ()
    numbers = []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or not item.strip():
            said = f"give the right's number as text, e.g. 'CN 60000001', not {echoed(item)}"
            problems.append(Problem(source, None, f"rights.{index}", said))
        else:
            numbers.append(text(f"rights.{index}", item, INTAKE_TEXT_LIMITS["right"]).strip())
    return tuple(numbers)
