"""Column helpers so every table spells enums, markings and money the same way."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

from ipsentry.domain.cases import DispositionStep
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.customs import IdentificationGuide


def enum_column(name: str, enum_type: type[enum.Enum], **kw: Any) -> sa.Column[Any]:
    """Enums stored by value as short strings with a CHECK, the same on SQLite and PostgreSQL."""
    return sa.Column(
        name,
        sa.Enum(
            enum_type,
            native_enum=False,
            length=32,
            values_callable=lambda e: [m.value for m in e],
            name=f"{name}_enum",
            create_constraint=True,
        ),
        **kw,
    )


def marking() -> sa.Column[Any]:
    return enum_column(
        "confidentiality",
        Confidentiality,
        nullable=False,
        default=Confidentiality.CONFIDENTIAL,
    )


def money(prefix: str) -> list[sa.Column[Any]]:
    """Amount and ISO 4217 currency side by side, so sums can be grouped by currency in SQL."""
    return [
        sa.Column(f"{prefix}_amount", sa.Numeric(20, 2)),
        sa.Column(f"{prefix}_currency", sa.String(3)),
    ]


def pk() -> sa.Column[Any]:
    return sa.Column("id", sa.Integer, primary_key=True)


def fk(name: str, target: str, *, nullable: bool = False, cascade: bool = False) -> sa.Column[Any]:
    ondelete = "CASCADE" if cascade else None
    return sa.Column(
        name, sa.Integer, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
    )


def org() -> sa.Column[Any]:
    return fk("organisation_id", "organisations.id")


def illustrative() -> sa.Column[Any]:
    return sa.Column("illustrative", sa.Boolean, nullable=False, default=False)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored in UTC and read back in UTC (SQLite keeps no zone, PostgreSQL does).

    Hashes over a moment (the custody chain) must come out the same after a round trip
    through either database, so a moment is always handed back zone-aware in UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"{value.isoformat()} has no time zone; store moments in UTC")
        moment = value.astimezone(UTC)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class GuideJSON(TypeDecorator[IdentificationGuide]):
    """A recordation's identification guide, stored as JSON and read back as the value."""

    impl = sa.JSON
    cache_ok = True

    def process_bind_param(self, value: IdentificationGuide | None, dialect: Any) -> Any:
        return (value or IdentificationGuide()).to_json()

    def process_result_value(self, value: Any, dialect: Any) -> IdentificationGuide:
        return IdentificationGuide.from_json(value or {})


class StepsJSON(TypeDecorator[list[DispositionStep]]):
    """A disposition's steps (ID, not reviewed, FR notice), stored as a JSON list."""

    impl = sa.JSON
    cache_ok = True

    def process_bind_param(self, value: list[DispositionStep] | None, dialect: Any) -> Any:
        return [s.to_json() for s in value or []]

    def process_result_value(self, value: Any, dialect: Any) -> list[DispositionStep]:
        return [DispositionStep.from_json(s) for s in value or []]
