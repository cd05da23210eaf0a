"""Choosing the page language: once chosen it sticks (a cookie), over Accept-Language."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.security import LANGUAGE_COOKIE, set_cookie
from ipsentry.errors import InvalidInput, Problem
from ipsentry.web.i18n import LOCALES
from ipsentry.web.pages.sign_in import safe_next

router = APIRouter(include_in_schema=False)
YEAR = 365 * 24 * 3600


@router.post("/language")
def choose_language(
    locale: Annotated[str, Form(max_length=20)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    if locale not in LOCALES:
        raise InvalidInput([Problem("form", None, "locale", f"{locale!r} is not offered")])
    response = RedirectResponse(safe_next(next), status_code=303)
    set_cookie(response, LANGUAGE_COOKIE, locale, YEAR)
    return response
