"""a dispute's judicial confirmation keeps its dates, its court and its case or ruling number

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 19:10:00

Only the state of a confirmation was kept (requested, confirmed, refused), so nobody could
show when or where an agreement was confirmed. Confirmations recorded before have no date,
court or number: they stay empty rather than being guessed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("confirmation_requested_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("confirmation_decided_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("confirmation_court", sa.String(500), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("confirmation_reference", sa.String(200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("disputes") as batch:
        batch.drop_column("confirmation_reference")
        batch.drop_column("confirmation_court")
        batch.drop_column("confirmation_decided_on")
        batch.drop_column("confirmation_requested_on")
