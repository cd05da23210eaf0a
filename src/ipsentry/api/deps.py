"""What routes depend on: a unit of work, the acting user, and the CSRF check.

A request is authenticated by a bearer API token (machines) or by the session cookie
(browsers). Only cookie-authenticated requests can be forged by another site, so every
change made with a cookie must carry the CSRF token: in the form field ``csrf_token`` or
the ``X-CSRF-Token`` header (htmx sends it). The check runs for every route of the app
(it is an app-wide dependency), so no form can be left without it.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from ipsentry.api.problems import CsrfRefused
from ipsentry.api.security import CSRF_COOKIE, SESSION_COOKIE
from ipsentry.errors import NotAuthenticated
from ipsentry.services import database, sign_in, tokens
from ipsentry.services.access import Actor
from ipsentry.services.database import UnitOfWork
from ipsentry.services.jobs import Runner
from ipsentry.settings import Settings

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def runner_of(request: Request) -> Runner:
    runner: Runner = request.app.state.runner
    return runner


def new_uow(request: Request) -> UnitOfWork:
    return database.unit_of_work(settings_of(request).database_url)


UowDep = Annotated[UnitOfWork, Depends(new_uow)]


@dataclass(frozen=True)
class Auth:
    actor: Actor | None
    csrf_token: str | None  # the session's; None for tokens and anonymous requests
    by_token: bool = False


def bearer(request: Request) -> str | None:
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" and secret.strip() else None


def authenticate(request: Request) -> Auth:
    """Who sent the request, worked out once per request."""
    cached: Auth | None = getattr(request.state, "auth", None)
    if cached is not None:
        return cached
    uow = new_uow(request)
    secret = bearer(request)
    if secret is not None:
        auth = Auth(tokens.token_actor(uow, secret), None, by_token=True)
    elif cookie := request.cookies.get(SESSION_COOKIE):
        try:
            session = sign_in.session_actor(uow, cookie)
            auth = Auth(session.actor, session.csrf_token)
        except NotAuthenticated:
            auth = Auth(None, None)
    else:
        auth = Auth(None, None)
    request.state.auth = auth
    return auth


def current_actor(request: Request) -> Actor:
    auth = authenticate(request)
    if auth.actor is None:
        raise NotAuthenticated("sign in, or send an API token as 'Authorization: Bearer ...'")
    return auth.actor


ActorDep = Annotated[Actor, Depends(current_actor)]


async def csrf_protect(request: Request) -> None:
    """Refuse a change sent with ambient credentials (cookies) but without the token."""
    if request.method in SAFE_METHODS or bearer(request) is not None:
        return
    if request.url.path.startswith("/api/") and not request.cookies:
        return  # no ambient credentials to abuse; authentication answers 401
    auth = authenticate(request)
    expected = auth.csrf_token or request.cookies.get(CSRF_COOKIE)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise CsrfRefused("the form is missing its security token; reload the page and retry")
