"""Disputes as the API takes them in and shows them, and the steps a provider takes on one."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, JsonValue
from pydantic_core import PydanticCustomError

from ipsentry.api.schemas.common import Day
from ipsentry.domain.cases import CaseKind
from ipsentry.domain.common import currency_codes
from ipsentry.domain.disputes import (
    COURT_LIMIT,
    COURT_REFERENCE_LIMIT,
    FORUM_LIMIT,
    INTAKE_RIGHTS_LIMIT,
    INTAKE_TEXT_LIMITS,
    OUTCOME_NOTES_LIMIT,
    SESSION_NOTES_LIMIT,
    JudicialConfirmation,
    OutcomeKind,
)
from ipsentry.domain.mediation import Suitability
from ipsentry.domain.parties import IdentifierKind
from ipsentry.errors import echoed


class SessionOut(BaseModel):
    held_on: date
    mediator: str
    notes: str | None = Field(
        description="None when the reader is not cleared for privileged records."
    )
    marking: str
    disclosure_agreed: bool


class RightOut(BaseModel):
    id: int
    number: str = Field(examples=["CN 60000001"])
    title: str
    kind: str
    owner: str


class DisputeOut(BaseModel):
    id: int
    title: str
    status: str
    marking: str
    claimant: str
    respondent: str
    received_on: date
    claims: str
    rights: list[RightOut] = Field(
        description="The rights in dispute the reader may read (an engagement ended hides "
        "the enterprise's)."
    )
    amount: dict[str, str] | None
    provider: str | None = Field(description="E-mail of the lawyer in charge.")
    mediator: str | None = Field(description="E-mail of the mediator.")
    suitability: dict[str, Any] | None
    sessions: list[SessionOut]
    outcome: str | None
    outcome_on: date | None
    outcome_notes: str
    judicial_confirmation: str
    confirmation_requested_on: date | None = Field(description="The day the court was asked.")
    confirmation_decided_on: date | None = Field(description="The day the court decided.")
    confirmation_court: str
    confirmation_reference: str = Field(description="The court's case or ruling number.")
    case_id: int | None
    illustrative: bool
    conflicts: list[dict[str, Any]]


# A body the API takes in names only fields it reads: a misspelt one is refused by name.
_ONLY_KNOWN = ConfigDict(extra="forbid")


class IdentifierIn(BaseModel):
    model_config = _ONLY_KNOWN

    kind: IdentifierKind
    value: str = Field(min_length=1, max_length=500)


class PartyIn(BaseModel):
    model_config = _ONLY_KNOWN

    name: str = Field(min_length=1, max_length=INTAKE_TEXT_LIMITS["name"], pattern=r"\S")
    aliases: list[str] = Field(default_factory=list, max_length=50)
    identifiers: list[IdentifierIn] = Field(default_factory=list, max_length=50)
    country: str = Field("", pattern=r"^([A-Za-z]{2})?$")


# The codes Money accepts, in the schema so that a client (and schemathesis) can know them.
CURRENCIES: list[JsonValue] = [*sorted(currency_codes())]


AMOUNT = r"^[0-9]{1,15}(\.[0-9]{1,2})?$"


def _amount_is_text(value: object) -> object:
    """An amount is text, so that no digit is lost to a floating-point number."""
    if not isinstance(value, str):
        raise PydanticCustomError(
            "string_type",
            'give the amount as text, e.g. "500000", not {value}',
            {"value": echoed(value)},
        )
    return value


def _amount_in_digits(value: str) -> str:
    if not re.fullmatch(AMOUNT, value):
        raise PydanticCustomError(
            "amount",
            "{value} is not an amount: give digits, at most 15 before the point and 2 after "
            "it (e.g. 500000 or 1234.50)",
            {"value": echoed(value)},
        )
    return value


Amount = Annotated[str, BeforeValidator(_amount_is_text), AfterValidator(_amount_in_digits)]


class AmountIn(BaseModel):
    model_config = _ONLY_KNOWN

    amount: Amount = Field(json_schema_extra={"pattern": AMOUNT}, examples=["500000"])
    currency: str = Field(examples=["CNY"], json_schema_extra={"enum": CURRENCIES})


RightNumber = Annotated[
    str, Field(min_length=1, max_length=INTAKE_TEXT_LIMITS["right"], pattern=r"\S")
]


class IntakeIn(BaseModel):
    model_config = _ONLY_KNOWN

    title: str = Field(min_length=1, max_length=INTAKE_TEXT_LIMITS["title"], pattern=r"\S")
    claimant: PartyIn
    respondent: PartyIn
    received_on: Day
    claims: str = Field("", max_length=INTAKE_TEXT_LIMITS["claims"])
    rights: list[RightNumber] = Field(
        default_factory=list,
        max_length=INTAKE_RIGHTS_LIMIT,
        description="The rights in dispute by number, held by you or by an enterprise that "
        "engaged you.",
        examples=[["CN 60000001"]],
    )
    amount: AmountIn | None = None
    done_already: str = Field(
        "",
        max_length=INTAKE_TEXT_LIMITS["done_already"],
        description="e.g. the respondent stopped after notice.",
    )
    assignee: str | None = Field(
        None,
        max_length=INTAKE_TEXT_LIMITS["email"],
        description="E-mail of the lawyer put in charge, or of the mediator who mediates "
        "beside you.",
    )
    conflict_waiver: str = Field(
        "",
        max_length=INTAKE_TEXT_LIMITS["conflict_waiver"],
        description="Why the dispute may go ahead despite a conflict.",
    )


class AssignmentIn(BaseModel):
    model_config = _ONLY_KNOWN

    provider: str | None = Field(
        None, max_length=320, description="E-mail of the lawyer to put in charge."
    )
    mediator: str | None = Field(
        None, max_length=320, description="E-mail of the mediator to put on the dispute."
    )


class AssessmentIn(BaseModel):
    model_config = _ONLY_KNOWN

    factors: dict[str, bool] = Field(
        description="Factor to whether it holds; factors assessed before and not given are kept."
    )


class OverrideIn(BaseModel):
    model_config = _ONLY_KNOWN

    verdict: Suitability
    reason: str = Field(min_length=1, max_length=5000)


class SessionIn(BaseModel):
    model_config = _ONLY_KNOWN

    held_on: Day
    notes: str = Field("", max_length=SESSION_NOTES_LIMIT)
    disclosure_agreed: bool = Field(
        False, description="The parties agreed the record may be used as evidence."
    )


class OutcomeIn(BaseModel):
    model_config = _ONLY_KNOWN

    outcome: OutcomeKind
    on: Day
    notes: str = Field("", max_length=OUTCOME_NOTES_LIMIT)


class ConfirmationIn(BaseModel):
    model_config = _ONLY_KNOWN

    state: JudicialConfirmation
    on: Day = Field(description="The day the court was asked (requested), or decided.")
    court: str = Field(
        "",
        max_length=COURT_LIMIT,
        description="The court asked; for a decision, the one asked unless another is named.",
    )
    reference: str = Field(
        "", max_length=COURT_REFERENCE_LIMIT, description="The court's case or ruling number."
    )


class EscalationIn(BaseModel):
    model_config = _ONLY_KNOWN

    kind: CaseKind
    forum: str = Field("", max_length=FORUM_LIMIT)


class CaseRef(BaseModel):
    case_id: int
    kind: str
    dispute: DisputeOut


class StatisticsOut(BaseModel):
    total: int
    open: int
    resolved: int
    by_mediation: int
    share_by_mediation: float | None
    median_days_to_resolution: float | None
