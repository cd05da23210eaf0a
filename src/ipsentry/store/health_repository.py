"""Health checks and disputes: the queries their services need, and nothing else."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ipsentry.domain.disputes import Dispute
from ipsentry.domain.health import Assessment, AssessmentStatus, Questionnaire
from ipsentry.domain.outreach import OutreachEvent, OutreachKind
from ipsentry.domain.parties import Party
from ipsentry.domain.screening import Hit
from ipsentry.store import tables as t


class HealthRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: object) -> None:
        self.session.add(record)

    def questionnaire(self, key: str, version: int) -> Questionnaire | None:
        table = t.questionnaire_table
        query = sa.select(Questionnaire).where(table.c.key == key, table.c.version == version)
        return self.session.scalars(query).first()

    def questionnaire_by_id(self, questionnaire_id: int) -> Questionnaire | None:
        return self.session.get(Questionnaire, questionnaire_id)

    def assessment(self, assessment_id: int) -> Assessment | None:
        return self.session.get(Assessment, assessment_id)

    def assessments(self, organisation_id: int) -> Sequence[Assessment]:
        """Assessments of this enterprise, or run by this provider, newest first."""
        table = t.assessment_table
        query = (
            sa.select(Assessment)
            .where(
                sa.or_(
                    table.c.enterprise_organisation_id == organisation_id,
                    table.c.provider_organisation_id == organisation_id,
                )
            )
            .order_by(table.c.created_at.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).all()

    def latest_diagnosed(self, enterprise_id: int) -> Assessment | None:
        table = t.assessment_table
        query = (
            sa.select(Assessment)
            .where(
                table.c.enterprise_organisation_id == enterprise_id,
                table.c.status.in_([AssessmentStatus.DIAGNOSED, AssessmentStatus.CLOSED]),
            )
            .order_by(table.c.assessed_on.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).first()

    def hits(self, organisation_id: int) -> Sequence[Hit]:
        """Every screening hit of the organisation's runs."""
        runs = t.screening_run_table
        query = (
            sa.select(Hit)
            .join(runs, t.hit_table.c.run_id == runs.c.id)
            .where(runs.c.organisation_id == organisation_id)
        )
        return self.session.scalars(query).all()

    def dispute(self, dispute_id: int) -> Dispute | None:
        return self.session.get(Dispute, dispute_id)

    def disputes(self, provider_id: int) -> Sequence[Dispute]:
        table = t.dispute_table
        query = (
            sa.select(Dispute)
            .where(table.c.provider_organisation_id == provider_id)
            .order_by(table.c.received_on.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).all()

    def party(self, party_id: int) -> Party | None:
        return self.session.get(Party, party_id)

    def parties(self, organisation_id: int) -> Sequence[Party]:
        query = sa.select(Party).where(t.party_table.c.organisation_id == organisation_id)
        return self.session.scalars(query).all()

    def outreach_event(self, event_id: int) -> OutreachEvent | None:
        return self.session.get(OutreachEvent, event_id)

    def case_studies(self) -> Sequence[OutreachEvent]:
        """Every provider's case studies, newest first (whom each is shared with is a list
        in the row: the service picks a reader's)."""
        table = t.outreach_table
        query = (
            sa.select(OutreachEvent)
            .where(table.c.kind == OutreachKind.CASE_STUDY)
            .order_by(table.c.held_on.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).all()

    def outreach(self, provider_id: int) -> Sequence[OutreachEvent]:
        table = t.outreach_table
        query = (
            sa.select(OutreachEvent)
            .where(table.c.provider_organisation_id == provider_id)
            .order_by(table.c.held_on.desc(), table.c.id.desc())
        )
        return self.session.scalars(query).all()
