"""evidence: items with their content hash and capture facts, contents, custody chain

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KINDS = ["page", "screenshot", "photo", "test_purchase", "sample", "document"]
MARKINGS = ["public", "confidential", "attorneys_eyes_only", "privileged", "protective_order"]


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(
        *values, name=f"{name}_enum", native_enum=False, length=32, create_constraint=True
    )


def upgrade() -> None:
    op.create_table(
        "evidence_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("kind", _enum("kind", KINDS), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("captured_by", sa.String(320), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(35), nullable=False),
        sa.Column("ship_to", sa.String(2), nullable=False),
        sa.Column("price_amount", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("price_currency", sa.String(3), nullable=True),
        sa.Column("seller_id", sa.String(200), nullable=False),
        sa.Column("confidentiality", _enum("confidentiality", MARKINGS), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_evidence_items_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_evidence_items_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_items")),
    )
    for column in ("organisation_id", "case_id", "sha256"):
        op.create_index(op.f(f"ix_evidence_items_{column}"), "evidence_items", [column])
    op.create_table(
        "evidence_contents",
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_evidence_contents_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evidence_id", name=op.f("pk_evidence_contents")),
    )
    op.create_table(
        "custody_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("holder", sa.String(320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("claim_elements", sa.JSON(), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("previous_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence_items.id"],
            name=op.f("fk_custody_entries_evidence_id_evidence_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_entries")),
        sa.UniqueConstraint(
            "evidence_id", "sequence", name=op.f("uq_custody_entries_evidence_id_sequence")
        ),
    )
    op.create_index(op.f("ix_custody_entries_evidence_id"), "custody_entries", ["evidence_id"])


def downgrade() -> None:
    op.drop_table("custody_entries")
    op.drop_table("evidence_contents")
    op.drop_table("evidence_items")
