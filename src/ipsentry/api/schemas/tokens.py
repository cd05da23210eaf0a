"""API tokens: the list shows a prefix only; the secret appears once, when created."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ipsentry.api.schemas.common import UtcDatetime
from ipsentry.domain.accounts import ApiToken


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=200, description="What the token is for.")


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None
    revoked: bool

    @classmethod
    def of(cls, token: ApiToken) -> TokenOut:
        return cls(
            id=token.id or 0,
            name=token.name,
            prefix=token.prefix,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            revoked=token.revoked,
        )


class TokenCreated(TokenOut):
    secret: str = Field(description="Shown this once; ipsentry keeps only its hash.")
