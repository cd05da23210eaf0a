"""Recordations and protection plans written by the rights holder's staff.

The command line, the API and the web forms all give fields as text (lists as lists or
separated by ``;``); every field is read before anything is stored and every bad one is
named at once. Editing changes only the fields given. Only the rights holder's writers
record or plan, and only for their own rights and recordations; the customs office of a
plan must be a customs organisation. Each change is in the audit log with what it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ipsentry.domain.accounts import OrganisationKind
from ipsentry.domain.border_procedure import procedure_for
from ipsentry.domain.customs import Coverage, CustomsAuthority, ProtectionPlan, Recordation
from ipsentry.domain.rights import Right
from ipsentry.errors import InvalidInput, NotFound, PermissionDenied, Problem
from ipsentry.services import audit, portfolio
from ipsentry.services.access import Actor
from ipsentry.services.customs import PlanView, RecordationView, plan_view, recordation_view
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_

Fields = Mapping[str, Any]
RECORDATION_FIELDS = ("right", "authority", "number", "goods", "coverage", "contact_point",
                      "valid_from", "valid_until", "identification_guide")  # fmt: skip
PLAN_FIELDS = ("title", "customs", "ports", "routes", "product_lines", "starts_on", "ends_on",
               "holder_contact", "customs_contact", "training", "recordations")  # fmt: skip
_TEXT_LIMIT = 4000


class _Reader:
    """Reads fields, collecting every problem (named by source and field)."""

    def __init__(self, fields: Fields, source: str, known: tuple[str, ...]) -> None:
        self.fields, self.source = fields, source
        self.problems = [
            Problem(source, None, name, N_("not a field; use %(fields)s", fields=", ".join(known)))
            for name in fields
            if name not in known
        ]

    def bad(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.source, None, name, message))

    def text(self, name: str, required: bool = False) -> str | None:
        if name not in self.fields:
            if required:
                self.bad(name, N_("missing"))
            return None
        value = str(self.fields[name] or "").strip()
        if required and not value:
            self.bad(name, N_("must not be empty"))
        elif len(value) > _TEXT_LIMIT:
            self.bad(name, N_("longer than %(limit)s characters", limit=_TEXT_LIMIT))
        return value

    def day(self, name: str, current: date | None) -> date | None:
        """The date given (None when cleared with an empty value), else ``current``."""
        raw = self.text(name)
        if raw is None:
            return current
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            self.bad(name, N_("'%(value)s' is not a date (YYYY-MM-DD)", value=raw))
            return current

    def items(self, name: str) -> list[str] | None:
        if name not in self.fields:
            return None
        value = self.fields[name]
        parts = value if isinstance(value, list) else str(value or "").split(";")
        found = [str(p).strip() for p in parts if str(p).strip()]
        if any(len(p) > 300 for p in found):
            self.bad(name, N_("an item longer than 300 characters"))
        return found

    def choice(self, name: str, kind: type[CustomsAuthority] | type[Coverage]) -> Any:
        raw = self.text(name)
        if not raw:
            return None
        try:
            return kind(raw)
        except ValueError:
            self.bad(name, N_("'%(value)s': use %(choices)s", value=raw,
                                   choices=", ".join(k.value for k in kind)))  # fmt: skip
            return None

    def done(self) -> None:
        if self.problems:
            raise InvalidInput(self.problems)


def _require_holder(actor: Actor, what: str) -> None:
    actor.require_write(what)
    if actor.organisation_kind is OrganisationKind.CUSTOMS:
        raise PermissionDenied(
            N_("%(email)s: customs records what the rights holder gives it", email=actor.email)
        )


def _recordable(read: _Reader, right: Right | None, authority: CustomsAuthority | None) -> None:
    """The authority records that kind of right (CBP records no patents: they reach the US
    border through ITC exclusion orders)."""
    if right is None or authority is None:
        return
    procedure = procedure_for(authority)
    if right.kind.value not in procedure.recordable:
        read.bad("right", N_("%(authority)s does not record a %(kind)s (%(source)s)",
                             authority=procedure.name, kind=right.kind.value,
                             source=procedure.recordable_source))  # fmt: skip


def _period(read: _Reader, first: str, last: str, starts: date | None, ends: date | None) -> None:
    if starts and ends and ends < starts:
        read.bad(last, N_("%(end)s is before %(field)s %(start)s", end=ends, field=first,
                          start=starts))  # fmt: skip


# --- recordations -------------------------------------------------------------------------
def save_recordation(
    uow: UnitOfWork,
    actor: Actor,
    fields: Fields,
    *,
    recordation_id: int | None = None,
    source: str = "recordation",
) -> RecordationView:
    """Record a right with customs (``recordation_id`` None) or change a recordation."""
    _require_holder(actor, "recordations")
    read = _Reader(fields, source, RECORDATION_FIELDS)
    new = recordation_id is None
    with uow:
        record = None if new else _own_recordation(uow, actor, recordation_id or 0)
        right_ref = read.text("right", required=new)
        right = None
        if right_ref:
            try:
                right = portfolio.find_right(uow, actor, right_ref)
            except NotFound as missing:
                read.bad("right", str(missing))
        authority = read.choice("authority", CustomsAuthority)
        if new and authority is None and "authority" not in fields:
            read.bad("authority", N_("missing"))
        recorded = uow.rights.get(record.organisation_id, record.right_id) if record else None
        _recordable(read, right or recorded, authority or (record.authority if record else None))
        right_id = right.id if right is not None else None
        number = read.text("number", required=new)
        coverage = read.choice("coverage", Coverage)
        starts = read.day("valid_from", record.valid_from if record else None)
        ends = read.day("valid_until", record.valid_until if record else None)
        texts = {n: read.text(n) for n in ("goods", "contact_point", "identification_guide")}
        _period(read, "valid_from", "valid_until", starts, ends)
        read.done()
        before = _recordation_json(record) if record else None
        if record is None:
            assert right_id is not None and authority is not None and number
            record = Recordation(
                organisation_id=actor.organisation_id, right_id=right_id, authority=authority,
                number=number,
            )  # fmt: skip
            uow.customs.add(record)
        else:
            record.right_id = right_id if right_id is not None else record.right_id
            record.authority = authority or record.authority
            record.number = number or record.number
        record.coverage = coverage or record.coverage
        record.valid_from, record.valid_until = starts, ends
        for name, value in texts.items():
            if value is not None:
                setattr(record, name, value)
        uow.flush()
        after = _recordation_json(record)
        audit.record(uow, actor, "customs.recordation", entity="recordation",
                     entity_id=record.id, before=before, after=after)  # fmt: skip
        uow.commit()
        return recordation_view(uow, record)


def _own_recordation(uow: UnitOfWork, actor: Actor, recordation_id: int) -> Recordation:
    record = uow.customs.recordation(recordation_id)
    if record is None or record.organisation_id != actor.organisation_id:
        raise NotFound(N_("no recordation %(id)s of your organisation", id=recordation_id))
    return actor.require_readable(record, f"recordation {recordation_id}")


def _recordation_json(r: Recordation) -> dict[str, Any]:
    return {"right_id": r.right_id, "authority": r.authority.value, "number": r.number,
            "goods": r.goods, "coverage": r.coverage.value, "contact_point": r.contact_point,
            "valid_from": r.valid_from.isoformat() if r.valid_from else None,
            "valid_until": r.valid_until.isoformat() if r.valid_until else None,
            "identification_guide": r.identification_guide}  # fmt: skip


# --- protection plans ---------------------------------------------------------------------
def save_plan(
    uow: UnitOfWork,
    actor: Actor,
    fields: Fields,
    *,
    plan_id: int | None = None,
    source: str = "plan",
) -> PlanView:
    """Agree a protection plan with a customs office (``plan_id`` None) or change one."""
    _require_holder(actor, "protection plans")
    read = _Reader(fields, source, PLAN_FIELDS)
    new = plan_id is None
    with uow:
        plan = None if new else _own_plan(uow, actor, plan_id or 0)
        title = read.text("title", required=new)
        office_id = _customs_office(uow, read, read.text("customs", required=new))
        lists = {n: read.items(n) for n in ("ports", "routes", "product_lines")}
        texts = {n: read.text(n) for n in ("holder_contact", "customs_contact", "training")}
        recordation_ids = _plan_recordations(uow, actor, read, read.items("recordations"))
        starts = read.day("starts_on", plan.starts_on if plan else None)
        ends = read.day("ends_on", plan.ends_on if plan else None)
        _period(read, "starts_on", "ends_on", starts, ends)
        read.done()
        before = _plan_json(plan) if plan else None
        if plan is None:
            assert title and office_id is not None
            plan = ProtectionPlan(
                organisation_id=actor.organisation_id, customs_organisation_id=office_id,
                title=title,
            )  # fmt: skip
            uow.customs.add(plan)
        else:
            plan.title = title or plan.title
            plan.customs_organisation_id = office_id or plan.customs_organisation_id
        plan.starts_on, plan.ends_on = starts, ends
        for name, value in {**lists, **texts}.items():
            if value is not None:
                setattr(plan, name, value)
        if recordation_ids is not None:
            plan.recordation_ids = recordation_ids
        uow.flush()
        audit.record(uow, actor, "customs.plan", entity="protection_plan", entity_id=plan.id,
                     before=before, after=_plan_json(plan))  # fmt: skip
        uow.commit()
        return plan_view(uow, actor, plan)


def _own_plan(uow: UnitOfWork, actor: Actor, plan_id: int) -> ProtectionPlan:
    plan = uow.customs.plan(plan_id)
    if plan is None or plan.organisation_id != actor.organisation_id:
        raise NotFound(N_("no protection plan %(id)s of your organisation", id=plan_id))
    return actor.require_readable(plan, f"protection plan {plan_id}")


def _customs_office(uow: UnitOfWork, read: _Reader, slug: str | None) -> int | None:
    if not slug:
        return None
    office = uow.organisations.by_slug(slug)
    if office is None or office.kind is not OrganisationKind.CUSTOMS:
        read.bad("customs", N_("'%(slug)s' is not a customs organisation", slug=slug))
        return None
    return office.id


def _plan_recordations(
    uow: UnitOfWork, actor: Actor, read: _Reader, given: list[str] | None
) -> list[int] | None:
    """The holder's recordations a plan covers, by number ('T2017-00001') or id."""
    if given is None:
        return None
    own = {r.number.casefold(): r.id for r in uow.customs.recordations([actor.organisation_id])}
    own |= {str(i): i for i in own.values()}
    found = []
    for reference in given:
        recordation_id = own.get(reference.casefold())
        if recordation_id is None:
            said = N_("'%(value)s' is not one of your recordations", value=reference)
            read.bad("recordations", said)
        else:
            found.append(recordation_id)
    return list(dict.fromkeys(found))


def _plan_json(p: ProtectionPlan) -> dict[str, Any]:
    return {"title": p.title, "customs_organisation_id": p.customs_organisation_id,
            "ports": list(p.ports), "routes": list(p.routes),
            "product_lines": list(p.product_lines),
            "starts_on": p.starts_on.isoformat() if p.starts_on else None,
            "ends_on": p.ends_on.isoformat() if p.ends_on else None,
            "holder_contact": p.holder_contact, "customs_contact": p.customs_contact,
            "training": p.training, "recordations": list(p.recordation_ids)}  # fmt: skip
