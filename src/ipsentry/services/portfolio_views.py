"""The portfolio as the web and the API browse it: text search over the filtered rights."""

from __future__ import annotations

from datetime import date

from ipsentry.domain.accounts import Permission
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.deadlines import Deadline, DeadlineState
from ipsentry.domain.rights import Patent, Right, Trademark
from ipsentry.errors import NotFound
from ipsentry.formats.ics import calendar_bytes
from ipsentry.services import portfolio
from ipsentry.services.access import Actor
from ipsentry.services.portfolio import RightFilter
from ipsentry.store.unit_of_work import UnitOfWork


def _text_of(right: Right) -> str:
    words = [right.title, right.display_number, right.owner, right.technology_family]
    words += [n.number for n in right.numbers()]
    if isinstance(right, Trademark):
        words += [c.goods for c in right.classes]
    if isinstance(right, Patent):
        words.append(right.abstract)
    return " ".join(words).casefold()


def browse_rights(uow: UnitOfWork, actor: Actor, where: RightFilter, text: str = "") -> list[Right]:
    """The rights the actor may read, filtered, and holding every word of ``text``."""
    actor.require(Permission.READ, "read the portfolio")
    rights = portfolio.list_rights(uow, actor, where)
    words = text.casefold().split()
    return [r for r in rights if all(w in _text_of(r) for w in words)] if words else rights


def right_by_id(uow: UnitOfWork, actor: Actor, right_id: int) -> Right:
    actor.require(Permission.READ, "read the portfolio")
    with uow:
        right = uow.rights.get(actor.organisation_id, right_id)
        if right is None:  # another organisation's, shared by a grant, or not to be seen
            right = next(
                (r for r in portfolio.granted_rights(uow, actor) if r.id == right_id), None
            )
        if right is None or not actor.may_read(right.confidentiality):
            raise NotFound(f"no right {right_id}")
        return right


def deadlines(
    uow: UnitOfWork,
    actor: Actor,
    today: date,
    until: date,
    states: frozenset[DeadlineState] = frozenset(),
) -> list[Deadline]:
    """Deadlines due by ``until`` (with their state on ``today``), optionally of some states."""
    actor.require(Permission.READ, "read deadlines")
    found = portfolio.upcoming_deadlines(uow, actor, today, until)
    return [d for d in found if not states or d.state in states]


def deadline_marking(uow: UnitOfWork, actor: Actor, found: list[Deadline]) -> Confidentiality:
    """The most restricted marking among the rights these deadlines belong to."""
    wanted = {d.right_id for d in found if d.right_id is not None}
    rights = [r for r in portfolio.list_rights(uow, actor) if r.id in wanted]
    return max(
        (r.confidentiality for r in rights), key=lambda m: m.rank, default=Confidentiality.PUBLIC
    )


def deadline_calendar(found: list[Deadline], marking: Confidentiality) -> bytes:
    return calendar_bytes(found, marking.label)[0]
