"""health check and mediation: diagnosis facts, plan and package details, dispute
assignment, suitability, judicial confirmation, privileged sessions; the mediator role

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 09:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ROLES = ["admin", "counsel", "analyst", "reviewer", "customs_officer", "legal_service", "viewer"]
_MARKINGS = ["public", "confidential", "attorneys_eyes_only", "privileged", "protective_order"]


def _enum(name: str, values: list[str]) -> sa.Enum:
    return sa.Enum(
        *values, name=f"{name}_enum", native_enum=False, length=32, create_constraint=True
    )


def _roles(values: list[str]) -> None:
    """Replace the CHECK on users.role (a non-native enum) with one naming ``values``."""
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("ck_users_role_enum"), type_="check")
        batch.create_check_constraint(op.f("ck_users_role_enum"), sa.column("role").in_(values))


def upgrade() -> None:
    _roles([*_ROLES[:-1], "mediator", _ROLES[-1]])
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("assessed_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("facts", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("assigned_user_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_assessments_assigned_user_id_users"), "users", ["assigned_user_id"], ["id"]
        )
        batch.create_index(batch.f("ix_assessments_assigned_user_id"), ["assigned_user_id"])
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("section", sa.String(40), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("evidence_items", sa.JSON(), nullable=False, server_default="[]")
        )
    with op.batch_alter_table("remediation_actions") as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("effort_hours", sa.Float(), nullable=False, server_default="0"))
    with op.batch_alter_table("service_packages") as batch:
        batch.add_column(sa.Column("hours_used", sa.Float(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("topics", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("disputes") as batch:
        batch.add_column(sa.Column("assigned_user_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("suitability", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column(
                "judicial_confirmation",
                _enum("judicial_confirmation", ["not_sought", "requested", "confirmed", "refused"]),
                nullable=False,
                server_default="not_sought",
            )
        )
        batch.add_column(sa.Column("case_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            batch.f("fk_disputes_assigned_user_id_users"), "users", ["assigned_user_id"], ["id"]
        )
        batch.create_foreign_key(batch.f("fk_disputes_case_id_cases"), "cases", ["case_id"], ["id"])
        batch.create_index(batch.f("ix_disputes_assigned_user_id"), ["assigned_user_id"])
        batch.create_index(batch.f("ix_disputes_case_id"), ["case_id"])
    with op.batch_alter_table("mediation_sessions") as batch:
        batch.add_column(
            sa.Column(
                "confidentiality",
                _enum("confidentiality", _MARKINGS),
                nullable=False,
                server_default="privileged",
            )
        )
        batch.add_column(
            sa.Column("disclosure_agreed", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("mediation_sessions") as batch:
        batch.drop_constraint(op.f("ck_mediation_sessions_confidentiality_enum"), type_="check")
        batch.drop_column("disclosure_agreed")
        batch.drop_column("confidentiality")
    with op.batch_alter_table("disputes") as batch:
        batch.drop_index(batch.f("ix_disputes_case_id"))
        batch.drop_index(batch.f("ix_disputes_assigned_user_id"))
        batch.drop_constraint(batch.f("fk_disputes_case_id_cases"), type_="foreignkey")
        batch.drop_constraint(batch.f("fk_disputes_assigned_user_id_users"), type_="foreignkey")
        batch.drop_constraint(op.f("ck_disputes_judicial_confirmation_enum"), type_="check")
        for column in ("case_id", "judicial_confirmation", "suitability", "assigned_user_id"):
            batch.drop_column(column)
    with op.batch_alter_table("service_packages") as batch:
        batch.drop_column("topics")
        batch.drop_column("hours_used")
    with op.batch_alter_table("remediation_actions") as batch:
        batch.drop_column("effort_hours")
        batch.drop_column("priority")
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("evidence_items")
        batch.drop_column("section")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_index(batch.f("ix_assessments_assigned_user_id"))
        batch.drop_constraint(batch.f("fk_assessments_assigned_user_id_users"), type_="foreignkey")
        for column in ("assigned_user_id", "facts", "assessed_on"):
            batch.drop_column(column)
    op.execute(sa.text("UPDATE users SET role = 'viewer' WHERE role = 'mediator'"))
    _roles(_ROLES)
