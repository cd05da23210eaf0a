"""Who is acting, and what they may see and change. Enforced here, never in interfaces.

Three questions, asked by every service before it touches a record:
- may this role do this kind of thing (``Actor.require``, from ``domain.accounts.PERMISSIONS``);
- does the record belong to the actor's organisation, or to one that granted it access
  (``readable_organisations``);
- is the actor cleared for the record's confidentiality marking (``require_readable``).
A record the actor may not read is reported as not found, so its existence does not leak.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ipsentry.domain.accounts import (
    PERMISSIONS,
    GrantScope,
    Organisation,
    OrganisationKind,
    Permission,
    Role,
    User,
)
from ipsentry.domain.common import Confidentiality
from ipsentry.errors import InvalidInput, NotFound, PermissionDenied, Problem
from ipsentry.store.unit_of_work import UnitOfWork
from ipsentry.wording import N_

_WRITERS = frozenset({Role.ADMIN, Role.COUNSEL, Role.ANALYST})


class Marked(Protocol):
    @property
    def confidentiality(self) -> Confidentiality: ...


M = TypeVar("M", bound=Marked)


@dataclass(frozen=True)
class Actor:
    user_id: int
    organisation_id: int
    role: Role
    email: str
    organisation_kind: OrganisationKind = OrganisationKind.RIGHTS_HOLDER
    installation_admin: bool = False  # an admin of an operator or the installation's owner

    @property
    def permissions(self) -> frozenset[Permission]:
        extra = {Permission.MANAGE_ORGANISATIONS} if self.installation_admin else set()
        return PERMISSIONS[self.role] | extra

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission, what: str) -> None:
        if not self.may(permission):
            raise PermissionDenied(
                N_("%(email)s (%(role)s) may not %(what)s", email=self.email, role=self.role,
                   what=what)
            )  # fmt: skip

    def may_read(self, marking: Confidentiality) -> bool:
        return marking.rank <= self.role.clearance.rank

    def require_readable(self, record: M, what: str) -> M:
        """The record, or NotFound when its marking is above the actor's clearance."""
        if not self.may_read(record.confidentiality):
            raise NotFound(f"no {what} visible to {self.email}")
        return record

    def readable(self, records: Iterable[M]) -> list[M]:
        return [r for r in records if self.may_read(r.confidentiality)]

    @property
    def may_write(self) -> bool:
        """Whether the role changes the organisation's records (pages offer forms by it)."""
        return self.role in _WRITERS

    def require_write(self, what: str) -> None:
        if not self.may_write:
            raise PermissionDenied(
                N_("%(email)s (%(role)s) may not change %(what)s", email=self.email,
                   role=self.role, what=what)
            )  # fmt: skip


def colleague_id(
    uow: UnitOfWork,
    actor: Actor,
    email: str | None,
    permission: Permission,
    where: tuple[str, str],
) -> int:
    """The id of the active colleague ``email`` who may ``permission`` (the actor without one):
    the person a check or dispute is assigned to; ``where`` names the input (source, field).
    Anyone else is a bad value of that field (a form shows it again, marked), told as no one
    so that another organisation's users are not told apart from nobody."""
    if not email:
        return actor.user_id
    user = colleague(uow, actor, email)
    if user is None:
        said = f"no active user {email!r} in your organisation"
        raise InvalidInput([Problem(where[0], None, where[1], said)])
    if permission not in PERMISSIONS[user.role]:
        message = f"{email} ({user.role}) may not {permission.value.replace('_', ' ')}"
        raise InvalidInput([Problem(where[0], None, where[1], message)])
    assert user.id is not None
    return user.id


def colleague(uow: UnitOfWork, actor: Actor, email: str) -> User | None:
    """The active user ``email`` of the actor's organisation; None for anyone else, so that
    a user of another organisation is not told apart from no one."""
    user = uow.organisations.user_by_email(email.strip().lower())
    if user is None or user.organisation_id != actor.organisation_id or not user.active:
        return None
    return user


def readable_organisations(uow: UnitOfWork, actor: Actor, scope: GrantScope) -> set[int]:
    """The actor's own organisation and those whose active grant of ``scope`` names it."""
    return {actor.organisation_id, *uow.accounts.grantors(actor.organisation_id, scope)}


def actor_for(organisation: Organisation, user: User) -> Actor:
    assert organisation.id is not None and user.id is not None
    installation_admin = user.role is Role.ADMIN and (
        organisation.kind is OrganisationKind.OPERATOR or organisation.owns_installation
    )
    return Actor(
        user.id, organisation.id, user.role, user.email, organisation.kind, installation_admin
    )


def resolve_actor(uow: UnitOfWork, organisation_slug: str, email: str) -> Actor:
    organisation = uow.organisations.by_slug(organisation_slug)
    if organisation is None or organisation.id is None:
        raise NotFound(
            f"no organisation {organisation_slug!r}; run 'ipsentry init' (or 'ipsentry demo "
            "load') or set IPSENTRY_ORGANISATION"
        )
    user = uow.organisations.user_by_email(email)
    if user is None or user.id is None or not user.active:
        raise NotFound(f"no active user {email!r}; set IPSENTRY_USER_EMAIL")
    if user.organisation_id != organisation.id:
        raise PermissionDenied(f"{email} does not belong to {organisation_slug}")
    return actor_for(organisation, user)


def resolve_user(uow: UnitOfWork, email: str) -> Actor:
    """The active user with this email, acting for their own organisation."""
    user = uow.organisations.user_by_email(email.strip().lower())
    organisation = None if user is None else uow.accounts.organisation(user.organisation_id)
    if user is None or organisation is None or not user.active:
        raise NotFound(f"no active user {email!r}")
    return actor_for(organisation, user)
