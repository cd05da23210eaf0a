"""Detention to outcome: detain, notify the rights holder, their answer within the deadline
with security posted, then seizure, destruction, release or handover to proceedings.

The customs office that detained takes every step but one: the rights holder's staff confirm
(and, in China, apply for detention and post security) within the period of the authority's
procedure; after it ended the confirmation is refused and customs may only release. The
notice to the rights holder is shown in the app and written as an e-mail (RFC 5322 file) to
the outbox folder, for whatever mail system the installation uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path

from ipsentry.domain.accounts import OrganisationKind, Permission
from ipsentry.domain.border_procedure import advance, cn_security, detention_deadlines
from ipsentry.domain.common import Money
from ipsentry.domain.customs import (
    Basis,
    CustomsAuthority,
    Detention,
    DetentionStatus,
    Finding,
    QueueStatus,
)
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problem
from ipsentry.services import audit
from ipsentry.services import customs as border
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork

S = DetentionStatus
_CONFIRM_PERIODS = {"CN.customs.apply_and_secure", "EU.customs.confirm_infringement"}
_FIELDS = ("status", "notified_on", "confirmed_on", "seized_on", "closed_on", "finding", "note")


@dataclass(frozen=True)
class DetainRequest:
    declaration_id: int
    recordation_id: int
    on: date
    quantity: int | None = None  # the declared quantity by default
    value: Money | None = None
    basis: Basis = Basis.EX_OFFICIO
    member_state: str = ""
    perishable: bool = False
    small_consignment: bool = False
    plan_id: int | None = None


def _require_customs(actor: Actor, what: str) -> None:
    actor.require(Permission.BORDER_CONTROL, what)
    if actor.organisation_kind is not OrganisationKind.CUSTOMS:
        raise PermissionDenied(f"only a customs office may {what}")


def detain(uow: UnitOfWork, actor: Actor, request: DetainRequest) -> border.DetentionView:
    """Detain a scored declaration's goods for a recorded right."""
    _require_customs(actor, "detain goods")
    with uow:
        return _detain(uow, actor, request)


def _detain(uow: UnitOfWork, actor: Actor, request: DetainRequest) -> border.DetentionView:
    declaration = uow.customs.declaration(request.declaration_id)
    if declaration is None or declaration.organisation_id != actor.organisation_id:
        raise NotFound(f"no declaration {request.declaration_id} in your targeting queue")
    if declaration.status is QueueStatus.DETAINED:
        raise Conflict(f"declaration {request.declaration_id} is already detained")
    record = border.visible_recordation(uow, actor, request.recordation_id)
    if not record.is_valid_on(request.on):
        raise Conflict(f"recordation {record.number} is not in force on {request.on}")
    quantity = declaration.quantity if request.quantity is None else request.quantity
    if quantity <= 0:
        raise InvalidInput([Problem("detention", None, "quantity", "must be above zero")])
    detention = Detention(
        organisation_id=record.organisation_id,
        authority=record.authority,
        detained_on=request.on,
        goods=declaration.description or declaration.brand,
        quantity=quantity,
        recordation_id=record.id,
        value=request.value,
        basis=request.basis,
        direction=declaration.direction,
        port=declaration.port,
        member_state=request.member_state.upper(),
        perishable=request.perishable,
        small_consignment=request.small_consignment,
        declarant=declaration.declarant,
        consignor=declaration.consignor,
        consignee=declaration.consignee,
        address=declaration.address,
        customs_organisation_id=actor.organisation_id,
        customs_declaration_id=declaration.id,
        protection_plan_id=request.plan_id,
        illustrative=declaration.illustrative,
    )
    uow.customs.add(detention)
    declaration.status = QueueStatus.DETAINED
    uow.flush()
    audit.record(uow, actor, "customs.detain", entity="detention", entity_id=detention.id,
                 after=audit.snapshot(detention, *_FIELDS, "quantity", "authority"))  # fmt: skip
    uow.commit()
    return border.detention_view(uow, actor, detention)


@dataclass(frozen=True)
class Step:
    to: DetentionStatus
    on: date
    security: Money | None = None
    finding: Finding | None = None
    note: str = ""
    outbox: Path | None = None  # where the notice e-mail goes (notified only)


def take_step(uow: UnitOfWork, actor: Actor, detention_id: int, step: Step) -> border.DetentionView:
    """Move a detention one step along its authority's procedure."""
    with uow:
        return _take_step(uow, actor, detention_id, step)


def _take_step(
    uow: UnitOfWork, actor: Actor, detention_id: int, step: Step
) -> border.DetentionView:
    detention = border.visible_detention(uow, actor, detention_id)
    if step.to is S.CONFIRMED:
        _confirm(actor, detention, step)
    else:
        _require_customs(actor, f"mark a detention {step.to.value}")
        if detention.customs_organisation_id not in (None, actor.organisation_id):
            raise NotFound(f"no detention {detention_id} detained by your office")
    before = audit.snapshot(detention, *_FIELDS)
    if step.finding is not None:
        detention.finding = step.finding
    try:
        source = advance(detention, step.to, step.on)
    except ValueError as refused:
        raise Conflict(str(refused)) from None
    if step.security is not None:
        detention.security = step.security
    if step.note:
        detention.note = step.note
    audit.record(uow, actor, f"customs.{step.to.value}", entity="detention",
                 entity_id=detention.id, before=before,
                 after=audit.snapshot(detention, *_FIELDS), details={"source": source})  # fmt: skip
    if step.to is S.NOTIFIED and step.outbox is not None:
        write_notice(uow, detention, step.outbox)
    uow.commit()
    return border.detention_view(uow, actor, detention)


def _confirm(actor: Actor, detention: Detention, step: Step) -> None:
    """The rights holder's answer: in time, and in China with enough security."""
    if actor.organisation_id != detention.organisation_id:
        raise PermissionDenied("only the rights holder confirms a detention")
    actor.require_write("detentions")
    for deadline in detention_deadlines(detention):
        if deadline.key in _CONFIRM_PERIODS and step.on > deadline.due:
            raise Conflict(
                f"the period to confirm ended on {deadline.due.isoformat()} ({deadline.source});"
                f" customs may now only release the goods"
            )
    if detention.authority is CustomsAuthority.CN_GACC:
        if step.security is None:
            problem = "China asks security with the application (GACC Implementing Measures)"
            raise InvalidInput([Problem("confirmation", None, "security", problem)])
        if detention.value is not None and detention.value.currency == "CNY":
            needed, source = cn_security(detention.value)
            if step.security.currency != "CNY" or step.security.amount < needed.amount:
                message = (
                    f"at least {needed.amount} CNY for goods worth {detention.value.amount} CNY"
                )
                raise InvalidInput(
                    [Problem("confirmation", None, "security", f"{message} ({source})")]
                )


def write_notice(uow: UnitOfWork, detention: Detention, outbox: Path) -> Path:
    """The notice to the rights holder as an e-mail file in ``outbox``."""
    holder = uow.accounts.organisation(detention.organisation_id)
    office = (
        uow.accounts.organisation(detention.customs_organisation_id)
        if detention.customs_organisation_id
        else None
    )
    message = EmailMessage()
    message["Subject"] = f"Detention {detention.id}: goods held for your recorded right"
    message["From"] = f"{office.name if office else 'customs'} <no-reply@ipsentry.invalid>"
    message["To"] = holder.name if holder else str(detention.organisation_id)
    lines = [
        f"{detention.quantity:,} items of '{detention.goods}' were detained on "
        f"{detention.detained_on.isoformat()} at {detention.port or 'the border'}.",
        "",
    ]
    for deadline in detention_deadlines(detention):
        lines.append(f"- {deadline.title}: by {deadline.due.isoformat()} ({deadline.source}).")
        lines.append(f"  Otherwise: {deadline.consequence}.")
    message.set_content("\n".join(lines) + "\n")
    outbox.mkdir(parents=True, exist_ok=True)
    path = outbox / f"detention-{detention.id}-notice.eml"
    path.write_bytes(bytes(message))
    return path
