"""Recordations and protection plans as the API takes them in.

Every field is optional here: on a create the service names each one missing, on an edit
only the fields sent change. What a schema cannot say (a right in the portfolio, a period
that ends after it starts, a customs organisation's slug) the service checks, naming each
bad field (``body: field: problem``, 422).
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from ipsentry.domain.customs import Coverage, CustomsAuthority

Text = Field(default=None, max_length=4000)
Items = Field(default=None, max_length=100)


class RecordationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    right: str | None = Field(default=None, max_length=100, description="id or number")
    authority: CustomsAuthority | None = None
    number: str | None = Field(default=None, max_length=100)
    goods: str | None = Text
    coverage: Coverage | None = None
    contact_point: str | None = Text
    valid_from: date | None = None
    valid_until: date | None = Field(default=None, description="null clears it")
    identification_guide: str | None = Text


class PlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=300)
    customs: str | None = Field(default=None, max_length=100, description="organisation slug")
    ports: list[str] | None = Items
    routes: list[str] | None = Items
    product_lines: list[str] | None = Items
    starts_on: date | None = None
    ends_on: date | None = Field(default=None, description="null clears it")
    holder_contact: str | None = Text
    customs_contact: str | None = Text
    training: str | None = Text
    recordations: list[str] | None = Field(
        default=None, max_length=100, description="recordation numbers or ids"
    )
