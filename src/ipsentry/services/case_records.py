"""Cases kept by hand: opened, parties added with their ids, dispositions, amounts.

Every kind of case (a suit against marketplace sellers, an opposition the organisation
defends, a customs action) is written here through the same checks as a notice import:
the disposition state machine refuses a move the proceeding does not allow, amounts carry
an ISO 4217 currency, and each change goes to the audit log with the case before and
after. Bad input is reported field by field and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ipsentry.domain import cases, parties
from ipsentry.domain.common import Confidentiality, Money, normalise_jurisdiction
from ipsentry.errors import Conflict, InvalidInput, NotFound, Problem
from ipsentry.matching.notices.names import same_party
from ipsentry.services import audit
from ipsentry.services.access import Actor
from ipsentry.services.case_views import case_row, find_case
from ipsentry.services.portfolio import engaged_rights_by_id, find_right, matching
from ipsentry.services.stated_dates import future_problem
from ipsentry.store.unit_of_work import UnitOfWork

OPTION = "command line"


@dataclass(frozen=True)
class NewCase:
    kind: cases.CaseKind
    title: str
    number: str = ""
    forum: str = ""
    filed_on: date | None = None
    side: cases.CaseSide = cases.CaseSide.BROUGHT
    jurisdiction: str = ""
    served_on: date | None = None
    rights: tuple[str, ...] = ()  # portfolio numbers, e.g. "US 5,633,060"
    confidentiality: Confidentiality = Confidentiality.CONFIDENTIAL


def _snapshot(case: cases.Case) -> dict[str, Any]:
    return {
        **case_row(case),
        "parties": [
            {"party_id": m.party_id, "role": m.role.value, "state": m.state().value}
            for m in case.parties
        ],
        "amounts": [
            {"kind": a.kind.value, "money": str(a.money), "party_id": a.party_id}
            for a in case.amounts
        ],
    }


def open_case(uow: UnitOfWork, actor: Actor, spec: NewCase) -> dict[str, Any]:
    """A new case of any kind, brought or defended, with the portfolio rights it asserts."""
    actor.require_write("cases")
    problems = []
    if not spec.title.strip():
        problems.append(Problem(OPTION, None, "--title", "is empty"))
    office = ""
    if spec.jurisdiction:
        try:
            office = normalise_jurisdiction(spec.jurisdiction)
        except ValueError as error:
            problems.append(Problem(OPTION, None, "--jurisdiction", str(error)))
    if spec.served_on and spec.side is not cases.CaseSide.DEFENDED:
        problems.append(Problem(OPTION, None, "--served-on", "only a defended case is served"))
    for day, option in ((spec.filed_on, "--filed-on"), (spec.served_on, "--served-on")):
        if (late := future_problem(day, option, OPTION)) is not None:
            problems.append(late)
    if spec.served_on and spec.filed_on and spec.served_on < spec.filed_on:
        said = f"{spec.served_on} is before the filing ({spec.filed_on})"
        problems.append(Problem(OPTION, None, "--served-on", said))
    with uow:
        right_ids = []
        for reference in spec.rights:
            try:
                right = find_right(uow, actor, reference)
            except NotFound as error:
                problems.append(Problem(OPTION, None, "--right", str(error)))
                continue
            assert right.id is not None
            right_ids.append(right.id)
        number = spec.number.strip()
        if number and uow.records.case_by_number(actor.organisation_id, number) is not None:
            raise Conflict(f"a case {number!r} is already recorded")
        if problems:
            raise InvalidInput(problems)
        case = cases.Case(
            organisation_id=actor.organisation_id,
            kind=spec.kind,
            title=spec.title.strip(),
            number=number,
            forum=spec.forum,
            filed_on=spec.filed_on,
            side=spec.side,
            jurisdiction=office,
            served_on=spec.served_on,
            asserted_right_ids=right_ids,
            confidentiality=spec.confidentiality,
        )
        uow.records.add(case)
        uow.flush()
        audit.record(uow, actor, "case.open", entity="case", entity_id=case.id,
                     after=_snapshot(case))  # fmt: skip
        uow.commit()
        return case_row(case)


@dataclass(frozen=True)
class NewParty:
    name: str
    role: cases.PartyRole | None = None  # default: the case kind's other side
    country: str = ""
    address: str = ""
    aliases: tuple[str, ...] = ()
    seller_ids: tuple[str, ...] = ()  # "PLATFORM:ID" or "ID"
    payment_accounts: tuple[str, ...] = ()  # "PROVIDER:ACCOUNT" or "ACCOUNT"
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    identifiers: list[parties.PartyIdentifier] = field(default_factory=list)


def _identifiers(spec: NewParty) -> list[parties.PartyIdentifier]:
    kinds = (
        (parties.IdentifierKind.SELLER_ID, spec.seller_ids),
        (parties.IdentifierKind.PAYMENT_ACCOUNT, spec.payment_accounts),
        (parties.IdentifierKind.EMAIL, spec.emails),
        (parties.IdentifierKind.PHONE, spec.phones),
        (parties.IdentifierKind.DOMAIN, spec.domains),
    )
    found = list(spec.identifiers)
    for kind, values in kinds:
        for value in values:
            issuer, _, own = value.rpartition(":") if ":" in value else ("", "", value)
            found.append(parties.PartyIdentifier(kind=kind, value=own.strip(), issuer=issuer))
    return found


def add_party(uow: UnitOfWork, actor: Actor, case_reference: str, spec: NewParty) -> dict[str, Any]:
    """A party joins the case in its role, with aliases and identifiers; a name the case
    already holds in that role (under any of its aliases) is refused."""
    actor.require_write("cases")
    problems = []
    if not spec.name.strip():
        problems.append(Problem(OPTION, None, "name", "is empty"))
    country = ""
    if spec.country:
        try:
            country = normalise_jurisdiction(spec.country)
        except ValueError as error:
            problems.append(Problem(OPTION, None, "--country", str(error)))
    identifiers = _identifiers(spec)
    for identifier in identifiers:
        if not identifier.value:
            problems.append(Problem(OPTION, None, f"--{identifier.kind.value}", "is empty"))
    if problems:
        raise InvalidInput(problems)
    with uow:
        case = find_case(uow, actor, case_reference)
        role = spec.role or cases.opponent_role(case.kind)
        known = uow.records.parties_by_ids(
            actor.organisation_id, [m.party_id for m in case.parties]
        )
        for member in case.parties:
            party = known.get(member.party_id)
            if member.role is role and party and same_party(spec.name, party.names()):
                raise Conflict(f"{spec.name!r} is already a {role.value} in case {case.number}")
        before = _snapshot(case)
        party = parties.Party(
            organisation_id=actor.organisation_id,
            name=spec.name.strip(),
            country=country,
            address=spec.address,
            aliases=[parties.PartyAlias(name=a) for a in spec.aliases if a.strip()],
            identifiers=identifiers,
            confidentiality=case.confidentiality,
        )
        uow.records.add(party)
        uow.flush()
        assert party.id is not None
        case.parties.append(cases.CaseParty(party_id=party.id, role=role))
        audit.record(uow, actor, "case.party", entity="case", entity_id=case.id,
                     before=before, after=_snapshot(case))  # fmt: skip
        uow.commit()
        return {"case": case.number, "party_id": party.id, "name": party.name, "role": role.value}


def _member(uow: UnitOfWork, case: cases.Case, name: str) -> cases.CaseParty:
    known = uow.records.parties_by_ids(case.organisation_id, [m.party_id for m in case.parties])
    for member in case.parties:
        party = known.get(member.party_id)
        if party is not None and same_party(name, party.names()):
            return member
    raise InvalidInput([Problem(OPTION, None, "party", f"no party {name!r} in case {case.number}")])


def _right_id(uow: UnitOfWork, actor: Actor, case: cases.Case, reference: str) -> int | None:
    if not reference:
        return None
    # a case referred from a dispute asserts the engaged enterprise's rights
    asserted = engaged_rights_by_id(uow, actor, case.asserted_right_ids)
    try:
        return matching(asserted, actor, reference).id
    except NotFound:
        pass
    try:
        find_right(uow, actor, reference)
    except NotFound as error:
        raise InvalidInput([Problem(OPTION, None, "--right", str(error))]) from None
    raise InvalidInput(
        [Problem(OPTION, None, "--right", f"{reference!r} is not asserted in this case")]
    )


def record_disposition(
    uow: UnitOfWork,
    actor: Actor,
    case_reference: str,
    party_name: str,
    kind: cases.DispositionKind,
    on: date,
    source: str,
    right: str = "",
) -> dict[str, Any]:
    """Move one respondent or defendant, on one asserted right or all; refused in words
    (and nothing written) when the state machine does not allow it."""
    actor.require_write("cases")
    problems = [p for p in [future_problem(on, "--on", OPTION)] if p is not None]
    if not source.strip():
        problems.append(Problem(OPTION, None, "--source", "say where this is recorded"))
    if problems:
        raise InvalidInput(problems)
    with uow:
        case = find_case(uow, actor, case_reference)
        member = _member(uow, case, party_name)
        right_id = _right_id(uow, actor, case, right)
        before = _snapshot(case)
        member.move(kind, on, source.strip(), right_id)
        audit.record(uow, actor, "case.disposition", entity="case", entity_id=case.id,
                     before=before, after=_snapshot(case))  # fmt: skip
        uow.commit()
        return {"case": case.number, "party": party_name, "state": member.state(right_id).value}


def record_amount(
    uow: UnitOfWork,
    actor: Actor,
    case_reference: str,
    kind: cases.AmountKind,
    amount: str,
    currency: str,
    *,
    on: date | None = None,
    party_name: str = "",
    source: str = "",
) -> dict[str, Any]:
    """An amount of the case (claimed, awarded, frozen, collected, ...), for one party or
    the whole case, in its own currency."""
    actor.require_write("cases")
    try:
        money = Money.parse(amount, currency)
    except ValueError as error:
        raise InvalidInput([Problem(OPTION, None, "--amount", str(error))]) from None
    if money.amount < 0:
        raise InvalidInput([Problem(OPTION, None, "--amount", "cannot be negative")])
    if (late := future_problem(on, "--on", OPTION)) is not None:
        raise InvalidInput([late])
    with uow:
        case = find_case(uow, actor, case_reference)
        member = _member(uow, case, party_name) if party_name else None
        before = _snapshot(case)
        case.amounts.append(
            cases.CaseAmount(
                kind=kind,
                money=money,
                on=on,
                party_id=member.party_id if member else None,
                source=source,
            )
        )
        audit.record(uow, actor, "case.amount", entity="case", entity_id=case.id,
                     before=before, after=_snapshot(case))  # fmt: skip
        uow.commit()
        return {"case": case.number, "kind": kind.value, "amount": str(money), "party": party_name}
