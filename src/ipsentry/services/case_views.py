"""Cases as people read them: a list, and one case respondent by respondent, right by right.

Counts of resolved respondents come from the recorded dispositions, not from a press
release; each disposition shows its source. A case above the actor's clearance is not
found, so its existence does not leak.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ipsentry.domain.cases import Case, CaseParty, PartyRole
from ipsentry.domain.common import Money
from ipsentry.errors import NotFound
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork


def _resolved(case: Case) -> Counter[str]:
    counts: Counter[str] = Counter()
    for member in case.parties_in(PartyRole.RESPONDENT):
        counts[member.state().value] += 1
    return counts


def case_row(case: Case) -> dict[str, Any]:
    respondents = case.parties_in(PartyRole.RESPONDENT)
    return {
        "id": case.id,
        "number": case.number,
        "kind": case.kind.value,
        "title": case.title,
        "status": case.status.value,
        "respondents": len(respondents),
        "resolved": sum(1 for m in respondents if m.state().resolved),
        "confidentiality": case.confidentiality.value,
        "illustrative": case.illustrative,
    }


def list_cases(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    with uow:
        return [case_row(c) for c in actor.readable(uow.records.cases(actor.organisation_id))]


def _steps(member: CaseParty, rights: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "disposition": d.kind.value,
            "on": d.on.isoformat() if d.on else None,
            "right": rights.get(d.right_id, "every asserted right")
            if d.right_id
            else "every asserted right",
            "source": d.source,
        }
        for d in sorted(member.dispositions, key=lambda d: (d.on is None, d.on, d.id or 0))
    ]


def show_case(uow: UnitOfWork, actor: Actor, reference: str) -> dict[str, Any]:
    """One case by number or id: parties, dispositions per right, remedies, amounts, events."""
    with uow:
        case = uow.records.case_by_number(actor.organisation_id, reference)
        if case is None and reference.isdigit():
            case = next(
                (c for c in uow.records.cases(actor.organisation_id) if c.id == int(reference)),
                None,
            )
        if case is None:
            raise NotFound(f"no case {reference!r}")
        actor.require_readable(case, f"case {reference!r}")
        org = actor.organisation_id
        names = uow.records.parties_by_ids(org, [m.party_id for m in case.parties])
        rights = {
            r.id: r.display_number
            for r in (uow.rights.get(org, i) for i in case.asserted_right_ids)
            if r is not None and r.id is not None
        }
        parties = []
        for member in case.parties:
            party = names.get(member.party_id)
            parties.append(
                {
                    "name": party.name if party else f"party {member.party_id}",
                    "role": member.role.value,
                    "aliases": [a.name for a in party.aliases] if party else [],
                    "identifiers": [
                        {"kind": i.kind.value, "value": i.value} for i in party.identifiers
                    ]
                    if party
                    else [],
                    "state": {
                        label: member.state(right_id).value
                        for right_id, label in [(None, "every asserted right"), *rights.items()]
                    }
                    if member.role is PartyRole.RESPONDENT
                    else {},
                    "steps": _steps(member, rights),
                }
            )
        totals: dict[str, dict[str, Money]] = {}
        for amount in case.amounts:
            by_currency = totals.setdefault(amount.kind.value, {})
            earlier = by_currency.get(amount.money.currency)
            by_currency[amount.money.currency] = amount.money + earlier if earlier else amount.money
        amounts = {k: {c: str(m.amount) for c, m in v.items()} for k, v in totals.items()}
        party_name = {m.party_id: p["name"] for m, p in zip(case.parties, parties, strict=True)}
        return {
            **case_row(case),
            "forum": case.forum,
            "filed_on": case.filed_on.isoformat() if case.filed_on else None,
            "asserted_rights": list(rights.values()),
            "resolved_by": dict(_resolved(case)),
            "parties": parties,
            "remedies": [
                {
                    "kind": r.kind.value,
                    "ordered_on": r.ordered_on.isoformat() if r.ordered_on else None,
                    "against": party_name.get(r.against_party_id, "") if r.against_party_id else "",
                    "right": rights.get(r.right_id, "") if r.right_id else "",
                    "source": r.source,
                }
                for r in case.remedies
            ],
            "amounts": amounts,
            "events": [
                {"on": e.on.isoformat(), "title": e.title, "source": e.source}
                for e in sorted(case.events, key=lambda e: e.on)
            ],
        }
