"""The API tokens page: create (the secret shown once), list, revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import RedirectResponse, Response

from ipsentry.api.deps import UowDep
from ipsentry.services import tokens
from ipsentry.web.auth import PageActor
from ipsentry.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/tokens")
def tokens_page(request: Request, actor: PageActor, uow: UowDep) -> Response:
    return render(request, "tokens.html", {"tokens": tokens.list_tokens(uow, actor), "new": None})


@router.post("/tokens")
def create_token(
    request: Request, actor: PageActor, uow: UowDep, name: Annotated[str, Form(max_length=200)]
) -> Response:
    new = tokens.create_token(uow, actor, name)
    context = {"tokens": tokens.list_tokens(uow, actor), "new": new}
    return render(request, "tokens.html", context, 201)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(
    actor: PageActor, uow: UowDep, token_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> Response:
    tokens.revoke_token(uow, actor, token_id)
    return RedirectResponse("/tokens", status_code=303)
