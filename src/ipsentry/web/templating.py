"""Rendering pages: Jinja templates with gettext, locale formats, the user and CSRF token.

Every page gets ``actor`` (or None), ``csrf_token``, ``locale``, ``form`` (a refused form
shown again, see ``forms``) and the formatting filters (``date``, ``number``, ``marking``),
so templates never work these out themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any

from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal
from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from ipsentry.api.deps import Auth, authenticate
from ipsentry.api.security import CSRF_COOKIE
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.deadlines import DeadlineState
from ipsentry.domain.jobs import JobStatus
from ipsentry.domain.screening import ReviewStatus
from ipsentry.web import forms, i18n
from ipsentry.web.explanations import in_words
from ipsentry.web.markings import WORKING_RECORDS
from ipsentry.web.terms import tell, term

HTMX = "vendor/htmx-2.0.11.min.js"


def _date(value: date | None, style: str = "medium") -> str:
    return format_date(value, format=style, locale=i18n.babel_locale()) if value else ""


def _datetime(value: datetime | None) -> str:
    return format_datetime(value, format="medium", locale=i18n.babel_locale()) if value else ""


def _number(value: float | int) -> str:
    return format_decimal(value, locale=i18n.babel_locale())


def _listed(items: Iterable[str]) -> str:
    """Words as the page's language lists them ("a, b and c"; "a、b和c")."""
    return format_list(list(items), locale=i18n.babel_locale())


def marking_label(marking: Confidentiality | str) -> str:
    """A marking in the page's language (the labels are in the catalogue)."""
    labels = {
        Confidentiality.PUBLIC: i18n.gettext("Public"),
        Confidentiality.CONFIDENTIAL: i18n.gettext("Confidential"),
        Confidentiality.ATTORNEYS_EYES_ONLY: i18n.gettext("Attorneys' eyes only"),
        Confidentiality.PRIVILEGED: i18n.gettext("Privileged / work product"),
        Confidentiality.PROTECTIVE_ORDER: i18n.gettext("Protective-order information"),
    }
    return labels[Confidentiality(marking)]


def deadline_state_label(state: DeadlineState) -> str:
    labels = {
        DeadlineState.UPCOMING: i18n.gettext("upcoming"),
        DeadlineState.DUE_SOON: i18n.gettext("due soon"),
        DeadlineState.IN_GRACE: i18n.gettext("in grace"),
        DeadlineState.OVERDUE: i18n.gettext("overdue, restorable"),
        DeadlineState.LOST: i18n.gettext("lost"),
        DeadlineState.PASSED: i18n.gettext("passed"),
        DeadlineState.CANCELLED: i18n.gettext("cancelled"),
    }
    return labels[state]


def review_status_label(status: ReviewStatus | str) -> str:
    labels = {
        ReviewStatus.OPEN: i18n.gettext("open"),
        ReviewStatus.CONFIRMED: i18n.gettext("confirmed"),
        ReviewStatus.DISMISSED: i18n.gettext("dismissed"),
        ReviewStatus.ESCALATED: i18n.gettext("escalated"),
    }
    return labels[ReviewStatus(status)]


def job_status_label(status: JobStatus) -> str:
    labels = {
        JobStatus.QUEUED: i18n.gettext("queued"),
        JobStatus.RUNNING: i18n.gettext("running"),
        JobStatus.DONE: i18n.gettext("done"),
        JobStatus.FAILED: i18n.gettext("failed"),
        JobStatus.INTERRUPTED: i18n.gettext("interrupted"),
    }
    return labels[status]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ipsentry.web", "templates"),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext, i18n.ngettext, newstyle=True, pgettext=i18n.pgettext
    )
    env.filters["date"] = _date
    env.filters["number"] = _number
    env.filters["listed"] = _listed
    env.filters["marking"] = marking_label
    env.filters["datetime"] = _datetime
    env.filters["deadline_state"] = deadline_state_label
    env.filters["review_status"] = review_status_label
    env.filters["job_status"] = job_status_label
    env.filters["term"] = term
    env.filters["in_words"] = in_words
    env.filters["tell"] = tell
    env.globals["htmx"] = HTMX
    env.globals["locales"] = i18n.LOCALES
    return env


def csrf_for(request: Request, auth: Auth) -> str:
    """The session's CSRF token, or before sign-in the double-submit cookie's value."""
    return auth.csrf_token or request.state.new_csrf or request.cookies.get(CSRF_COOKIE, "")


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    i18n.activate(request.state.locale)
    auth = authenticate(request)
    values = dict(context or {})
    if auth.actor is not None:
        values.setdefault("marking", WORKING_RECORDS)
    values.setdefault("form", forms.state_of(request))
    page = (
        environment()
        .get_template(template)
        .render(
            request=request,
            actor=auth.actor,
            csrf_token=csrf_for(request, auth),
            locale=i18n.current(),
            lang=i18n.html_lang(),
            path=request.url.path,
            **values,
        )
    )
    return HTMLResponse(page, status_code=status)
