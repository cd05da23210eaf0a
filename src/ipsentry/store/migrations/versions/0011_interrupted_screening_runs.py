"""a screening run whose process died is marked interrupted, and resumed from its last partition

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_STATUSES = ["running", "finished", "failed"]


def _statuses(values: list[str]) -> None:
    """Replace the CHECK on screening_runs.status (a non-native enum) with ``values``."""
    with op.batch_alter_table("screening_runs") as batch:
        batch.drop_constraint(op.f("ck_screening_runs_status_enum"), type_="check")
        batch.create_check_constraint(
            op.f("ck_screening_runs_status_enum"), sa.column("status").in_(values)
        )


def upgrade() -> None:
    _statuses([*_STATUSES, "interrupted"])


def downgrade() -> None:
    op.execute("UPDATE screening_runs SET status = 'failed' WHERE status = 'interrupted'")
    _statuses(_STATUSES)
