"""Downloads and reports leaving the system: allowed, confirmed when privileged, recorded.

Every export of records (a claim chart, a deadline calendar, a report) passes through
``authorise``: the role must hold the export permission; an export that includes
privileged or protective-order records must be confirmed by the person asking (the
interface asks, then sends ``confirmed``); and each export is written to the audit log
with its marking, so counsel can see who took privileged material out and when.
"""

from __future__ import annotations

from typing import Any

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.errors import ConfirmationNeeded
from ipsentry.services import audit
from ipsentry.services.access import Actor
from ipsentry.store.unit_of_work import UnitOfWork

CONFIRM_FROM = Confidentiality.PRIVILEGED  # this marking and stricter ones need a yes


def needs_confirmation(
    marking: Confidentiality, confirm_from: Confidentiality = CONFIRM_FROM
) -> bool:
    return marking.rank >= confirm_from.rank


def authorise(
    uow: UnitOfWork,
    actor: Actor,
    what: str,
    marking: Confidentiality,
    *,
    confirmed: bool = False,
    entity: str = "",
    entity_id: int | None = None,
    details: dict[str, Any] | None = None,
    confirm_from: Confidentiality = CONFIRM_FROM,
) -> None:
    """Allow the export of ``what`` (marked ``marking``) and record it, or refuse it; a
    kind of export that is itself counsel's work may ask from a lower ``confirm_from``."""
    actor.require(Permission.EXPORT, f"export {what}")
    confirming = needs_confirmation(marking, confirm_from)
    if confirming and not confirmed:
        raise ConfirmationNeeded(
            f"{what} includes {marking.label.lower()} records; confirm the export to go on",
            marking.value,
        )
    with uow:
        audit.record(
            uow,
            actor,
            "export",
            entity=entity,
            entity_id=entity_id,
            details={
                "what": what,
                "marking": marking.value,
                "confirmed_privileged": confirming,
                **(details or {}),
            },
        )
        uow.commit()
