"""The signed-in user of a page; a page asked for without a session goes to sign-in."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ipsentry.api.deps import authenticate
from ipsentry.errors import NotAuthenticated
from ipsentry.services.access import Actor


class SignInNeeded(NotAuthenticated):
    """Rendered as a redirect to the sign-in page, coming back afterwards."""


def page_actor(request: Request) -> Actor:
    auth = authenticate(request)
    if auth.actor is None:
        raise SignInNeeded("sign in first")
    return auth.actor


PageActor = Annotated[Actor, Depends(page_actor)]
