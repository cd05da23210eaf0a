"""Security headers on every response, and the cookie settings every session uses.

The Content-Security-Policy allows scripts and styles from this server only: no inline
script or style, nothing from another host (the app works offline, htmx is vendored).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request, Response

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Strict-Transport-Security": "max-age=31536000",  # browsers heed it over HTTPS only
}
SESSION_COOKIE = "ipsentry_session"
CSRF_COOKIE = "ipsentry_csrf"  # before sign-in: the sign-in form's double-submit token
LANGUAGE_COOKIE = "ipsentry_lang"


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def set_cookie(response: Response, name: str, value: str, max_age: int) -> None:
    """Secure, HTTP-only, SameSite=Lax (a link from an email still arrives signed in; any
    change needs the CSRF token as well), for the whole site."""
    response.set_cookie(
        name, value, max_age=max_age, path="/", secure=True, httponly=True, samesite="lax"
    )
