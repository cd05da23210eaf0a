"""Register search and patent search pages: a query in, the best matches with the reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ipsentry.api.deps import settings_of
from ipsentry.errors import InvalidInput, NotFound
from ipsentry.services import index_search
from ipsentry.services.access import Actor
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)
Q = Annotated[str, Query(max_length=index_search.MAX_QUERY)]
Search = Callable[[Actor, Path | None, str], index_search.Searched[Any]]


def _page(
    request: Request, actor: Actor, template: str, folder: Path | None, q: str, search: Search
) -> Response:
    """The form, and the results when a query is given; a missing index is said on the page."""
    context: dict[str, Any] = {"q": q, "results": None, "problem": "", "missing": False}
    if q.strip():
        try:
            context["results"] = search(actor, folder, q)
        except NotFound as error:
            context |= {"problem": str(error), "missing": True}
        except InvalidInput as error:
            context["problem"] = "; ".join(str(p) for p in error.problems)
    context["marking"] = index_search.MARKING
    refused = context["problem"] and not context["missing"]
    return render(request, template, context, 422 if refused else 200)


@router.get("/register/search")
def register_search(request: Request, actor: PageActor, q: Q = "") -> Response:
    folder = settings_of(request).register_index
    return _page(request, actor, "register_search.html", folder, q, index_search.search_register)


@router.get("/patents/search")
def patent_search(request: Request, actor: PageActor, q: Q = "") -> Response:
    folder = settings_of(request).patent_index
    search = index_search.search_patent_index
    return _page(request, actor, "patent_search.html", folder, q, search)
