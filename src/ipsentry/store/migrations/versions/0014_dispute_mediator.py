"""a dispute has a lawyer in charge and a mediator, each reassignable

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 18:00:00

A dispute held one assignee, the lawyer or the mediator. A dispute assigned to a mediator
moves to the new ``mediator_user_id``, so that the provider's lawyer can be put in charge
of it beside the mediator.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_MEDIATORS = "SELECT id FROM users WHERE role = 'mediator'"


def upgrade() -> None:
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("mediator_user_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_disputes_mediator_user_id_users"), "users", ["mediator_user_id"], ["id"]
        )
        batch.create_index(batch.f("ix_disputes_mediator_user_id"), ["mediator_user_id"])
    op.execute(
        "UPDATE disputes SET mediator_user_id = assigned_user_id, assigned_user_id = NULL "
        f"WHERE assigned_user_id IN ({_MEDIATORS})"
    )


def downgrade() -> None:
    op.execute(
        "UPDATE disputes SET assigned_user_id = mediator_user_id "
        "WHERE assigned_user_id IS NULL AND mediator_user_id IS NOT NULL"
    )
    with op.batch_alter_table("disputes") as batch:
        batch.drop_index(batch.f("ix_disputes_mediator_user_id"))
        batch.drop_constraint(batch.f("fk_disputes_mediator_user_id_users"), type_="foreignkey")
        batch.drop_column("mediator_user_id")
