"""Who uses ipsentry, in which organisation and role, what each role may do, and what they did.

What a role may do is data (``PERMISSIONS``), read by the services that enforce it and by
the authorisation-matrix test; interfaces never decide it themselves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ipsentry.domain.common import Confidentiality


class OrganisationKind(enum.StrEnum):
    RIGHTS_HOLDER = "rights_holder"
    CUSTOMS = "customs"
    LEGAL_SERVICE = "legal_service"  # prosecutors' outreach, court, lawyers' association
    OPERATOR = "operator"  # runs the installation


class Role(enum.StrEnum):
    ADMIN = "admin"
    COUNSEL = "counsel"  # may see privileged and attorneys'-eyes-only records
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    CUSTOMS_OFFICER = "customs_officer"
    LEGAL_SERVICE = "legal_service"
    MEDIATOR = "mediator"  # a legal-service provider's mediator: sees only disputes assigned
    VIEWER = "viewer"

    @property
    def clearance(self) -> Confidentiality:
        """The most restricted marking this role may read within its organisation."""
        return _CLEARANCE[self]


class Permission(enum.StrEnum):
    """One kind of action a service checks before it reads or changes anything."""

    READ = "read"  # the organisation's records, up to the role's clearance
    WRITE_PORTFOLIO = "write_portfolio"  # import and change rights
    SCREEN = "screen"  # upload observations and run screenings
    REVIEW = "review"  # confirm, dismiss or escalate hits
    EXPORT = "export"  # downloads and reports of the organisation's records
    MANAGE_USERS = "manage_users"  # add and deactivate users of the organisation
    MANAGE_GRANTS = "manage_grants"  # share records with another organisation
    READ_AUDIT = "read_audit"  # browse the audit log
    USE_TOKENS = "use_tokens"  # create API tokens for oneself
    ASSESS_HEALTH = "assess_health"  # run IP health checks: answers, diagnosis, plan
    MEDIATE = "mediate"  # work on disputes: assess suitability, hold sessions, record outcomes
    # The provider's side of a dispute, never a mediator's (a neutral): take disputes in,
    # hand them to another lawyer or mediator, refer them into enforcement cases.
    TAKE_IN_DISPUTES = "take_in_disputes"
    BORDER_CONTROL = "border_control"  # customs: score declarations, detain, seize, release
    MANAGE_INDEXES = "manage_indexes"  # rebuild the installation's register and patent indexes
    # Only admins of an operator organisation or of the one that owns the installation.
    MANAGE_ORGANISATIONS = "manage_organisations"


_P = Permission
_STAFF = frozenset({_P.READ, _P.EXPORT, _P.USE_TOKENS})
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission) - {_P.MANAGE_ORGANISATIONS},
    Role.COUNSEL: _STAFF
    | {_P.WRITE_PORTFOLIO, _P.SCREEN, _P.REVIEW, _P.MANAGE_GRANTS, _P.ASSESS_HEALTH},
    Role.ANALYST: _STAFF | {_P.WRITE_PORTFOLIO, _P.SCREEN, _P.REVIEW},
    Role.REVIEWER: _STAFF | {_P.REVIEW},
    Role.CUSTOMS_OFFICER: _STAFF | {_P.BORDER_CONTROL},
    Role.LEGAL_SERVICE: _STAFF | {_P.ASSESS_HEALTH, _P.MEDIATE, _P.TAKE_IN_DISPUTES},
    Role.MEDIATOR: _STAFF | {_P.MEDIATE},
    Role.VIEWER: frozenset({_P.READ}),
}


def roles_with(permission: Permission) -> list[Role]:
    """The roles that may do ``permission``: what a page tells a user who may not, so they
    know whom to ask."""
    return [role for role in Role if permission in PERMISSIONS[role]]


class GrantScope(enum.StrEnum):
    """What one organisation lets another read of its records (DESIGN.md §3)."""

    CUSTOMS_RECORDATIONS = "customs_recordations"  # a rights holder's recordations, to customs
    ENGAGEMENT = "engagement"  # an enterprise engaging a legal-service provider: its portfolio

    @property
    def grantee_kinds(self) -> frozenset[OrganisationKind]:
        return _GRANTEE_KINDS[self]


_GRANTEE_KINDS = {
    GrantScope.CUSTOMS_RECORDATIONS: frozenset({OrganisationKind.CUSTOMS}),
    GrantScope.ENGAGEMENT: frozenset({OrganisationKind.LEGAL_SERVICE}),
}

_CLEARANCE = {
    Role.ADMIN: Confidentiality.PROTECTIVE_ORDER,
    Role.COUNSEL: Confidentiality.PROTECTIVE_ORDER,
    Role.ANALYST: Confidentiality.CONFIDENTIAL,
    Role.REVIEWER: Confidentiality.CONFIDENTIAL,
    Role.CUSTOMS_OFFICER: Confidentiality.CONFIDENTIAL,
    Role.LEGAL_SERVICE: Confidentiality.CONFIDENTIAL,
    Role.MEDIATOR: Confidentiality.PRIVILEGED,  # mediation records are privileged
    Role.VIEWER: Confidentiality.PUBLIC,
}


@dataclass(kw_only=True, eq=False)
class Organisation:
    name: str
    kind: OrganisationKind
    slug: str
    country: str = ""
    owns_installation: bool = False  # created by 'ipsentry init'; its admins add organisations
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class User:
    organisation_id: int
    email: str
    name: str
    role: Role
    password_hash: str = ""
    active: bool = True
    id: int | None = None

    def may_read(self, marking: Confidentiality) -> bool:
        return marking.rank <= self.role.clearance.rank


@dataclass(kw_only=True, eq=False)
class Grant:
    """A recorded permission for ``grantee`` to read part of ``grantor``'s records.

    Kept after revocation (``revoked_at``) so the audit trail shows who could see what when.
    """

    grantor_organisation_id: int
    grantee_organisation_id: int
    scope: GrantScope
    created_at: datetime
    created_by_user_id: int | None = None
    note: str = ""
    revoked_at: datetime | None = None
    id: int | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(kw_only=True, eq=False)
class ApiToken:
    user_id: int
    name: str
    token_hash: str
    created_at: datetime
    revoked: bool = False
    prefix: str = ""  # the first characters, shown in lists so a token can be recognised
    last_used_at: datetime | None = None
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class WebSession:
    """A signed-in browser: the cookie holds a random secret, the database only its hash."""

    user_id: int
    token_hash: str
    csrf_token: str
    created_at: datetime
    expires_at: datetime
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class LoginFailure:
    """A failed sign-in, kept for a while to slow guessing per account and per address."""

    at: datetime
    email: str
    address: str
    id: int | None = None


@dataclass(kw_only=True, eq=False)
class AuditEntry:
    at: datetime
    action: str  # e.g. "portfolio.import", "hit.review"
    organisation_id: int | None = None
    user_id: int | None = None
    entity: str = ""
    entity_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] | None = None  # the record as it was; None when it was created
    after: dict[str, Any] | None = None  # the record as it became; None when it was removed
    id: int | None = None
