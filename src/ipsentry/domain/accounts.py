"""Who uses ipsentry, in which organisation and role, and what they did."""

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
    VIEWER = "viewer"

    @property
    def clearance(self) -> Confidentiality:
        """The most restricted marking this role may read within its organisation."""
        return _CLEARANCE[self]


_CLEARANCE = {
    Role.ADMIN: Confidentiality.PROTECTIVE_ORDER,
    Role.COUNSEL: Confidentiality.PROTECTIVE_ORDER,
    Role.ANALYST: Confidentiality.CONFIDENTIAL,
    Role.REVIEWER: Confidentiality.CONFIDENTIAL,
    Role.CUSTOMS_OFFICER: Confidentiality.CONFIDENTIAL,
    Role.LEGAL_SERVICE: Confidentiality.CONFIDENTIAL,
    Role.VIEWER: Confidentiality.PUBLIC,
}


@dataclass(kw_only=True, eq=False)
class Organisation:
    name: str
    kind: OrganisationKind
    slug: str
    country: str = ""
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
class ApiToken:
    user_id: int
    name: str
    token_hash: str
    created_at: datetime
    revoked: bool = False
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
    id: int | None = None
