"""outreach: a provider's anonymised case studies, seminars and consultation sessions

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MARKINGS = ["public", "confidential", "attorneys_eyes_only", "privileged", "protective_order"]


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(
        *values, name=f"{name}_enum", native_enum=False, length=32, create_constraint=True
    )


def upgrade() -> None:
    op.create_table(
        "outreach_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_organisation_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("kind", ["case_study", "seminar", "consultation"]), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("enterprise_ids", sa.JSON(), nullable=False),
        sa.Column("dispute_id", sa.Integer(), nullable=True),
        sa.Column("confidentiality", _enum("confidentiality", _MARKINGS), nullable=False),
        sa.ForeignKeyConstraint(
            ["provider_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_outreach_events_provider_organisation_id_organisations"),
        ),
        sa.ForeignKeyConstraint(
            ["dispute_id"], ["disputes.id"], name=op.f("fk_outreach_events_dispute_id_disputes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outreach_events")),
    )
    for column in ("provider_organisation_id", "dispute_id"):
        op.create_index(op.f(f"ix_outreach_events_{column}"), "outreach_events", [column])


def downgrade() -> None:
    op.drop_table("outreach_events")
