"""Signing in and out. The form works before sign-in, so its CSRF token is a cookie pair."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.api.security import SESSION_COOKIE, set_cookie
from ipsentry.errors import NotAuthenticated, TooManyAttempts
from ipsentry.services import sign_in
from ipsentry.web import i18n
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only a path on this site: never another host (an open redirect)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/") -> Response:
    return render(request, "sign_in.html", {"next": safe_next(next), "error": None})


@router.post("/sign-in")
def sign_in_submit(
    request: Request,
    uow: UowDep,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    address = request.client.host if request.client else "unknown"
    try:
        done = sign_in.sign_in(uow, email, password, address)
    except NotAuthenticated:
        i18n.activate(request.state.locale)
        error = i18n.gettext("Wrong email or password.")
        return render(request, "sign_in.html", {"next": next, "error": error, "email": email}, 401)
    except TooManyAttempts as refused:
        i18n.activate(request.state.locale)
        error = i18n.gettext("Too many failed sign-ins. Try again in %(minutes)d minutes.") % {
            "minutes": refused.retry_after // 60
        }
        page = render(request, "sign_in.html", {"next": next, "error": error, "email": email}, 429)
        page.headers["Retry-After"] = str(refused.retry_after)
        return page
    response = RedirectResponse(safe_next(next), status_code=303)
    lifetime = int(sign_in.SESSION_LIFETIME.total_seconds())
    set_cookie(response, SESSION_COOKIE, done.secret, lifetime)
    return response


@router.post("/sign-out")
def sign_out(request: Request, uow: UowDep) -> Response:
    secret = request.cookies.get(SESSION_COOKIE)
    if secret:
        sign_in.sign_out(uow, secret)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=True, httponly=True, samesite="lax")
    return response
