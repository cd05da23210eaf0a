"""Column helpers so every table spells enums, markings and money the same way."""

from __future__ import annotations

import enum
from typing import Any

import sqlalchemy as sa

from ipsentry.domain.common import Confidentiality


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
