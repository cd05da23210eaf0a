"""patent earliest non-provisional filing date and PCT national-phase entry

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 21:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing patents: no earlier application known, not entered from a PCT application.
    op.add_column("patents", sa.Column("earliest_nonprovisional_date", sa.Date(), nullable=True))
    op.add_column(
        "patents",
        sa.Column("pct_national_phase", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("patents") as batch:
        batch.drop_column("pct_national_phase")
        batch.drop_column("earliest_nonprovisional_date")
