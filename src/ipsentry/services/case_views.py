"""Cases as people read them: a list, and one case respondent by respondent, right by right.

Counts of resolved respondents come from the recorded dispositions, not from a press
release; each disposition shows its source. A case above the actor's clearance is not
found, so its existence does not leak.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from ipsentry.domain.cases import OPPONENT_ROLES, Case, CaseAmount, CaseParty, StepKind
from ipsentry.domain.common import Confidentiality, Money
from ipsentry.domain.deadlines.model import Deadline
from ipsentry.domain.deadlines.proceedings import case_deadlines
from ipsentry.errors import NotFound
from ipsentry.services.access import Actor
from ipsentry.services.disputes import cases_out_of_sight
from ipsentry.services.portfolio import engaged_rights_by_id
from ipsentry.store.unit_of_work import UnitOfWork


def _resolved(case: Case) -> Counter[str]:
    counts: Counter[str] = Counter()
    for member in case.opponents():
        counts[member.state().value] += 1
    return counts


def case_row(case: Case) -> dict[str, Any]:
    respondents = case.opponents()
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


def readable_cases(uow: UnitOfWork, actor: Actor) -> list[Case]:
    """The cases of the actor's organisation the actor may read (inside an open unit of
    work): within the actor's clearance, and for a case referred from a dispute, only if
    the actor may see the dispute."""
    hidden = cases_out_of_sight(uow, actor)
    return [c for c in actor.readable(uow.records.cases(actor.organisation_id))
            if c.id not in hidden]  # fmt: skip


def list_cases(uow: UnitOfWork, actor: Actor) -> list[dict[str, Any]]:
    with uow:
        return [case_row(c) for c in readable_cases(uow, actor)]


def find_case(uow: UnitOfWork, actor: Actor, reference: str) -> Case:
    """A case of the actor's organisation by number or id (inside an open unit of work);
    one above the actor's clearance, or referred from a dispute the actor may not see, is
    not found."""
    case = uow.records.case_by_number(actor.organisation_id, reference.strip())
    if case is None and reference.strip().isdigit():
        case = next(
            (c for c in uow.records.cases(actor.organisation_id) if c.id == int(reference)),
            None,
        )
    if case is None or case.id in cases_out_of_sight(uow, actor):
        raise NotFound(f"no case {reference!r}")
    return actor.require_readable(case, f"case {reference!r}")


def _steps(member: CaseParty, rights: dict[int, str]) -> list[dict[str, Any]]:
    return [
        {
            "disposition": d.kind.value,
            "on": d.on.isoformat() if d.on else None,
            "right": rights.get(d.right_id, "every asserted right")
            if d.right_id
            else "every asserted right",
            "source": d.source,
            "finality": [s.to_json() for s in d.steps],
        }
        for d in sorted(member.dispositions, key=lambda d: (d.on is None, d.on, d.id or 0))
    ]


def _totals(amounts: list[CaseAmount]) -> dict[str, dict[str, str]]:
    """Amounts summed by kind and currency (never across currencies)."""
    totals: dict[str, dict[str, Money]] = {}
    for amount in amounts:
        by_currency = totals.setdefault(amount.kind.value, {})
        earlier = by_currency.get(amount.money.currency)
        by_currency[amount.money.currency] = amount.money + earlier if earlier else amount.money
    return {k: {c: str(m.amount) for c, m in v.items()} for k, v in totals.items()}


def _deadline_row(deadline: Deadline) -> dict[str, Any]:
    return {
        "title": deadline.title,
        "due": deadline.due.isoformat(),
        "opens": deadline.opens.isoformat() if deadline.opens else None,
        "state": deadline.state.value if deadline.state else None,
        "rule": deadline.rule,
        "derivation": deadline.derivation,
        "right": deadline.right_label,
    }


def show_case(
    uow: UnitOfWork, actor: Actor, reference: str, today: date | None = None
) -> dict[str, Any]:
    """One case by number or id: parties, dispositions per right, remedies, amounts, events,
    and its deadlines as of ``today``."""
    with uow:
        case = find_case(uow, actor, reference)
        org = actor.organisation_id
        names = uow.records.parties_by_ids(org, [m.party_id for m in case.parties])
        # a case referred from a dispute asserts the engaged enterprise's rights
        asserted = engaged_rights_by_id(uow, actor, case.asserted_right_ids)
        rights = {r.id: r.display_number for r in asserted if r.id is not None}
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
                    if member.role in OPPONENT_ROLES
                    else {},
                    "steps": _steps(member, rights),
                    "amounts": _totals([a for a in case.amounts if a.party_id == member.party_id]),
                }
            )
        amounts = _totals(case.amounts)
        party_name = {m.party_id: p["name"] for m, p in zip(case.parties, parties, strict=True)}
        return {
            **case_row(case),
            "forum": case.forum,
            "filed_on": case.filed_on.isoformat() if case.filed_on else None,
            "side": case.side.value,
            "jurisdiction": case.jurisdiction,
            "served_on": case.served_on.isoformat() if case.served_on else None,
            "deadlines": [
                _deadline_row(d) for d in case_deadlines(case, asserted, today or date.today())
            ],
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


_STEP_WORDS = {
    StepKind.INITIAL_DETERMINATION: "initial determination of the administrative law judge",
    StepKind.NOT_REVIEWED: "the Commission determines not to review the initial determination",
    StepKind.FEDERAL_REGISTER_NOTICE: "notice published in the Federal Register",
}


def timeline(detail: dict[str, Any]) -> list[dict[str, str]]:
    """A case's dated record in order: events, each party's steps, remedies ordered."""
    found = [{"on": e["on"], "what": e["title"], "source": e["source"]} for e in detail["events"]]
    for party in detail["parties"]:
        for step in party["steps"]:
            if step["on"]:
                right = "" if step["right"] == "every asserted right" else f" ({step['right']})"
                what = f"{party['name']}: {step['disposition']}{right}"
                found.append({"on": step["on"], "source": step["source"], "what": what})
    finality = {
        (s["on"], s["kind"], s["reference"])
        for party in detail["parties"]
        for step in party["steps"]
        for s in step["finality"]
        if s["on"]
    }  # a termination of many respondents is one ID, one decision and one notice
    for on, kind, reference in finality:
        found.append({"on": on, "what": _STEP_WORDS[kind], "source": reference})
    for remedy in detail["remedies"]:
        if remedy["ordered_on"]:
            against = f" against {remedy['against']}" if remedy["against"] else ""
            found.append({"on": remedy["ordered_on"], "source": remedy["source"],
                          "what": f"{remedy['kind']}{against}"})  # fmt: skip
    return sorted(found, key=lambda e: e["on"])


def case_page(
    uow: UnitOfWork, actor: Actor, case_id: int, today: date | None = None
) -> dict[str, Any]:
    """Everything the case page shows: the case, its timeline, its evidence and takedowns,
    and the strictest marking among them."""
    from ipsentry.services.evidence import evidence_row
    from ipsentry.services.takedowns import notice_row

    detail = show_case(uow, actor, str(case_id), today)
    with uow:
        items = actor.readable(uow.evidence.list(actor.organisation_id, case_id))
        notices = actor.readable(uow.enforcement.takedowns(actor.organisation_id, case_id=case_id))
        markings = [Confidentiality(detail["confidentiality"])]
        markings += [i.confidentiality for i in items] + [n.confidentiality for n in notices]
        return {
            **detail,
            "timeline": timeline(detail),
            "evidence": [evidence_row(i) for i in items],
            "takedowns": [notice_row(n) for n in notices],
            "marking": max(markings, key=lambda m: m.rank),
        }
