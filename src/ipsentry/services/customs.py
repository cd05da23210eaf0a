"""Customs border protection: what is recorded with customs, protection plans, statistics.

Who sees what (enforced here): a rights holder's staff see their organisation's
recordations, plans, detentions and seizures; a customs officer sees those of rights
holders who shared them with the officer's organisation (a ``customs_recordations`` grant)
and only those recorded with the officer's own authority (China's GACC for a Chinese
office, CBP for a US one, an EU member state's customs for an application for action), and
only detentions of that authority. A record the actor may not see is reported as not found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Protocol, TypeVar

from ipsentry.domain.accounts import GrantScope, OrganisationKind
from ipsentry.domain.border_procedure import (
    ProcedureDeadline,
    detention_deadlines,
    facts_of,
    procedure_for,
)
from ipsentry.domain.customs import (
    CustomsAuthority,
    Detention,
    DetentionStatus,
    IdentificationGuide,
    ProtectionPlan,
    Recordation,
)
from ipsentry.domain.deadlines import Deadline, deadlines_for_recordation
from ipsentry.domain.deadlines.calendars import EU_MEMBER_STATES
from ipsentry.errors import InvalidInput, NotFound, Problem
from ipsentry.services import audit
from ipsentry.services.access import Actor, Marked, readable_organisations
from ipsentry.store.unit_of_work import UnitOfWork

_SEIZED = frozenset({DetentionStatus.SEIZED, DetentionStatus.DESTROYED})


def authority_of_country(country: str) -> CustomsAuthority:
    """The customs authority a customs organisation of ``country`` belongs to."""
    code = country.upper()
    if code == "CN":
        return CustomsAuthority.CN_GACC
    if code == "US":
        return CustomsAuthority.US_CBP
    if code in EU_MEMBER_STATES:
        return CustomsAuthority.EU
    return CustomsAuthority.OTHER


@dataclass(frozen=True)
class Scope:
    """What the actor may read of customs records."""

    organisations: frozenset[int]
    authority: CustomsAuthority | None  # None: the rights holder's own, of every authority

    def shows(self, organisation_id: int, authority: CustomsAuthority) -> bool:
        return organisation_id in self.organisations and (
            self.authority is None or authority is self.authority
        )


class BorderRecord(Marked, Protocol):
    """A recordation or a detention: kept by one organisation, under one authority."""

    @property
    def organisation_id(self) -> int: ...

    @property
    def authority(self) -> CustomsAuthority: ...


B = TypeVar("B", bound=BorderRecord)


def visible(
    uow: UnitOfWork, actor: Actor, records: Callable[[frozenset[int]], Iterable[B]]
) -> list[B]:
    """Inside an open unit of work: of the records of the organisations in the actor's
    scope, those under its authority and within its clearance."""
    scope = scope_of(uow, actor)
    return actor.readable(
        r for r in records(scope.organisations) if scope.shows(r.organisation_id, r.authority)
    )


def visible_one(uow: UnitOfWork, actor: Actor, record: B | None, what: str) -> B:
    """The record, or NotFound when it is missing or outside the actor's scope or clearance."""
    if record is None or not scope_of(uow, actor).shows(record.organisation_id, record.authority):
        raise NotFound(f"no {what} visible to {actor.email}")
    return actor.require_readable(record, what)


def scope_of(uow: UnitOfWork, actor: Actor) -> Scope:
    if actor.organisation_kind is OrganisationKind.CUSTOMS:
        organisation = uow.accounts.organisation(actor.organisation_id)
        country = organisation.country if organisation else ""
        grantors = readable_organisations(uow, actor, GrantScope.CUSTOMS_RECORDATIONS)
        return Scope(frozenset(grantors - {actor.organisation_id}), authority_of_country(country))
    return Scope(frozenset({actor.organisation_id}), None)


# --- recordations -------------------------------------------------------------------------
@dataclass(frozen=True)
class RecordationView:
    recordation: Recordation
    right_title: str
    right_label: str  # office, kind and number
    deadlines: list[Deadline] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        r = self.recordation
        return {
            "id": r.id,
            "authority": r.authority.value,
            "number": r.number,
            "right_id": r.right_id,
            "right": self.right_title,
            "right_number": self.right_label,
            "goods": r.goods,
            "coverage": r.coverage.value,
            "contact_point": r.contact_point,
            "valid_from": r.valid_from.isoformat() if r.valid_from else None,
            "valid_until": r.valid_until.isoformat() if r.valid_until else None,
            "identification_guide": r.identification_guide,
            "guide": r.guide.to_json(),
            "renewal": [
                {"due": d.due.isoformat(), "title": d.title, "rule": d.rule} for d in self.deadlines
            ],
            "marking": r.confidentiality.value,
            "illustrative": r.illustrative,
        }


def recordation_view(uow: UnitOfWork, record: Recordation) -> RecordationView:
    right = uow.rights.get(record.organisation_id, record.right_id)
    title = right.title if right else ""
    number = (right.registration_number or right.application_number) if right else ""
    label = f"{right.jurisdiction} {right.kind.value} {number}" if right else ""
    return RecordationView(record, title, label, deadlines_for_recordation(record, right))


def recordations(uow: UnitOfWork, actor: Actor) -> list[RecordationView]:
    with uow:
        return visible_recordations(uow, actor)


def visible_recordations(uow: UnitOfWork, actor: Actor) -> list[RecordationView]:
    """Inside an open unit of work: the recordations the actor may see."""
    return [recordation_view(uow, r) for r in visible(uow, actor, uow.customs.recordations)]


def visible_recordation(uow: UnitOfWork, actor: Actor, recordation_id: int) -> Recordation:
    record = uow.customs.recordation(recordation_id)
    return visible_one(uow, actor, record, f"recordation {recordation_id}")


def recordation(uow: UnitOfWork, actor: Actor, recordation_id: int) -> RecordationView:
    with uow:
        return recordation_view(uow, visible_recordation(uow, actor, recordation_id))


def set_guide(
    uow: UnitOfWork, actor: Actor, recordation_id: int, raw: dict[str, Any], source: str
) -> RecordationView:
    """Replace a recordation's identification guide (the rights holder's staff only)."""
    actor.require_write("identification guides")
    known = {f.name for f in fields(IdentificationGuide)}
    unknown = [
        Problem(source, None, name, f"not a guide field; use {', '.join(sorted(known))}")
        for name in raw
        if name not in known
    ]
    if unknown:  # a guide that reads nothing of the file would wipe the one stored
        raise InvalidInput(unknown)
    try:
        guide = IdentificationGuide.from_json(raw)
    except ValueError as bad:
        field_name, _, message = str(bad).partition(": ")
        raise InvalidInput([Problem(source, None, field_name, message or str(bad))]) from None
    with uow:
        record = visible_recordation(uow, actor, recordation_id)
        if record.organisation_id != actor.organisation_id:
            raise NotFound(f"no recordation {recordation_id} of your organisation")
        before = {"guide": record.guide.to_json()}
        record.guide = guide
        audit.record(uow, actor, "customs.guide", entity="recordation", entity_id=record.id,
                     before=before, after={"guide": guide.to_json()})  # fmt: skip
        uow.commit()
        return recordation_view(uow, record)


# --- protection plans ---------------------------------------------------------------------
@dataclass(frozen=True)
class PlanView:
    plan: ProtectionPlan
    customs_office: str
    recordations: list[str]
    activity: dict[str, int]  # alerts, detentions, confirmations, seizures (items)
    customs_slug: str = ""

    def to_json(self) -> dict[str, Any]:
        p = self.plan
        return {
            "id": p.id,
            "title": p.title,
            "customs_office": self.customs_office,
            "customs": self.customs_slug,
            "ports": p.ports,
            "routes": p.routes,
            "product_lines": p.product_lines,
            "starts_on": p.starts_on.isoformat() if p.starts_on else None,
            "ends_on": p.ends_on.isoformat() if p.ends_on else None,
            "holder_contact": p.holder_contact,
            "customs_contact": p.customs_contact,
            "training": p.training,
            "recordations": self.recordations,
            "activity": self.activity,
            "illustrative": p.illustrative,
        }


def plan_view(uow: UnitOfWork, actor: Actor, plan: ProtectionPlan) -> PlanView:
    office = uow.accounts.organisation(plan.customs_organisation_id)
    records = [uow.customs.recordation(i) for i in plan.recordation_ids]
    numbers = [f"{r.authority.value} {r.number}" for r in records if r is not None]
    detentions = [d for d in uow.customs.detentions([plan.organisation_id])
                  if d.protection_plan_id == plan.id]  # fmt: skip
    alerts = 0
    if actor.organisation_id == plan.customs_organisation_id:
        ports = {p.casefold() for p in plan.ports}
        alerts = sum(
            1
            for d in uow.customs.queue(actor.organisation_id, status=None, limit=100_000)
            if d.level == "high" and (not ports or d.port.casefold() in ports)
        )
    activity = {
        "alerts": alerts,
        "detentions": len(detentions),
        "confirmations": sum(1 for d in detentions if d.confirmed_on is not None),
        "seizures": sum(1 for d in detentions if d.status in _SEIZED),
        "items_seized": sum(d.quantity for d in detentions if d.status in _SEIZED),
    }
    name, slug = (office.name, office.slug) if office else ("", "")
    return PlanView(plan, name, numbers, activity, slug)


def plans(uow: UnitOfWork, actor: Actor) -> list[PlanView]:
    with uow:
        found = [
            p
            for p in uow.customs.plans({actor.organisation_id})
            if actor.organisation_id in (p.organisation_id, p.customs_organisation_id)
        ]
        return [plan_view(uow, actor, p) for p in actor.readable(found)]


# --- detentions ---------------------------------------------------------------------------
@dataclass(frozen=True)
class DetentionView:
    detention: Detention
    recordation: str
    procedure: str
    deadlines: list[ProcedureDeadline]
    next_steps: list[str]
    # the evidence item it became (``cases capture-seizure``) and the case it is filed under
    evidence: dict[str, int | None] | None = None

    def to_json(self) -> dict[str, Any]:
        d = self.detention

        def money(m: Any) -> dict[str, str] | None:
            return {"amount": str(m.amount), "currency": m.currency} if m else None

        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "id": d.id,
            "authority": d.authority.value,
            "procedure": self.procedure,
            "recordation": self.recordation,
            "status": d.status.value,
            "basis": d.basis.value,
            "finding": d.finding.value,
            "direction": d.direction.value,
            "port": d.port,
            "goods": d.goods,
            "quantity": d.quantity,
            "detained_on": day(d.detained_on),
            "notified_on": day(d.notified_on),
            "confirmed_on": day(d.confirmed_on),
            "seized_on": day(d.seized_on),
            "closed_on": day(d.closed_on),
            "security": money(d.security),
            "value": money(d.value),
            "storage_cost": money(d.storage_cost),
            "destruction_cost": money(d.destruction_cost),
            "costs_borne_by": d.costs_borne_by,
            "parties": {
                "declarant": d.declarant,
                "consignor": d.consignor,
                "consignee": d.consignee,
                "address": d.address,
            },
            "deadlines": [
                {
                    "title": x.title,
                    "due": x.due.isoformat(),
                    "consequence": x.consequence,
                    "rule": x.rule,
                    "source": x.source,
                    "derivation": x.derivation,
                }
                for x in self.deadlines
            ],
            "next_steps": self.next_steps,
            "evidence": self.evidence,
            "marking": d.confidentiality.value,
            "illustrative": d.illustrative,
        }


def detention_view(uow: UnitOfWork, actor: Actor, detention: Detention) -> DetentionView:
    """The detention with its deadlines and next steps; the holder's staff also see the
    evidence item it became (customs does not see the holder's locker)."""
    record = uow.customs.recordation(detention.recordation_id) if detention.recordation_id else None
    procedure = procedure_for(detention.authority)
    steps = [s.to.value for s in procedure.allowed(detention.status, facts_of(detention))]
    item = None
    if actor.organisation_id == detention.organisation_id:
        item = uow.enforcement.evidence_of_detention(detention.organisation_id, detention.id or 0)
    return DetentionView(
        detention,
        f"{record.authority.value} {record.number}" if record else "",
        procedure.name,
        detention_deadlines(detention) if not detention.status.closed else [],
        steps,
        {"id": item.id, "case_id": item.case_id} if item is not None else None,
    )


def detentions(uow: UnitOfWork, actor: Actor) -> list[DetentionView]:
    with uow:
        return visible_detentions(uow, actor)


def detention(uow: UnitOfWork, actor: Actor, detention_id: int) -> DetentionView:
    with uow:
        return detention_view(uow, actor, visible_detention(uow, actor, detention_id))


def visible_detentions(uow: UnitOfWork, actor: Actor) -> list[DetentionView]:
    """Inside an open unit of work: the detentions the actor may see."""
    return [detention_view(uow, actor, d) for d in visible(uow, actor, uow.customs.detentions)]


def visible_detention(uow: UnitOfWork, actor: Actor, detention_id: int) -> Detention:
    return visible_one(uow, actor, uow.customs.detention(detention_id), f"detention {detention_id}")


# --- statistics ---------------------------------------------------------------------------
@dataclass(frozen=True)
class SeizureStatistics:
    """Items seized, by month, port, right, direction and authority."""

    total: int
    batches: int
    by_month: dict[str, int]
    by_port: dict[str, int]
    by_right: dict[str, int]
    by_direction: dict[str, int]
    by_authority: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _ordered(counter: Counter[str], by_key: bool = False) -> dict[str, int]:
    items = sorted(counter.items()) if by_key else counter.most_common()
    return dict(items)


def seizure_statistics(uow: UnitOfWork, actor: Actor) -> SeizureStatistics:
    """Reported seizure batches and the detentions recorded here that ended in seizure."""
    with uow:
        return _statistics(uow, actor)


def _statistics(uow: UnitOfWork, actor: Actor) -> SeizureStatistics:
    scope = scope_of(uow, actor)
    month: Counter[str] = Counter()
    port: Counter[str] = Counter()
    right: Counter[str] = Counter()
    direction: Counter[str] = Counter()
    authority: Counter[str] = Counter()
    batches = [
        b
        for b in uow.customs.seizure_batches(scope.organisations)
        if scope.shows(b.organisation_id, b.authority)
    ]
    for b in actor.readable(batches):
        month[b.seized_on.strftime("%Y-%m")] += b.quantity
        port["(reported batch)"] += b.quantity
        right[b.goods or "(reported batch)"] += b.quantity
        direction["(reported batch)"] += b.quantity
        authority[b.authority.value] += b.quantity
    seized = [v for v in visible_detentions(uow, actor) if v.detention.status in _SEIZED]
    for view in seized:
        d = view.detention
        when = d.seized_on or d.closed_on or d.detained_on
        month[when.strftime("%Y-%m")] += d.quantity
        port[d.port or "(port not recorded)"] += d.quantity
        right[view.recordation or "(no recordation)"] += d.quantity
        direction[d.direction.value] += d.quantity
        authority[d.authority.value] += d.quantity
    return SeizureStatistics(
        total=sum(month.values()),
        batches=len(batches) + len(seized),
        by_month=_ordered(month, by_key=True),
        by_port=_ordered(port),
        by_right=_ordered(right),
        by_direction=_ordered(direction),
        by_authority=_ordered(authority),
    )
