"""Organisations, users and grants: setting up an installation and running its teams.

``initialise`` makes the first organisation and its admin on a new database, so a real
team can start without the demo. After that, admins add users to their own organisation;
admins of the installation's own organisation (or of an operator) also create
organisations. Every change is written to the audit log with the record before and after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from ipsentry.domain.accounts import (
    Grant,
    GrantScope,
    Organisation,
    OrganisationKind,
    Permission,
    Role,
    User,
)
from ipsentry.domain.common import office_codes
from ipsentry.errors import Conflict, InvalidInput, NotFound, PermissionDenied, Problem
from ipsentry.services import audit
from ipsentry.services.access import Actor, actor_for
from ipsentry.services.passwords import check_policy, generate_password, hash_password
from ipsentry.store.unit_of_work import UnitOfWork

SOURCE = "input"
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
USER_FIELDS = ("email", "name", "role", "active", "organisation_id")
ORGANISATION_FIELDS = ("name", "slug", "kind", "country", "owns_installation")


def _refuse(field: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(SOURCE, None, field, message)])


def check_slug(slug: str) -> str:
    if not _SLUG.match(slug):
        raise _refuse(
            "slug", f"{slug!r}: use 1-80 lowercase letters, digits and inner hyphens (acme-ip)"
        )
    return slug


def check_email(email: str) -> str:
    value = email.strip().lower()
    if not _EMAIL.match(value) or len(value) > 320:
        raise _refuse("email", f"{email!r} is not an email address")
    return value


def _check_name(name: str, field: str = "name") -> str:
    value = " ".join(name.split())
    if not value:
        raise _refuse(field, "is empty")
    if len(value) > 200:
        raise _refuse(field, "is longer than 200 characters")
    return value


def _check_country(country: str) -> str:
    value = country.strip().upper()
    if value and value not in office_codes():
        raise _refuse("country", f"{country!r} is not a two-letter country code (US, CN, DE...)")
    return value


@dataclass(frozen=True)
class NewUser:
    """A user just made, with the password when ipsentry generated it (shown this once)."""

    user: User
    organisation: Organisation
    generated_password: str | None


def _password(password: str | None) -> tuple[str, str | None]:
    """(hash, the generated password or None when one was given)."""
    if password is None:
        generated = generate_password()
        return hash_password(generated), generated
    check_policy(password, SOURCE)
    return hash_password(password), None


def initialise(
    uow: UnitOfWork | Callable[[], UnitOfWork],
    *,
    organisation_name: str,
    slug: str,
    kind: OrganisationKind,
    country: str,
    admin_email: str,
    admin_name: str,
    password: str | None = None,
) -> NewUser:
    """The first organisation and its admin; refused once the database has any user.

    ``uow`` may be a function that opens the database: it is called only once the input is
    accepted, so bad input never leaves a new, empty database behind.
    """
    named = _check_name(organisation_name, "organisation")
    slug, country = check_slug(slug), _check_country(country)
    email, name = check_email(admin_email), _check_name(admin_name)
    password_hash, generated = _password(password)
    if callable(uow):
        uow = uow()
    # made once the database is open: a domain object made before this process mapped
    # the classes cannot be read afterwards (a fresh 'ipsentry init' crashed on it)
    organisation = Organisation(
        name=named, slug=slug, kind=kind, country=country, owns_installation=True
    )
    with uow:
        if uow.accounts.count_users():
            raise Conflict(
                "this database already has users; an admin adds more with 'ipsentry user add'"
            )
        if uow.organisations.by_slug(organisation.slug) is not None:
            raise Conflict(f"organisation {organisation.slug!r} already exists")
        uow.organisations.add(organisation)
        uow.flush()
        assert organisation.id is not None
        user = User(
            organisation_id=organisation.id,
            email=email,
            name=name,
            role=Role.ADMIN,
            password_hash=password_hash,
        )
        uow.organisations.add_user(user)
        uow.flush()
        admin = actor_for(organisation, user)
        audit.record(
            uow,
            admin,
            "organisation.create",
            entity="organisation",
            entity_id=organisation.id,
            after=audit.snapshot(organisation, *ORGANISATION_FIELDS),
        )
        audit.record(
            uow,
            admin,
            "user.create",
            entity="user",
            entity_id=user.id,
            after=audit.snapshot(user, *USER_FIELDS),
        )
        uow.commit()
    return NewUser(user, organisation, generated)


def create_organisation(
    uow: UnitOfWork,
    actor: Actor,
    *,
    slug: str,
    name: str,
    kind: OrganisationKind,
    country: str = "",
) -> Organisation:
    actor.require(Permission.MANAGE_ORGANISATIONS, "create organisations")
    organisation = Organisation(
        name=_check_name(name), slug=check_slug(slug), kind=kind, country=_check_country(country)
    )
    with uow:
        if uow.organisations.by_slug(organisation.slug) is not None:
            raise Conflict(f"organisation {organisation.slug!r} already exists")
        uow.organisations.add(organisation)
        uow.flush()
        audit.record(
            uow,
            actor,
            "organisation.create",
            entity="organisation",
            entity_id=organisation.id,
            after=audit.snapshot(organisation, *ORGANISATION_FIELDS),
        )
        uow.commit()
    return organisation


def list_organisations(uow: UnitOfWork, actor: Actor) -> list[Organisation]:
    """Every organisation for installation admins; one's own for everybody else."""
    with uow:
        if actor.installation_admin:
            return list(uow.accounts.organisations())
        own = uow.accounts.organisation(actor.organisation_id)
        return [own] if own is not None else []


def _target_organisation(uow: UnitOfWork, actor: Actor, slug: str | None) -> Organisation:
    """The organisation an admin acts on: their own, or any for installation admins."""
    if slug is None:
        organisation = uow.accounts.organisation(actor.organisation_id)
    else:
        organisation = uow.organisations.by_slug(slug)
    if organisation is None or organisation.id is None:
        raise NotFound(f"no organisation {slug!r}")
    if organisation.id != actor.organisation_id and not actor.installation_admin:
        raise PermissionDenied(f"{actor.email} may not manage users of {organisation.slug}")
    return organisation


def add_user(
    uow: UnitOfWork,
    actor: Actor,
    *,
    email: str,
    name: str,
    role: Role,
    organisation_slug: str | None = None,
    password: str | None = None,
) -> NewUser:
    """A new active user; without a password one is generated and returned once."""
    actor.require(Permission.MANAGE_USERS, "add users")
    email, name = check_email(email), _check_name(name)
    password_hash, generated = _password(password)
    with uow:
        organisation = _target_organisation(uow, actor, organisation_slug)
        assert organisation.id is not None
        if uow.organisations.user_by_email(email) is not None:
            raise Conflict(f"a user {email} already exists")
        user = User(
            organisation_id=organisation.id,
            email=email,
            name=name,
            role=role,
            password_hash=password_hash,
        )
        uow.organisations.add_user(user)
        uow.flush()
        audit.record(
            uow,
            actor,
            "user.create",
            entity="user",
            entity_id=user.id,
            organisation_id=organisation.id,
            after=audit.snapshot(user, *USER_FIELDS),
        )
        uow.commit()
    return NewUser(user, organisation, generated)


def list_users(
    uow: UnitOfWork, actor: Actor, organisation_slug: str | None = None
) -> list[tuple[User, Organisation]]:
    """The users of the actor's organisation (installation admins: of any, or all)."""
    actor.require(Permission.MANAGE_USERS, "list users")
    with uow:
        if organisation_slug is None and actor.installation_admin:
            organisations = {o.id: o for o in uow.accounts.organisations()}
            return [(u, organisations[u.organisation_id]) for u in uow.accounts.users()]
        organisation = _target_organisation(uow, actor, organisation_slug)
        return [(u, organisation) for u in uow.accounts.users(organisation.id)]


def deactivate_user(uow: UnitOfWork, actor: Actor, email: str) -> User:
    """The user can no longer sign in; their tokens are revoked and sessions ended.

    The last active admin of an organisation is kept, so nobody is locked out of it.
    """
    actor.require(Permission.MANAGE_USERS, "deactivate users")
    email = check_email(email)
    with uow:
        user = uow.organisations.user_by_email(email)
        organisation = None if user is None else uow.accounts.organisation(user.organisation_id)
        if user is None or organisation is None:
            raise NotFound(f"no user {email}")
        _target_organisation(uow, actor, organisation.slug)
        if not user.active:
            return user
        admins = [
            u for u in uow.accounts.users(user.organisation_id) if u.active and u.role is Role.ADMIN
        ]
        if user.role is Role.ADMIN and len(admins) == 1:
            raise Conflict(f"{email} is the last active admin of {organisation.slug}")
        before = audit.snapshot(user, *USER_FIELDS)
        user.active = False
        for token in uow.accounts.tokens(user.id or 0):
            token.revoked = True
        uow.accounts.end_sessions(user.id or 0)
        audit.record(
            uow,
            actor,
            "user.deactivate",
            entity="user",
            entity_id=user.id,
            organisation_id=user.organisation_id,
            before=before,
            after=audit.snapshot(user, *USER_FIELDS),
        )
        uow.commit()
    return user


def grant(
    uow: UnitOfWork, actor: Actor, *, grantee_slug: str, scope: GrantScope, note: str = ""
) -> Grant:
    """Let another organisation read part of the actor's organisation's records."""
    actor.require(Permission.MANAGE_GRANTS, "share records with another organisation")
    with uow:
        grantee = uow.organisations.by_slug(grantee_slug)
        if grantee is None or grantee.id is None:
            raise NotFound(f"no organisation {grantee_slug!r}")
        if grantee.id == actor.organisation_id:
            raise _refuse("organisation", "an organisation needs no grant to its own records")
        if grantee.kind not in scope.grantee_kinds:
            kinds = ", ".join(sorted(k.value for k in scope.grantee_kinds))
            raise _refuse(
                "scope", f"{scope} is granted to {kinds} organisations; {grantee.slug} is not one"
            )
        if grantee.id in {
            g.grantee_organisation_id
            for g in uow.accounts.grants(actor.organisation_id)
            if g.active and g.scope is scope and g.grantor_organisation_id == actor.organisation_id
        }:
            raise Conflict(f"{grantee.slug} already has an active {scope} grant")
        record = Grant(
            grantor_organisation_id=actor.organisation_id,
            grantee_organisation_id=grantee.id,
            scope=scope,
            created_at=datetime.now(UTC),
            created_by_user_id=actor.user_id,
            note=note.strip(),
        )
        uow.accounts.add(record)
        uow.flush()
        audit.record(
            uow,
            actor,
            "grant.create",
            entity="grant",
            entity_id=record.id,
            after=audit.snapshot(record),
        )
        uow.commit()
    return record


def revoke_grant(uow: UnitOfWork, actor: Actor, grant_id: int) -> Grant:
    actor.require(Permission.MANAGE_GRANTS, "revoke grants")
    with uow:
        record = uow.accounts.grant(grant_id)
        if record is None or record.grantor_organisation_id != actor.organisation_id:
            raise NotFound(f"no grant {grant_id} given by your organisation")
        if record.active:
            before = audit.snapshot(record)
            record.revoked_at = datetime.now(UTC)
            audit.record(
                uow,
                actor,
                "grant.revoke",
                entity="grant",
                entity_id=record.id,
                before=before,
                after=audit.snapshot(record),
            )
            uow.commit()
    return record


@dataclass(frozen=True)
class GrantView:
    grant: Grant
    grantor: str  # slugs, for people
    grantee: str


def list_grants(uow: UnitOfWork, actor: Actor) -> Sequence[GrantView]:
    """Grants given by or to the actor's organisation, revoked ones included."""
    actor.require(Permission.READ, "see grants")
    with uow:
        slugs = {o.id: o.slug for o in uow.accounts.organisations()}
        return [
            GrantView(g, slugs[g.grantor_organisation_id], slugs[g.grantee_organisation_id])
            for g in uow.accounts.grants(actor.organisation_id)
        ]
