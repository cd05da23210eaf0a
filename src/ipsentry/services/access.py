"""Who is acting, and what they may see and change. Enforced here, never in interfaces."""

from __future__ import annotations

from dataclasses import dataclass

from ipsentry.domain.accounts import Role
from ipsentry.domain.common import Confidentiality
from ipsentry.errors import NotFound, PermissionDenied
from ipsentry.store.unit_of_work import UnitOfWork

_WRITERS = frozenset({Role.ADMIN, Role.COUNSEL, Role.ANALYST})


@dataclass(frozen=True)
class Actor:
    user_id: int
    organisation_id: int
    role: Role
    email: str

    def may_read(self, marking: Confidentiality) -> bool:
        return marking.rank <= self.role.clearance.rank

    def require_write(self, what: str) -> None:
        if self.role not in _WRITERS:
            raise PermissionDenied(f"{self.email} ({self.role}) may not change {what}")


def resolve_actor(uow: UnitOfWork, organisation_slug: str, email: str) -> Actor:
    organisation = uow.organisations.by_slug(organisation_slug)
    if organisation is None or organisation.id is None:
        raise NotFound(
            f"no organisation {organisation_slug!r}; run 'ipsentry demo load' or set "
            "IPSENTRY_ORGANISATION"
        )
    user = uow.organisations.user_by_email(email)
    if user is None or user.id is None or not user.active:
        raise NotFound(f"no active user {email!r}; set IPSENTRY_USER_EMAIL")
    if user.organisation_id != organisation.id:
        raise PermissionDenied(f"{email} does not belong to {organisation_slug}")
    return Actor(user.id, organisation.id, user.role, user.email)
