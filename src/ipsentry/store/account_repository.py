"""Queries about organisations, users, grants, tokens, sessions and the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.accounts import (
    ApiToken,
    AuditEntry,
    Grant,
    GrantScope,
    LoginFailure,
    Organisation,
    User,
    WebSession,
)
from ipsentry.store import tables as t


@dataclass(frozen=True)
class AuditFilter:
    organisation_id: int | None = None  # None: every organisation (operators)
    action: str | None = None
    entity: str | None = None
    user_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: object) -> None:
        self.session.add(record)

    # --- organisations and users --------------------------------------------------------
    def organisation(self, organisation_id: int) -> Organisation | None:
        return self.session.get(Organisation, organisation_id)

    def organisations(self) -> Sequence[Organisation]:
        return self.session.scalars(sa.select(Organisation).order_by(t.organisations.c.id)).all()

    def user(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def users(self, organisation_id: int | None = None) -> Sequence[User]:
        query = sa.select(User).order_by(t.users.c.organisation_id, t.users.c.email)
        if organisation_id is not None:
            query = query.where(t.users.c.organisation_id == organisation_id)
        return self.session.scalars(query).all()

    def count_users(self) -> int:
        return int(self.session.scalar(sa.select(sa.func.count()).select_from(t.users)) or 0)

    # --- grants ------------------------------------------------------------------------
    def grants(self, organisation_id: int) -> Sequence[Grant]:
        """Grants given by or to the organisation, revoked ones included."""
        query = (
            sa.select(Grant)
            .where(
                sa.or_(
                    t.grants.c.grantor_organisation_id == organisation_id,
                    t.grants.c.grantee_organisation_id == organisation_id,
                )
            )
            .order_by(t.grants.c.id)
        )
        return self.session.scalars(query).all()

    def grantors(self, grantee_id: int, scope: GrantScope) -> set[int]:
        """Organisations whose ``scope`` records the grantee may read now."""
        query = sa.select(t.grants.c.grantor_organisation_id).where(
            t.grants.c.grantee_organisation_id == grantee_id,
            t.grants.c.scope == scope,
            t.grants.c.revoked_at.is_(None),
        )
        return set(self.session.scalars(query).all())

    def grant(self, grant_id: int) -> Grant | None:
        return self.session.get(Grant, grant_id)

    # --- tokens and sessions ------------------------------------------------------------
    def token(self, token_id: int) -> ApiToken | None:
        return self.session.get(ApiToken, token_id)

    def token_by_hash(self, token_hash: str) -> ApiToken | None:
        query = sa.select(ApiToken).where(t.api_tokens.c.token_hash == token_hash)
        return self.session.scalars(query).first()

    def tokens(self, user_id: int) -> Sequence[ApiToken]:
        query = sa.select(ApiToken).where(t.api_tokens.c.user_id == user_id)
        return self.session.scalars(query.order_by(t.api_tokens.c.id)).all()

    def session_by_hash(self, token_hash: str) -> WebSession | None:
        query = sa.select(WebSession).where(t.web_sessions.c.token_hash == token_hash)
        return self.session.scalars(query).first()

    def remove(self, record: object) -> None:
        self.session.delete(record)

    def end_sessions(self, user_id: int) -> None:
        self.session.execute(sa.delete(t.web_sessions).where(t.web_sessions.c.user_id == user_id))

    def remove_expired_sessions(self, now: datetime) -> None:
        self.session.execute(sa.delete(t.web_sessions).where(t.web_sessions.c.expires_at < now))

    def failures_since(self, since: datetime, *, email: str = "", address: str = "") -> int:
        column = t.login_failures.c.email if email else t.login_failures.c.address
        query = sa.select(sa.func.count()).where(
            t.login_failures.c.at >= since, column == (email or address)
        )
        return int(self.session.scalar(query) or 0)

    def forget_failures(self, before: datetime) -> None:
        self.session.execute(sa.delete(t.login_failures).where(t.login_failures.c.at < before))

    def add_failure(self, failure: LoginFailure) -> None:
        self.session.add(failure)

    # --- audit log ---------------------------------------------------------------------
    def audit_entries(
        self, where: AuditFilter, *, offset: int = 0, limit: int = 50
    ) -> tuple[Sequence[AuditEntry], int]:
        """One page of entries, newest first, and how many match in all."""
        table = t.audit_entries
        conditions = []
        if where.organisation_id is not None:
            conditions.append(table.c.organisation_id == where.organisation_id)
        if where.action:
            conditions.append(table.c.action == where.action)
        if where.entity:
            conditions.append(table.c.entity == where.entity)
        if where.user_id is not None:
            conditions.append(table.c.user_id == where.user_id)
        if where.since is not None:
            conditions.append(table.c.at >= where.since)
        if where.until is not None:
            conditions.append(table.c.at < where.until)
        total = self.session.scalar(
            sa.select(sa.func.count()).select_from(table).where(*conditions)
        )
        query = (
            sa.select(AuditEntry)
            .where(*conditions)
            .order_by(table.c.at.desc(), table.c.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return self.session.scalars(query).all(), int(total or 0)
