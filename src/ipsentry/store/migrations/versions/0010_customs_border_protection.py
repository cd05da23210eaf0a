"""customs: identification guides and coverage on recordations, scored declarations,
protection plans, detentions per jurisdiction (basis, finding, costs, parties, handover)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 16:20:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

MARKINGS = ["public", "confidential", "attorneys_eyes_only", "privileged", "protective_order"]
STATUSES = ["detained", "notified", "confirmed", "seized", "destroyed", "released"]
DIRECTIONS = ["import", "export"]
TEXTS = ["declarant", "consignor", "consignee", "origin", "destination", "port", "brand",
         "description", "address"]  # fmt: skip
FINDINGS = ["undetermined", "counterfeit", "confusingly_similar", "exclusion_order"]
PARTIES = ["declarant", "consignor", "consignee", "address"]


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(
        *values, name=f"{name}_enum", native_enum=False, length=32, create_constraint=True
    )


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text(), nullable=False, server_default="")


def _fk(batch: Any, table: str, column: str, target: str) -> None:
    batch.add_column(sa.Column(column, sa.Integer(), nullable=True))
    batch.create_foreign_key(batch.f(f"fk_{table}_{column}_{target}"), target, [column], ["id"])
    batch.create_index(batch.f(f"ix_{table}_{column}"), [column])


def _statuses(values: list[str]) -> None:
    with op.batch_alter_table("detentions") as batch:
        batch.drop_constraint(op.f("ck_detentions_status_enum"), type_="check")
        batch.create_check_constraint(
            op.f("ck_detentions_status_enum"), sa.column("status").in_(values)
        )


def upgrade() -> None:
    with op.batch_alter_table("recordations") as batch:
        batch.add_column(sa.Column("guide", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(
            sa.Column(
                "coverage",
                _enum("coverage", ["imports", "exports", "imports_and_exports"]),
                nullable=False,
                server_default="imports_and_exports",
            )
        )
    op.create_table(
        "customs_declarations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("batch", sa.String(300), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.Column("direction", _enum("direction", DIRECTIONS), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in TEXTS),
        sa.Column("hs_code", sa.String(20), nullable=False),
        sa.Column("hs_edition", sa.String(8), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_value_amount", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("unit_value_currency", sa.String(3), nullable=True),
        sa.Column("risk", sa.Float(), nullable=False),
        sa.Column("level", sa.String(8), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("right_ids", sa.JSON(), nullable=False),
        sa.Column("status", _enum("status", ["queued", "cleared", "detained"]), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("scored_by_user_id", sa.Integer(), nullable=True),
        sa.Column("confidentiality", _enum("confidentiality", MARKINGS), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_customs_declarations_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["scored_by_user_id"],
            ["users.id"],
            name=op.f("fk_customs_declarations_scored_by_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customs_declarations")),
    )
    for column in ("organisation_id", "scored_by_user_id"):
        op.create_index(op.f(f"ix_customs_declarations_{column}"), "customs_declarations", [column])
    op.create_table(
        "protection_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("customs_organisation_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("ports", sa.JSON(), nullable=False),
        sa.Column("routes", sa.JSON(), nullable=False),
        sa.Column("product_lines", sa.JSON(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("holder_contact", sa.Text(), nullable=False),
        sa.Column("customs_contact", sa.Text(), nullable=False),
        sa.Column("training", sa.Text(), nullable=False),
        sa.Column("recordation_ids", sa.JSON(), nullable=False),
        sa.Column("confidentiality", _enum("confidentiality", MARKINGS), nullable=False),
        sa.Column("illustrative", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_protection_plans_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["customs_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_protection_plans_customs_organisation_id_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protection_plans")),
    )
    for column in ("organisation_id", "customs_organisation_id"):
        op.create_index(op.f(f"ix_protection_plans_{column}"), "protection_plans", [column])
    _statuses([*STATUSES, "handed_over"])
    with op.batch_alter_table("detentions") as batch:
        batch.add_column(sa.Column("seized_on", sa.Date(), nullable=True))
        for name, values, default in (
            ("basis", ["ex_officio", "on_application"], "ex_officio"),
            ("finding", FINDINGS, "undetermined"),
            ("direction", DIRECTIONS, "import"),
        ):
            batch.add_column(
                sa.Column(name, _enum(name, values), nullable=False, server_default=default)
            )
        batch.add_column(sa.Column("port", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("member_state", sa.String(2), nullable=False, server_default=""))
        for flag in ("perishable", "small_consignment", "extended"):
            batch.add_column(
                sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        for prefix in ("storage_cost", "destruction_cost"):
            batch.add_column(sa.Column(f"{prefix}_amount", sa.Numeric(20, 2), nullable=True))
            batch.add_column(sa.Column(f"{prefix}_currency", sa.String(3), nullable=True))
        batch.add_column(
            sa.Column("costs_borne_by", sa.String(200), nullable=False, server_default="")
        )
        for name in [*PARTIES, "note"]:
            batch.add_column(_text(name))
        _fk(batch, "detentions", "customs_organisation_id", "organisations")
        _fk(batch, "detentions", "customs_declaration_id", "customs_declarations")
        _fk(batch, "detentions", "protection_plan_id", "protection_plans")


def downgrade() -> None:
    with op.batch_alter_table("detentions") as batch:
        for name in ("basis", "finding", "direction"):
            batch.drop_constraint(batch.f(f"ck_detentions_{name}_enum"), type_="check")
        for column in ("protection_plan_id", "customs_declaration_id", "customs_organisation_id"):
            batch.drop_index(batch.f(f"ix_detentions_{column}"))
            batch.drop_column(column)
        for name in [
            "seized_on", "basis", "finding", "direction", "port", "member_state", "perishable",
            "small_consignment", "extended", "storage_cost_amount", "storage_cost_currency",
            "destruction_cost_amount", "destruction_cost_currency", "costs_borne_by",
            *PARTIES, "note",
        ]:  # fmt: skip
            batch.drop_column(name)
    op.execute("UPDATE detentions SET status = 'released' WHERE status = 'handed_over'")
    _statuses(STATUSES)
    op.drop_table("protection_plans")
    op.drop_table("customs_declarations")
    with op.batch_alter_table("recordations") as batch:
        batch.drop_constraint(batch.f("ck_recordations_coverage_enum"), type_="check")
        batch.drop_column("coverage")
        batch.drop_column("guide")
