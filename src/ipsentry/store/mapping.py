"""Maps the plain domain classes onto the tables (SQLAlchemy imperative mapping).

The domain never imports this module; ``start_mappers`` runs once per process before any
session is opened, which ``store.database`` guarantees.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import composite, registry, relationship

from ipsentry.domain import (
    accounts,
    cases,
    customs,
    disputes,
    evidence,
    health,
    parties,
    rights,
    takedowns,
)
from ipsentry.domain.common import Money
from ipsentry.domain.jobs import Job
from ipsentry.domain.observations import Observation
from ipsentry.domain.outreach import OutreachEvent
from ipsentry.domain.screening import Hit, ReviewDecision, ScreeningRun
from ipsentry.store import tables as t

mapper_registry = registry(metadata=t.metadata)
_started = False


def _money(table: Any, prefix: str) -> Any:
    def none_when_unset(amount: Decimal | None, currency: str | None) -> bool:
        return amount is None and currency is None

    return composite(
        Money,
        table.c[f"{prefix}_amount"],
        table.c[f"{prefix}_currency"],
        return_none_on=none_when_unset,
    )


def _children(cls: type, order_by: Any) -> Any:
    return relationship(cls, order_by=order_by, cascade="all, delete-orphan", lazy="selectin")


def start_mappers() -> None:
    global _started
    if _started:
        return
    _started = True
    m = mapper_registry.map_imperatively
    m(accounts.Organisation, t.organisations)
    m(accounts.User, t.users)
    m(accounts.ApiToken, t.api_tokens)
    m(accounts.AuditEntry, t.audit_entries)
    m(accounts.Grant, t.grants)
    m(accounts.WebSession, t.web_sessions)
    m(accounts.LoginFailure, t.login_failures)
    m(Job, t.job_table)

    m(parties.PartyAlias, t.party_aliases)
    m(parties.PartyIdentifier, t.party_identifiers)
    m(
        parties.Party,
        t.party_table,
        properties={
            "aliases": _children(parties.PartyAlias, t.party_aliases.c.id),
            "identifiers": _children(parties.PartyIdentifier, t.party_identifiers.c.id),
        },
    )

    m(rights.ClaimElement, t.claim_element_table)
    m(
        rights.Claim,
        t.claim_table,
        properties={
            "elements": _children(rights.ClaimElement, t.claim_element_table.c.position),
        },
    )
    m(rights.NiceClassEntry, t.nice_class_table)
    m(
        rights.Right,
        t.right_table,
        polymorphic_on=t.right_table.c.kind,
        polymorphic_abstract=True,
        with_polymorphic="*",
    )
    m(
        rights.Patent,
        t.patent_table,
        inherits=rights.Right,
        polymorphic_identity=rights.RightKind.PATENT,
        properties={"claims": _children(rights.Claim, t.claim_table.c.num)},
    )
    m(
        rights.Trademark,
        t.trademark_table,
        inherits=rights.Right,
        polymorphic_identity=rights.RightKind.TRADEMARK,
        properties={"classes": _children(rights.NiceClassEntry, t.nice_class_table.c.number)},
    )
    m(rights.Licence, t.licence_table)
    m(rights.AuthorisedTrader, t.authorised_trader_table)

    m(Observation, t.observation_table)
    m(ReviewDecision, t.review_table)
    m(
        Hit,
        t.hit_table,
        properties={"decisions": _children(ReviewDecision, t.review_table.c.decided_at)},
    )
    m(
        ScreeningRun,
        t.screening_run_table,
        properties={"hits": _children(Hit, t.hit_table.c.id)},
    )

    m(customs.Recordation, t.recordation_table)
    m(
        customs.Detention,
        t.detention_table,
        properties={
            "security": _money(t.detention_table, "security"),
            "value": _money(t.detention_table, "value"),
            "storage_cost": _money(t.detention_table, "storage_cost"),
            "destruction_cost": _money(t.detention_table, "destruction_cost"),
        },
    )
    m(
        customs.ScoredDeclaration,
        t.customs_declaration_table,
        properties={"unit_value": _money(t.customs_declaration_table, "unit_value")},
    )
    m(customs.ProtectionPlan, t.protection_plan_table)
    m(customs.SeizureBatch, t.seizure_batch_table)

    m(evidence.CustodyEntry, t.custody_table)
    m(
        evidence.EvidenceItem,
        t.evidence_table,
        properties={
            "price": _money(t.evidence_table, "price"),
            "custody": _children(evidence.CustodyEntry, t.custody_table.c.sequence),
        },
    )

    m(cases.Disposition, t.disposition_table)
    m(
        cases.CaseParty,
        t.case_party_table,
        properties={"dispositions": _children(cases.Disposition, t.disposition_table.c.id)},
    )
    m(cases.CaseEvent, t.case_event_table)
    m(cases.Remedy, t.remedy_table)
    m(
        cases.CaseAmount,
        t.case_amount_table,
        properties={"money": _money(t.case_amount_table, "money")},
    )
    m(
        cases.Case,
        t.case_table,
        properties={
            "parties": _children(cases.CaseParty, t.case_party_table.c.id),
            "events": _children(cases.CaseEvent, t.case_event_table.c.on),
            "remedies": _children(cases.Remedy, t.remedy_table.c.id),
            "amounts": _children(cases.CaseAmount, t.case_amount_table.c.id),
        },
    )

    m(takedowns.TakedownListing, t.takedown_listing_table)
    m(takedowns.TakedownStep, t.takedown_step_table)
    m(
        takedowns.TakedownNotice,
        t.takedown_table,
        properties={
            "listings": _children(takedowns.TakedownListing, t.takedown_listing_table.c.id),
            "steps": _children(takedowns.TakedownStep, t.takedown_step_table.c.id),
        },
    )

    m(health.Questionnaire, t.questionnaire_table)
    m(health.Finding, t.finding_table)
    m(health.RemediationAction, t.action_table)
    m(health.ServicePackage, t.service_package_table)
    m(
        health.Assessment,
        t.assessment_table,
        properties={
            "findings": _children(health.Finding, t.finding_table.c.id),
            "actions": _children(health.RemediationAction, t.action_table.c.id),
            "packages": _children(health.ServicePackage, t.service_package_table.c.id),
        },
    )

    m(OutreachEvent, t.outreach_table)
    m(disputes.MediationSession, t.mediation_session_table)
    m(
        disputes.Dispute,
        t.dispute_table,
        properties={
            "amount": _money(t.dispute_table, "amount"),
            "sessions": _children(disputes.MediationSession, t.mediation_session_table.c.held_on),
        },
    )
