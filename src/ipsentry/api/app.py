"""The FastAPI application: REST API under /api/v1, web pages, static files.

``create_app`` wires the parts found in ``api/routes`` and ``web/pages`` (see
``discovery``), the app-wide CSRF check, security headers, language choice, and one
error path: problem details for /api; for the web, a refused form's page shown again with
what was typed (``web.forms``), else an error page (or the sign-in page).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ipsentry.api import problems, routes
from ipsentry.api.deps import csrf_protect
from ipsentry.api.discovery import app_routes, routers
from ipsentry.api.openapi import problem_schema
from ipsentry.api.security import (
    CSRF_COOKIE,
    LANGUAGE_COOKIE,
    add_security_headers,
    set_cookie,
)
from ipsentry.errors import InvalidInput, IpsentryError
from ipsentry.services import cluster
from ipsentry.services.jobs import Runner
from ipsentry.services.passwords import new_secret
from ipsentry.settings import Settings, get_settings
from ipsentry.web import forms, i18n, pages
from ipsentry.web.auth import SignInNeeded
from ipsentry.web.terms import tell, tell_error

API_PREFIX = "/api/"
DAY = 24 * 3600


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX)


async def choose_locale_and_csrf(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    request.state.locale = i18n.choose(
        request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language", "")
    )
    fresh = None
    if not _is_api(request) and not request.url.path.startswith("/static/"):
        fresh = None if request.cookies.get(CSRF_COOKIE) else new_secret()
    request.state.new_csrf = fresh
    response = await call_next(request)
    if fresh:
        set_cookie(response, CSRF_COOKIE, fresh, DAY)
    return response


def _page_error(request: Request, status: int, message: str) -> Response:
    from ipsentry.web.templating import render

    return render(request, "error.html", {"status": status, "message": message}, status)


async def on_ipsentry_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, IpsentryError)
    if _is_api(request):
        return problems.problem_response(error, request.url.path)
    i18n.activate(request.state.locale)  # the message is told before the page is drawn
    if isinstance(error, SignInNeeded):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/sign-in?next={target}", status_code=303)
    if isinstance(error, InvalidInput):
        again = await forms.page_again(request, error.problems)
        if again is not None:
            return again
    if isinstance(error, InvalidInput):
        told = "\n".join(str(replace(p, message=tell(p.message))) for p in error.problems)
    else:
        told = tell_error(error)
    return _page_error(request, problems.kind_of(error).status, told)


async def on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    if _is_api(request):
        return problems.validation_problem(error, request.url.path)
    i18n.activate(request.state.locale)
    refused = forms.validation_problems(error)
    if again := await forms.page_again(request, refused):
        return again
    return _page_error(request, 422, "; ".join(forms.located(p) for p in refused))


def _allowed(request: Request) -> str:
    """Every method some route serves at this path (Starlette names only the first route's)."""
    path = request.url.path
    routes = [r for r in app_routes(request.app) if r.path_regex.match(path)]
    methods = {m for r in routes for m in (r.methods or ())}
    return ", ".join(sorted(methods))


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    headers = dict(error.headers or {})
    if error.status_code == 405:
        headers["Allow"] = _allowed(request)
    if _is_api(request):
        return problems.http_problem(
            error.status_code, str(error.detail), request.url.path, headers
        )
    page = _page_error(request, error.status_code, str(error.detail))
    page.headers.update(headers)
    return page


def create_app(settings: Settings | None = None, runner: Runner | None = None) -> FastAPI:
    """The app over ``settings``' database; jobs go to ``runner`` (by default a worker
    thread, or the Dask cluster of ``IPSENTRY_DASK_SCHEDULER`` when it is set)."""
    app = FastAPI(
        title="ipsentry",
        version="1",
        description="Portfolio, deadlines, screening and review of IP infringements.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # the interactive viewers load scripts from a CDN
        redoc_url=None,
        dependencies=[Depends(csrf_protect)],
    )
    app.openapi = lambda: problem_schema(app)  # type: ignore[method-assign]
    app.state.settings = settings or get_settings()
    app.state.runner = runner or cluster.runner_for(app.state.settings.dask_scheduler)
    app.middleware("http")(choose_locale_and_csrf)
    app.middleware("http")(add_security_headers)
    app.add_exception_handler(IpsentryError, on_ipsentry_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.state.routers = [*routers(routes), *routers(pages)]
    for router in app.state.routers:
        app.include_router(router)
    app.mount("/static", StaticFiles(packages=[("ipsentry.web", "static")]), name="static")
    return app
