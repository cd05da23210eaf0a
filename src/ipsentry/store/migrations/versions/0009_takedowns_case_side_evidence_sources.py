"""enforcement: takedown notices; a case's side, jurisdiction and service date; statutory
damages and costs; where an evidence item came from (a hit, an observation, a detention)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 16:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_AMOUNTS = ["claimed", "awarded", "frozen", "collected", "settlement", "bond"]
_TAKEDOWN = ["draft", "sent", "removed", "refused", "relisted"]
MARKINGS = ["public", "confidential", "attorneys_eyes_only", "privileged", "protective_order"]
_SOURCES = (("hit_id", "hits"), ("observation_id", "observations"), ("detention_id", "detentions"))


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(
        *values, name=f"{name}_enum", native_enum=False, length=32, create_constraint=True
    )


def _amount_kinds(values: list[str]) -> None:
    with op.batch_alter_table("case_amounts") as batch:
        batch.drop_constraint(op.f("ck_case_amounts_kind_enum"), type_="check")
        batch.create_check_constraint(
            op.f("ck_case_amounts_kind_enum"), sa.column("kind").in_(values)
        )


def _id(name: str = "id") -> sa.Column[int]:
    return sa.Column(name, sa.Integer(), nullable=False)


def _fk(table: str, column: str, target: str, cascade: bool = False) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE" if cascade else None,
    )


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(
            sa.Column(
                "side", _enum("side", ["brought", "defended"]), nullable=False,
                server_default="brought",
            )
        )  # fmt: skip
        batch.add_column(sa.Column("jurisdiction", sa.String(2), nullable=False, server_default=""))
        batch.add_column(sa.Column("served_on", sa.Date(), nullable=True))
    _amount_kinds([*_AMOUNTS, "statutory_damages", "costs"])
    with op.batch_alter_table("evidence_items") as batch:
        batch.add_column(sa.Column("source", sa.Text(), nullable=False, server_default=""))
        for column, target in _SOURCES:
            batch.add_column(sa.Column(column, sa.Integer(), nullable=True))
            batch.create_foreign_key(
                batch.f(f"fk_evidence_items_{column}_{target}"), target, [column], ["id"]
            )
            batch.create_index(batch.f(f"ix_evidence_items_{column}"), [column])
    op.create_table(
        "takedown_notices",
        _id(),
        _id("organisation_id"),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("platform", sa.String(200), nullable=False),
        sa.Column("seller", sa.String(500), nullable=False),
        sa.Column("seller_party_id", sa.Integer(), nullable=True),
        sa.Column("status", _enum("status", _TAKEDOWN), nullable=False),
        sa.Column("created_on", sa.Date(), nullable=True),
        sa.Column("confidentiality", _enum("confidentiality", MARKINGS), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        _fk("takedown_notices", "organisation_id", "organisations"),
        _fk("takedown_notices", "case_id", "cases"),
        _fk("takedown_notices", "seller_party_id", "parties"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takedown_notices")),
    )
    _index("takedown_notices", "organisation_id", "case_id", "seller_party_id")
    op.create_table(
        "takedown_listings",
        _id(),
        _id("notice_id"),
        _id("observation_id"),
        _id("right_id"),
        sa.Column("listing_url", sa.Text(), nullable=False),
        sa.Column("listing_ref", sa.String(200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("right_label", sa.String(80), nullable=False),
        sa.Column("hit_id", sa.Integer(), nullable=True),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        _fk("takedown_listings", "notice_id", "takedown_notices", cascade=True),
        _fk("takedown_listings", "observation_id", "observations"),
        _fk("takedown_listings", "right_id", "rights"),
        _fk("takedown_listings", "hit_id", "hits"),
        _fk("takedown_listings", "evidence_id", "evidence_items"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takedown_listings")),
    )
    _index("takedown_listings", "notice_id", "observation_id", "right_id", "hit_id", "evidence_id")
    op.create_table(
        "takedown_steps",
        _id(),
        _id("notice_id"),
        sa.Column("status", _enum("status", _TAKEDOWN), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("observation_id", sa.Integer(), nullable=True),
        _fk("takedown_steps", "notice_id", "takedown_notices", cascade=True),
        _fk("takedown_steps", "observation_id", "observations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_takedown_steps")),
    )
    _index("takedown_steps", "notice_id", "observation_id")


def downgrade() -> None:
    op.drop_table("takedown_steps")
    op.drop_table("takedown_listings")
    op.drop_table("takedown_notices")
    with op.batch_alter_table("evidence_items") as batch:
        for column, target in _SOURCES:
            batch.drop_index(batch.f(f"ix_evidence_items_{column}"))
            batch.drop_constraint(
                batch.f(f"fk_evidence_items_{column}_{target}"), type_="foreignkey"
            )
            batch.drop_column(column)
        batch.drop_column("source")
    op.execute(sa.text("DELETE FROM case_amounts WHERE kind IN ('statutory_damages', 'costs')"))
    _amount_kinds(_AMOUNTS)
    with op.batch_alter_table("cases") as batch:
        batch.drop_constraint(op.f("ck_cases_side_enum"), type_="check")
        for column in ("served_on", "jurisdiction", "side"):
            batch.drop_column(column)
