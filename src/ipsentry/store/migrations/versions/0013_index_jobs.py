"""building the register or patent search index is a job too

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_KINDS = ["screen_upload"]


def _kinds(values: list[str]) -> None:
    """Replace the CHECK on jobs.kind (a non-native enum) with ``values``."""
    with op.batch_alter_table("jobs") as batch:
        batch.drop_constraint(op.f("ck_jobs_kind_enum"), type_="check")
        batch.create_check_constraint(op.f("ck_jobs_kind_enum"), sa.column("kind").in_(values))


def upgrade() -> None:
    _kinds([*_KINDS, "register_index", "patent_index"])


def downgrade() -> None:
    op.execute("DELETE FROM jobs WHERE kind IN ('register_index', 'patent_index')")
    _kinds(_KINDS)
