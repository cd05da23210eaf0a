"""Signing in with a password, browser sessions, and throttling of guessing.

A session is a random secret in an HTTP-only cookie; the database keeps only its SHA-256
hash, its CSRF token and its expiry, so every server process (and a restart) sees the
same sessions. Failed sign-ins are stored too, so throttling holds across processes:
after ``PER_ACCOUNT`` failures for one email, or ``PER_ADDRESS`` from one address, within
``WINDOW``, sign-in is refused until the window has moved on — even with the right
password, so guessing gains nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ipsentry.domain.accounts import LoginFailure, WebSession
from ipsentry.errors import NotAuthenticated, TooManyAttempts
from ipsentry.services import audit
from ipsentry.services.access import Actor, actor_for
from ipsentry.services.passwords import (
    dummy_verify,
    hash_password,
    needs_rehash,
    new_secret,
    secret_hash,
    verify_password,
)
from ipsentry.store.unit_of_work import UnitOfWork

WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 20
SESSION_LIFETIME = timedelta(hours=12)
WRONG = "wrong email or password"


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    secret: str  # goes into the cookie; never stored
    csrf_token: str
    expires_at: datetime


def _throttle(uow: UnitOfWork, email: str, address: str, now: datetime) -> None:
    since = now - WINDOW
    if (
        uow.accounts.failures_since(since, email=email) >= PER_ACCOUNT
        or uow.accounts.failures_since(since, address=address) >= PER_ADDRESS
    ):
        raise TooManyAttempts(
            "too many failed sign-ins; try again in a few minutes",
            int(WINDOW.total_seconds()),
        )


def sign_in(
    uow: UnitOfWork, email: str, password: str, address: str, now: datetime | None = None
) -> SignedIn:
    """A new session for the user, or NotAuthenticated / TooManyAttempts."""
    now = now or datetime.now(UTC)
    email = email.strip().lower()
    with uow:
        _throttle(uow, email, address, now)
        user = uow.organisations.user_by_email(email)
        if user is None or not user.active:
            dummy_verify(password)
            ok = False
        else:
            ok = verify_password(user.password_hash, password)
        organisation = uow.accounts.organisation(user.organisation_id) if user else None
        if not ok or user is None or organisation is None:
            uow.accounts.forget_failures(now - WINDOW)
            uow.accounts.add_failure(LoginFailure(at=now, email=email, address=address))
            uow.commit()
            raise NotAuthenticated(WRONG)
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        secret, csrf = new_secret(), new_secret()
        session = WebSession(
            user_id=user.id or 0,
            token_hash=secret_hash(secret),
            csrf_token=csrf,
            created_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
        uow.accounts.remove_expired_sessions(now)
        uow.accounts.add(session)
        actor = actor_for(organisation, user)
        audit.record(
            uow,
            actor,
            "session.sign_in",
            entity="user",
            entity_id=user.id,
            details={"address": address},
        )
        uow.commit()
        return SignedIn(actor, secret, csrf, session.expires_at)


@dataclass(frozen=True)
class Session:
    actor: Actor
    csrf_token: str
    expires_at: datetime


def session_actor(uow: UnitOfWork, secret: str, now: datetime | None = None) -> Session:
    """Who a session cookie belongs to, while it is unexpired and the user active."""
    now = now or datetime.now(UTC)
    with uow:
        session = uow.accounts.session_by_hash(secret_hash(secret))
        if session is None or _aware(session.expires_at) <= now:
            raise NotAuthenticated("not signed in, or the session has expired")
        user = uow.accounts.user(session.user_id)
        organisation = uow.accounts.organisation(user.organisation_id) if user else None
        if user is None or organisation is None or not user.active:
            raise NotAuthenticated("this account is deactivated")
        return Session(actor_for(organisation, user), session.csrf_token, session.expires_at)


def sign_out(uow: UnitOfWork, secret: str) -> None:
    with uow:
        session = uow.accounts.session_by_hash(secret_hash(secret))
        if session is not None:
            uow.accounts.remove(session)
            uow.commit()


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every time ipsentry stores is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
