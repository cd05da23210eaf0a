"""/api/v1/tokens: the signed-in user's API tokens."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from ipsentry.api.deps import ActorDep, UowDep
from ipsentry.api.schemas.common import Page, Paging, PathId, paging
from ipsentry.api.schemas.tokens import TokenCreate, TokenCreated, TokenOut
from ipsentry.services import tokens

router = APIRouter(prefix="/api/v1/tokens", tags=["tokens"])


@router.get("", response_model=Page[TokenOut])
def list_tokens(
    actor: ActorDep, uow: UowDep, page: Annotated[Paging, Depends(paging)]
) -> Page[TokenOut]:
    return page.cut([TokenOut.of(t) for t in tokens.list_tokens(uow, actor)])


@router.post("", response_model=TokenCreated, status_code=201)
def create_token(body: TokenCreate, actor: ActorDep, uow: UowDep) -> TokenCreated:
    new = tokens.create_token(uow, actor, body.name)
    return TokenCreated(**TokenOut.of(new.token).model_dump(), secret=new.secret)


@router.delete("/{token_id}", response_model=TokenOut)
def revoke_token(token_id: PathId, actor: ActorDep, uow: UowDep) -> TokenOut:
    return TokenOut.of(tokens.revoke_token(uow, actor, token_id))
