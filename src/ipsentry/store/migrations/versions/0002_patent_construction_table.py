"""patent construction table

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 19:35:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing patents get an empty table: nothing construed yet.
    op.add_column(
        "patents",
        sa.Column("construction", sa.JSON(), nullable=False, server_default=sa.text("'{}'")),
    )


def downgrade() -> None:
    with op.batch_alter_table("patents") as batch:
        batch.drop_column("construction")
