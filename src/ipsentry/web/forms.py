"""A refused form shown again: the same page, what was typed, each message by its field.

When a service refuses a posted form (``InvalidInput``) or FastAPI's own checks refuse a
field (a missing value, a bad date), the web does not answer with a bare error page that
loses the user's typing. The app asks itself again, in-process, for the page the form was
sent from (the same-origin Referer, else the GET route at the form's own path), with the
refusal in ``request.state.form``; ``templating.render`` hands it to the template as
``form``. Templates read values and messages through ``form.of(action)``, so a page with
several forms fills only the one that was sent. The answer is that page with status 422;
the session and its CSRF token are untouched, so the form can be sent again at once.
Only when no such page exists (or it does not answer 200) is the plain error page shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from starlette.datastructures import UploadFile
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Message

from ipsentry.api.deps import CSRF_FIELD
from ipsentry.errors import Problem
from ipsentry.formats.files import FILE
from ipsentry.web import i18n
from ipsentry.web.terms import tell

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SECRET_FIELDS = frozenset({CSRF_FIELD, "password"})  # never sent back into a page
FORM_SOURCE = "form"


@dataclass(frozen=True)
class Refusal:
    """A form that was not accepted: where it was posted, what it held, what was wrong."""

    action: str
    values: Mapping[str, list[str]]
    problems: list[Problem]


@dataclass
class FormState:
    """The ``form`` of every page: empty, or the refusal being shown again."""

    refusal: Refusal | None = None
    placed: dict[str, str] = field(default_factory=dict)  # field -> id of what shows it

    @property
    def refused(self) -> bool:
        return self.refusal is not None

    def of(self, action: str) -> BoundForm:
        """The form posted to ``action``: the refused values and messages if it was that
        one, else nothing (each field shows its own default)."""
        sent = self.refusal if self.refusal and self.refusal.action == action else None
        return BoundForm(self, action, sent)

    def summary(self) -> list[tuple[str | None, str]]:
        """Every message once, with the id of its field when the page showed that field
        (a link to it), else where it was found (a file's row, a field not on the page)."""
        if self.refusal is None:
            return []
        items: list[tuple[str | None, str]] = []
        for problem in self.refusal.problems:
            name = field_name(problem)
            if problem.row is None and name in self.placed:
                items.append((self.placed[name], tell(problem.message)))
            else:
                items.append((None, located(problem)))
        return items


@dataclass(frozen=True)
class BoundForm:
    """One form of a page, as its template reads it: ``f.value("name", default)``,
    ``f.errors("name")`` and ``f.id("name")`` (an id unique on the page, for a field that
    has none of its own)."""

    state: FormState
    action: str
    sent: Refusal | None

    def id(self, name: str) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.action.strip("/"))
        return f"{slug}-{name}"

    def value(self, name: str, default: Any = "") -> Any:
        if self.sent is None or name not in self.sent.values:
            return default
        return self.sent.values[name][0]

    def values(self, name: str, default: Iterable[str] = ()) -> list[str]:
        if self.sent is None:
            return list(default)
        return list(self.sent.values.get(name, []))

    def errors(self, name: str, target: str | None = None) -> list[str]:
        """The messages naming ``name``, shown by the element ``target`` (by default
        ``id(name)``): the summary links to it instead of repeating where it is."""
        if self.sent is None:
            return []
        found = [
            tell(p.message) for p in self.sent.problems if p.row is None and field_name(p) == name
        ]
        if found:
            self.state.placed[name] = target or self.id(name)
        return found


def field_name(problem: Problem) -> str:
    """The form field a problem names: ``claimant.identifiers`` belongs to ``claimant``."""
    return problem.field.split(".", 1)[0].split("[", 1)[0]


def located(problem: Problem) -> str:
    if problem.row is not None:
        where = i18n.gettext("%(source)s, row %(row)d") % {
            "source": problem.source,
            "row": problem.row,
        }
        return f"{where}: {problem.field}: {tell(problem.message)}"
    said = tell(problem.message)
    if problem.field == FILE:  # the whole file refused: named by the file, not "(file)"
        return f"{problem.source}: {said}"
    return f"{problem.field}: {said}" if problem.field else said


def validation_problems(error: RequestValidationError) -> list[Problem]:
    """FastAPI's field checks as problems, in the page's language."""
    problems = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ())]
        name = ".".join(location[1:]) or "body"
        problems.append(Problem(FORM_SOURCE, None, name, _validation_message(item)))
    return problems


def _validation_message(item: Mapping[str, Any]) -> str:
    context = item.get("ctx") or {}
    kind = str(item.get("type", ""))
    if kind == "missing":
        return i18n.gettext("Fill this in.")
    if kind == "string_too_long":
        limit = int(context.get("max_length", 0))
        return i18n.gettext("At most %(count)d characters.") % {"count": limit}
    if kind.startswith("date"):
        return i18n.gettext("Give a date as YYYY-MM-DD.")
    if kind.startswith("int"):
        return i18n.gettext("Give a whole number.")
    if kind.startswith(("float", "decimal")):
        return i18n.gettext("Give a number.")
    if kind == "finite_number":  # NaN, inf, or 1e400 (read as infinity)
        return i18n.gettext("Give a finite number.")
    if kind in ("enum", "literal_error"):
        choices = str(context.get("expected", ""))
        return i18n.gettext("Choose one of: %(choices)s.") % {"choices": choices}
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return i18n.gettext("Out of range: %(rule)s.") % {"rule": item.get("msg", "")}
    return str(item.get("msg", kind))


async def sent_values(request: Request) -> dict[str, list[str]]:
    """What the form held (its text fields; files and secrets are not sent back)."""
    try:
        form = await request.form()
    except Exception:  # a body that is no form at all: nothing to fill in again
        return {}
    values: dict[str, list[str]] = {}
    for key, value in form.multi_items():
        if key not in SECRET_FIELDS and not isinstance(value, UploadFile):
            values.setdefault(key, []).append(value)
    return values


def origin(request: Request) -> tuple[str, str]:
    """The page the form was sent from: the same-origin Referer, else the form's path."""
    referer = urlsplit(request.headers.get("referer", ""))
    if referer.netloc == request.url.netloc and referer.path.startswith("/"):
        return referer.path, referer.query
    return request.url.path, ""


async def page_again(request: Request, problems: list[Problem]) -> Response | None:
    """The page the refused form came from, filled in and annotated, or None if there is
    none (a form posted from no page of this app, or a page that does not answer 200)."""
    if request.method in SAFE_METHODS:
        return None
    refusal = Refusal(request.url.path, await sent_values(request), problems)
    path, query = origin(request)
    scope = dict(request.scope)
    scope |= {
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [
            (k, v)
            for k, v in request.scope["headers"]
            if k not in (b"content-type", b"content-length")
        ],
        "state": {**request.scope.get("state", {}), "form": FormState(refusal)},
    }
    for key in ("path_params", "endpoint", "route"):
        scope.pop(key, None)
    if not any(route.matches(scope)[0] is Match.FULL for route in request.app.router.routes):
        return None
    status, headers, body = 0, [], bytearray()

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await request.app.router(scope, receive, send)
    if status != 200:
        return None
    kept = {
        k.decode("latin-1"): v.decode("latin-1")
        for k, v in headers
        if k.lower() in (b"content-type", b"cache-control")
    }
    return Response(bytes(body), status_code=422, headers=kept)


def state_of(request: Request) -> FormState:
    state = getattr(request.state, "form", None)
    return state if isinstance(state, FormState) else FormState()
