"""Errors as RFC 9457 problem details (``application/problem+json``), rendered in one place.

Every ipsentry error maps to one status; invalid input names each bad field in
``errors``. Web pages get the same mapping rendered as an error page by ``web.errors``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from ipsentry.errors import (
    Conflict,
    InvalidInput,
    IpsentryError,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
    TooManyAttempts,
)

MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True)
class Kind:
    status: int
    slug: str
    title: str


KINDS: list[tuple[type[IpsentryError], Kind]] = [
    (InvalidInput, Kind(422, "invalid-input", "The input cannot be accepted")),
    (NotAuthenticated, Kind(401, "not-authenticated", "Sign-in needed")),
    (PermissionDenied, Kind(403, "forbidden", "Not allowed")),
    (NotFound, Kind(404, "not-found", "Not found")),
    (Conflict, Kind(409, "conflict", "Conflicting change")),
    (TooManyAttempts, Kind(429, "too-many-attempts", "Too many attempts")),
]
OTHER = Kind(400, "error", "Request refused")


class CsrfRefused(PermissionDenied):
    """A form or change sent without the page's CSRF token."""


def kind_of(error: IpsentryError) -> Kind:
    for cls, kind in KINDS:
        if isinstance(error, cls):
            return kind
    return OTHER


def body(
    kind: Kind, detail: str, instance: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "type": f"/problems/{kind.slug}",
        "title": kind.title,
        "status": kind.status,
        "detail": detail,
        "instance": instance,
        **(extra or {}),
    }


def error_fields(error: IpsentryError) -> dict[str, Any]:
    """What a problem adds to the standard members: the bad fields, the wait, a conflict."""
    if isinstance(error, InvalidInput):
        return {
            "errors": [
                {
                    "field": p.field,
                    "path": "/".join(str(part) for part in (p.source, p.row, p.field) if part),
                    "source": p.source,
                    "row": p.row,
                    "message": p.message,
                }
                for p in error.problems
            ]
        }
    if isinstance(error, TooManyAttempts):
        return {"retry_after": error.retry_after}
    current = getattr(error, "current", None)
    return {"current": current} if current is not None else {}


def problem_response(error: IpsentryError, instance: str) -> JSONResponse:
    kind = kind_of(error)
    headers = {"Retry-After": str(error.retry_after)} if isinstance(error, TooManyAttempts) else {}
    if isinstance(error, NotAuthenticated):
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(
        body(kind, str(error), instance, error_fields(error)),
        status_code=kind.status,
        media_type=MEDIA_TYPE,
        headers=headers,
    )


def validation_problem(error: RequestValidationError, instance: str) -> JSONResponse:
    """FastAPI's own parameter checks, in the same shape: each bad field named, and its
    ``path`` from where it was sent (``body/patent/claims/0``, ``query/status``) so a
    client with nested input sees which value to fix."""
    errors = []
    for e in error.errors():
        location = [str(part) for part in e.get("loc", ("request",))]
        errors.append(
            {
                "field": ".".join(location[1:]) or location[0],
                "path": "/".join(location),
                "source": location[0],
                "row": None,
                "message": e.get("msg", "invalid"),
            }
        )
    kind = KINDS[0][1]
    detail = "; ".join(f"{e['path']}: {e['message']}" for e in errors)
    return JSONResponse(
        body(kind, detail, instance, {"errors": errors}), status_code=422, media_type=MEDIA_TYPE
    )


def http_problem(
    status: int, detail: str, instance: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    from http import HTTPStatus

    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return JSONResponse(
        {
            "type": "about:blank",
            "title": title,
            "status": status,
            "detail": detail,
            "instance": instance,
        },
        status_code=status,
        media_type=MEDIA_TYPE,
        headers=headers,  # e.g. Allow on 405
    )
