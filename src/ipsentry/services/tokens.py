"""API tokens for machines: created by a user, shown once, stored hashed, revocable.

A token acts as the user who made it, with that user's role; deactivating the user
revokes it. The secret starts with ``ips_`` so it is recognisable in a leaked file, and
lists show its first characters (``prefix``) so people can tell tokens apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ipsentry.domain.accounts import ApiToken, Permission
from ipsentry.errors import InvalidInput, NotAuthenticated, NotFound, Problem
from ipsentry.services import audit
from ipsentry.services.access import Actor, actor_for
from ipsentry.services.passwords import new_secret, secret_hash
from ipsentry.store.unit_of_work import UnitOfWork

PREFIX = "ips_"
SHOWN = 10  # characters of the secret kept in clear, to recognise a token in a list
FIELDS = ("name", "prefix", "created_at", "revoked", "user_id")


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once; never stored


def create_token(uow: UnitOfWork, actor: Actor, name: str) -> NewToken:
    actor.require(Permission.USE_TOKENS, "create API tokens")
    label = " ".join(name.split())
    if not label or len(label) > 200:
        raise InvalidInput([Problem("input", None, "name", "give a name of 1-200 characters")])
    secret = new_secret(PREFIX)
    token = ApiToken(
        user_id=actor.user_id,
        name=label,
        token_hash=secret_hash(secret),
        created_at=datetime.now(UTC),
        prefix=secret[:SHOWN],
    )
    with uow:
        uow.accounts.add(token)
        uow.flush()
        audit.record(
            uow,
            actor,
            "token.create",
            entity="api_token",
            entity_id=token.id,
            after=audit.snapshot(token, *FIELDS),
        )
        uow.commit()
    return NewToken(token, secret)


def list_tokens(uow: UnitOfWork, actor: Actor) -> list[ApiToken]:
    """The actor's own tokens, revoked ones included."""
    actor.require(Permission.USE_TOKENS, "see API tokens")
    with uow:
        return list(uow.accounts.tokens(actor.user_id))


def revoke_token(uow: UnitOfWork, actor: Actor, token_id: int) -> ApiToken:
    actor.require(Permission.USE_TOKENS, "revoke API tokens")
    with uow:
        token = uow.accounts.token(token_id)
        if token is None or token.user_id != actor.user_id:
            raise NotFound(f"no token {token_id} of yours")
        if not token.revoked:
            before = audit.snapshot(token, *FIELDS)
            token.revoked = True
            audit.record(
                uow,
                actor,
                "token.revoke",
                entity="api_token",
                entity_id=token.id,
                before=before,
                after=audit.snapshot(token, *FIELDS),
            )
            uow.commit()
        return token


def token_actor(uow: UnitOfWork, secret: str) -> Actor:
    """Who a bearer token acts as; NotAuthenticated when unknown, revoked or deactivated."""
    with uow:
        token = uow.accounts.token_by_hash(secret_hash(secret))
        user = uow.accounts.user(token.user_id) if token else None
        organisation = uow.accounts.organisation(user.organisation_id) if user else None
        if token is None or token.revoked or user is None or not user.active or not organisation:
            raise NotAuthenticated("unknown or revoked API token")
        token.last_used_at = datetime.now(UTC)
        uow.commit()
        return actor_for(organisation, user)
