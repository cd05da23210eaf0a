"""Every table of ipsentry. The domain classes know nothing of these; ``mapping`` joins them."""

from __future__ import annotations

import sqlalchemy as sa

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
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.jobs import JobKind, JobStatus
from ipsentry.domain.observations import ObservationKind
from ipsentry.domain.outreach import OutreachKind
from ipsentry.domain.screening import HitKind, ReviewStatus, RunStatus
from ipsentry.store.columns import (
    GuideJSON,
    StepsJSON,
    UtcDateTime,
    enum_column,
    fk,
    illustrative,
    marking,
    money,
    org,
    pk,
)

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
S = sa.String

# --- accounts ---------------------------------------------------------------------------
organisations = sa.Table(
    "organisations",
    metadata,
    pk(),
    sa.Column("name", S(300), nullable=False),
    sa.Column("slug", S(80), nullable=False, unique=True),
    enum_column("kind", accounts.OrganisationKind, nullable=False),
    sa.Column("country", S(2), nullable=False, default=""),
    # The organisation 'ipsentry init' created: its admins create the other organisations.
    sa.Column("owns_installation", sa.Boolean, nullable=False, default=False),
)
users = sa.Table(
    "users",
    metadata,
    pk(),
    org(),
    sa.Column("email", S(320), nullable=False, unique=True),
    sa.Column("name", S(200), nullable=False),
    enum_column("role", accounts.Role, nullable=False),
    sa.Column("password_hash", S(400), nullable=False, default=""),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
)
api_tokens = sa.Table(
    "api_tokens",
    metadata,
    pk(),
    fk("user_id", "users.id"),
    sa.Column("name", S(200), nullable=False),
    sa.Column("token_hash", S(200), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
    sa.Column("prefix", S(16), nullable=False, default=""),
    sa.Column("last_used_at", sa.DateTime(timezone=True)),
)
grants = sa.Table(
    "grants",
    metadata,
    pk(),
    fk("grantor_organisation_id", "organisations.id"),
    fk("grantee_organisation_id", "organisations.id"),
    enum_column("scope", accounts.GrantScope, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    fk("created_by_user_id", "users.id", nullable=True),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)
web_sessions = sa.Table(
    "web_sessions",
    metadata,
    pk(),
    fk("user_id", "users.id", cascade=True),
    sa.Column("token_hash", S(128), nullable=False, unique=True),
    sa.Column("csrf_token", S(128), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
login_failures = sa.Table(
    "login_failures",
    metadata,
    pk(),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("email", S(320), nullable=False, index=True),
    sa.Column("address", S(64), nullable=False, index=True),
)
audit_entries = sa.Table(
    "audit_entries",
    metadata,
    pk(),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("action", S(80), nullable=False),
    fk("organisation_id", "organisations.id", nullable=True),
    fk("user_id", "users.id", nullable=True),
    sa.Column("entity", S(80), nullable=False, default=""),
    sa.Column("entity_id", sa.Integer),
    sa.Column("details", sa.JSON, nullable=False, default=dict),
    sa.Column("before", sa.JSON),
    sa.Column("after", sa.JSON),
)

# --- parties ----------------------------------------------------------------------------
party_table = sa.Table(
    "parties",
    metadata,
    pk(),
    org(),
    sa.Column("name", S(500), nullable=False, index=True),
    enum_column("kind", parties.PartyKind, nullable=False),
    sa.Column("country", S(2), nullable=False, default=""),
    sa.Column("address", sa.Text, nullable=False, default=""),
    marking(),
    illustrative(),
)
party_aliases = sa.Table(
    "party_aliases",
    metadata,
    pk(),
    fk("party_id", "parties.id", cascade=True),
    sa.Column("name", S(500), nullable=False, index=True),
    enum_column("kind", parties.AliasKind, nullable=False),
)
party_identifiers = sa.Table(
    "party_identifiers",
    metadata,
    pk(),
    fk("party_id", "parties.id", cascade=True),
    enum_column("kind", parties.IdentifierKind, nullable=False),
    sa.Column("value", S(300), nullable=False, index=True),
    sa.Column("issuer", S(200), nullable=False, default=""),
)

# --- rights -----------------------------------------------------------------------------
right_table = sa.Table(
    "rights",
    metadata,
    pk(),
    org(),
    enum_column("kind", rights.RightKind, nullable=False),
    sa.Column("jurisdiction", S(2), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    enum_column("status", rights.LegalStatus, nullable=False),
    sa.Column("owner", S(500), nullable=False, default=""),
    sa.Column("application_number", S(40)),
    sa.Column("publication_number", S(40)),
    sa.Column("registration_number", S(40)),
    sa.Column("kind_code", S(4), nullable=False, default=""),
    sa.Column("filing_date", sa.Date),
    sa.Column("priority_date", sa.Date),
    sa.Column("publication_date", sa.Date),
    sa.Column("registration_date", sa.Date),
    sa.Column("technology_family", S(200), nullable=False, default="", index=True),
    sa.Column("product_lines", sa.JSON, nullable=False, default=list),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    marking(),
    illustrative(),
    # A number identifies a right only within its office, series and kind of right.
    sa.UniqueConstraint("organisation_id", "kind", "jurisdiction", "application_number"),
    sa.UniqueConstraint(
        "organisation_id", "kind", "jurisdiction", "publication_number", "kind_code"
    ),
    sa.UniqueConstraint("organisation_id", "kind", "jurisdiction", "registration_number"),
)
patent_table = sa.Table(
    "patents",
    metadata,
    sa.Column("id", sa.Integer, sa.ForeignKey("rights.id", ondelete="CASCADE"), primary_key=True),
    enum_column("patent_type", rights.PatentType, nullable=False),
    sa.Column("family_id", S(40), nullable=False, default=""),
    sa.Column("earliest_nonprovisional_date", sa.Date),
    sa.Column("pct_national_phase", sa.Boolean, nullable=False, default=False),
    sa.Column("abstract", sa.Text, nullable=False, default=""),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("cpc", sa.JSON, nullable=False, default=list),
    sa.Column("ipc", sa.JSON, nullable=False, default=list),
    sa.Column("construction", sa.JSON, nullable=False, default=dict),
)
claim_table = sa.Table(
    "claims",
    metadata,
    pk(),
    fk("patent_id", "patents.id", cascade=True),
    sa.Column("num", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("depends_on", sa.Integer),
    sa.UniqueConstraint("patent_id", "num"),
)
claim_element_table = sa.Table(
    "claim_elements",
    metadata,
    pk(),
    fk("claim_id", "claims.id", cascade=True),
    sa.Column("position", sa.Integer, nullable=False),
    enum_column("role", rights.ElementRole, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
)
trademark_table = sa.Table(
    "trademarks",
    metadata,
    sa.Column("id", sa.Integer, sa.ForeignKey("rights.id", ondelete="CASCADE"), primary_key=True),
    enum_column("mark_type", rights.MarkType, nullable=False),
    enum_column("filing_basis", rights.FilingBasis, nullable=False),
    sa.Column("register", S(40), nullable=False, default="principal"),
    sa.Column("international_registration", S(40), nullable=False, default=""),
    sa.Column("disclaimers", sa.JSON, nullable=False, default=list),
    sa.Column("translation", sa.Text, nullable=False, default=""),
    sa.Column("transliteration", sa.Text, nullable=False, default=""),
    sa.Column("famous", sa.Boolean, nullable=False, default=False),
    sa.Column("first_use_date", sa.Date),
)
nice_class_table = sa.Table(
    "trademark_classes",
    metadata,
    pk(),
    fk("trademark_id", "trademarks.id", cascade=True),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("goods", sa.Text, nullable=False, default=""),
    sa.CheckConstraint("number BETWEEN 1 AND 45", name="nice_range"),
)
licence_table = sa.Table(
    "licences",
    metadata,
    pk(),
    fk("right_id", "rights.id", cascade=True),
    fk("licensee_id", "parties.id"),
    sa.Column("territory", S(200), nullable=False, default=""),
    sa.Column("field_of_use", sa.Text, nullable=False, default=""),
    sa.Column("exclusive", sa.Boolean, nullable=False, default=False),
    sa.Column("start", sa.Date),
    sa.Column("end", sa.Date),
    marking(),
)
authorised_trader_table = sa.Table(
    "authorised_traders",
    metadata,
    pk(),
    org(),
    fk("party_id", "parties.id"),
    fk("right_id", "rights.id", nullable=True, cascade=True),
    enum_column("role", rights.TraderRole, nullable=False),
    sa.Column("territory", S(200), nullable=False, default=""),
    sa.Column("valid_until", sa.Date),
    marking(),
)

# --- observations and screening ---------------------------------------------------------
observation_table = sa.Table(
    "observations",
    metadata,
    pk(),
    org(),
    enum_column("kind", ObservationKind, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("source", S(200), nullable=False, default=""),
    sa.Column("external_id", S(200), nullable=False, default=""),
    sa.Column("url", sa.Text, nullable=False, default=""),
    sa.Column("description", sa.Text, nullable=False, default=""),
    sa.Column("seller", S(500), nullable=False, default=""),
    sa.Column("declared_brand", S(300), nullable=False, default=""),
    sa.Column("hs_code", S(20), nullable=False, default=""),
    sa.Column("quantity", sa.Integer),
    sa.Column("origin_country", S(2), nullable=False, default=""),
    sa.Column("destination_country", S(2), nullable=False, default=""),
    sa.Column("observed_at", sa.DateTime(timezone=True)),
    sa.Column("attributes", sa.JSON, nullable=False, default=dict),
    fk("seller_party_id", "parties.id", nullable=True),
    marking(),
    illustrative(),
    sa.UniqueConstraint("organisation_id", "kind", "source", "external_id"),
)
screening_run_table = sa.Table(
    "screening_runs",
    metadata,
    pk(),
    org(),
    sa.Column("channel", S(40), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    enum_column("status", RunStatus, nullable=False),
    sa.Column("parameters", sa.JSON, nullable=False, default=dict),
    sa.Column("observations_screened", sa.Integer, nullable=False, default=0),
    fk("only_new_since_run_id", "screening_runs.id", nullable=True),
)
hit_table = sa.Table(
    "hits",
    metadata,
    pk(),
    fk("run_id", "screening_runs.id", cascade=True),
    enum_column("kind", HitKind, nullable=False),
    fk("observation_id", "observations.id"),
    fk("right_id", "rights.id"),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("similarity", sa.Float),
    sa.Column("verdict", S(40), nullable=False, default=""),
    sa.Column("explanation", sa.JSON, nullable=False, default=dict),
    enum_column("status", ReviewStatus, nullable=False),
    marking(),
    sa.Column("version", sa.Integer, nullable=False, default=1),
)
review_table = sa.Table(
    "review_decisions",
    metadata,
    pk(),
    fk("hit_id", "hits.id", cascade=True),
    enum_column("decision", ReviewStatus, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    fk("user_id", "users.id", nullable=True),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
)

job_table = sa.Table(
    "jobs",
    metadata,
    pk(),
    org(),
    fk("user_id", "users.id"),
    enum_column("kind", JobKind, nullable=False),
    enum_column("status", JobStatus, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True)),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("done", sa.Integer, nullable=False, default=0),
    sa.Column("total", sa.Integer, nullable=False, default=0),
    sa.Column("message", sa.Text, nullable=False, default=""),
    sa.Column("error", sa.Text, nullable=False, default=""),
    sa.Column("parameters", sa.JSON, nullable=False, default=dict),
    sa.Column("result", sa.JSON, nullable=False, default=dict),
)

# --- customs ----------------------------------------------------------------------------
_DECLARATION_TEXTS = ("declarant", "consignor", "consignee", "origin", "destination", "port",
                      "brand", "description", "address")  # fmt: skip
_DETENTION_PARTIES = ("declarant", "consignor", "consignee", "address")
recordation_table = sa.Table(
    "recordations",
    metadata,
    pk(),
    org(),
    fk("right_id", "rights.id"),
    enum_column("authority", customs.CustomsAuthority, nullable=False),
    sa.Column("number", S(80), nullable=False),
    sa.Column("goods", sa.Text, nullable=False, default=""),
    sa.Column("identification_guide", sa.Text, nullable=False, default=""),
    sa.Column("contact_point", sa.Text, nullable=False, default=""),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_until", sa.Date),
    marking(),
    illustrative(),
    sa.Column("guide", GuideJSON, nullable=False, default=dict),
    enum_column("coverage", customs.Coverage, nullable=False, default=customs.Coverage.BOTH),
    sa.UniqueConstraint("authority", "number"),
)
customs_declaration_table = sa.Table(
    "customs_declarations",
    metadata,
    pk(),
    org(),
    sa.Column("batch", S(300), nullable=False),
    sa.Column("row", sa.Integer, nullable=False),
    enum_column("direction", customs.Direction, nullable=False),
    *(sa.Column(name, sa.Text, nullable=False, default="") for name in _DECLARATION_TEXTS),
    sa.Column("hs_code", S(20), nullable=False, default=""),
    sa.Column("hs_edition", S(8), nullable=False, default="2022"),
    sa.Column("quantity", sa.Integer, nullable=False, default=0),
    *money("unit_value"),
    sa.Column("risk", sa.Float, nullable=False, default=0.0),
    sa.Column("level", S(8), nullable=False, default="low"),
    sa.Column("reasons", sa.JSON, nullable=False, default=list),
    sa.Column("right_ids", sa.JSON, nullable=False, default=list),
    enum_column("status", customs.QueueStatus, nullable=False),
    sa.Column("scored_at", UtcDateTime),
    fk("scored_by_user_id", "users.id", nullable=True),
    marking(),
    illustrative(),
)
protection_plan_table = sa.Table(
    "protection_plans",
    metadata,
    pk(),
    org(),
    fk("customs_organisation_id", "organisations.id"),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("ports", sa.JSON, nullable=False, default=list),
    sa.Column("routes", sa.JSON, nullable=False, default=list),
    sa.Column("product_lines", sa.JSON, nullable=False, default=list),
    sa.Column("starts_on", sa.Date),
    sa.Column("ends_on", sa.Date),
    sa.Column("holder_contact", sa.Text, nullable=False, default=""),
    sa.Column("customs_contact", sa.Text, nullable=False, default=""),
    sa.Column("training", sa.Text, nullable=False, default=""),
    sa.Column("recordation_ids", sa.JSON, nullable=False, default=list),
    marking(),
    illustrative(),
)
detention_table = sa.Table(
    "detentions",
    metadata,
    pk(),
    org(),
    enum_column("authority", customs.CustomsAuthority, nullable=False),
    fk("recordation_id", "recordations.id", nullable=True),
    fk("declaration_id", "observations.id", nullable=True),
    sa.Column("detained_on", sa.Date, nullable=False),
    sa.Column("goods", sa.Text, nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    enum_column("status", customs.DetentionStatus, nullable=False),
    sa.Column("notified_on", sa.Date),
    sa.Column("confirmed_on", sa.Date),
    sa.Column("closed_on", sa.Date),
    *money("security"),
    *money("value"),
    marking(),
    illustrative(),
    sa.Column("seized_on", sa.Date),
    enum_column("basis", customs.Basis, nullable=False, default=customs.Basis.EX_OFFICIO),
    enum_column("finding", customs.Finding, nullable=False, default=customs.Finding.UNDETERMINED),
    enum_column("direction", customs.Direction, nullable=False, default=customs.Direction.IMPORT),
    sa.Column("port", S(200), nullable=False, default=""),
    sa.Column("member_state", S(2), nullable=False, default=""),
    sa.Column("perishable", sa.Boolean, nullable=False, default=False),
    sa.Column("small_consignment", sa.Boolean, nullable=False, default=False),
    sa.Column("extended", sa.Boolean, nullable=False, default=False),
    *money("storage_cost"),
    *money("destruction_cost"),
    sa.Column("costs_borne_by", S(200), nullable=False, default=""),
    *(sa.Column(name, sa.Text, nullable=False, default="") for name in _DETENTION_PARTIES),
    sa.Column("note", sa.Text, nullable=False, default=""),
    fk("customs_organisation_id", "organisations.id", nullable=True),
    fk("customs_declaration_id", "customs_declarations.id", nullable=True),
    fk("protection_plan_id", "protection_plans.id", nullable=True),
)
seizure_batch_table = sa.Table(
    "seizure_batches",
    metadata,
    pk(),
    org(),
    enum_column("authority", customs.CustomsAuthority, nullable=False),
    sa.Column("seized_on", sa.Date, nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("goods", sa.Text, nullable=False, default=""),
    sa.Column("source", sa.Text, nullable=False, default=""),
    sa.Column("detention_ids", sa.JSON, nullable=False, default=list),
    marking(),
    illustrative(),
)

# --- cases ------------------------------------------------------------------------------
case_table = sa.Table(
    "cases",
    metadata,
    pk(),
    org(),
    enum_column("kind", cases.CaseKind, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("number", S(80), nullable=False, default=""),
    sa.Column("forum", S(200), nullable=False, default=""),
    sa.Column("filed_on", sa.Date),
    enum_column("status", cases.CaseStatus, nullable=False),
    sa.Column("asserted_right_ids", sa.JSON, nullable=False, default=list),
    marking(),
    illustrative(),
    enum_column("side", cases.CaseSide, nullable=False, default=cases.CaseSide.BROUGHT),
    sa.Column("jurisdiction", S(2), nullable=False, default=""),
    sa.Column("served_on", sa.Date),
)
case_party_table = sa.Table(
    "case_parties",
    metadata,
    pk(),
    fk("case_id", "cases.id", cascade=True),
    fk("party_id", "parties.id"),
    enum_column("role", cases.PartyRole, nullable=False),
    sa.UniqueConstraint("case_id", "party_id", "role"),
)
disposition_table = sa.Table(
    "dispositions",
    metadata,
    pk(),
    fk("case_party_id", "case_parties.id", cascade=True),
    enum_column("kind", cases.DispositionKind, nullable=False),
    sa.Column("on", sa.Date),
    sa.Column("source", sa.Text, nullable=False),
    fk("right_id", "rights.id", nullable=True),
    sa.Column("steps", StepsJSON, nullable=False, default=list),
)
case_event_table = sa.Table(
    "case_events",
    metadata,
    pk(),
    fk("case_id", "cases.id", cascade=True),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=False, default=""),
)
remedy_table = sa.Table(
    "remedies",
    metadata,
    pk(),
    fk("case_id", "cases.id", cascade=True),
    enum_column("kind", cases.RemedyKind, nullable=False),
    sa.Column("ordered_on", sa.Date),
    fk("against_party_id", "parties.id", nullable=True),
    fk("right_id", "rights.id", nullable=True),
    sa.Column("source", sa.Text, nullable=False, default=""),
)
case_amount_table = sa.Table(
    "case_amounts",
    metadata,
    pk(),
    fk("case_id", "cases.id", cascade=True),
    enum_column("kind", cases.AmountKind, nullable=False),
    *money("money"),
    sa.Column("on", sa.Date),
    fk("party_id", "parties.id", nullable=True),
    sa.Column("source", sa.Text, nullable=False, default=""),
)

# --- health check -----------------------------------------------------------------------
questionnaire_table = sa.Table(
    "questionnaires",
    metadata,
    pk(),
    sa.Column("key", S(80), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("title", S(300), nullable=False),
    sa.Column("questions", sa.JSON, nullable=False, default=list),
    sa.UniqueConstraint("key", "version"),
)
assessment_table = sa.Table(
    "assessments",
    metadata,
    pk(),
    fk("enterprise_organisation_id", "organisations.id"),
    fk("provider_organisation_id", "organisations.id", nullable=True),
    fk("questionnaire_id", "questionnaires.id"),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    enum_column("status", health.AssessmentStatus, nullable=False),
    sa.Column("answers", sa.JSON, nullable=False, default=dict),
    fk("previous_assessment_id", "assessments.id", nullable=True),
    marking(),
    sa.Column("assessed_on", sa.Date),
    sa.Column("facts", sa.JSON),
    fk("assigned_user_id", "users.id", nullable=True),
)
finding_table = sa.Table(
    "findings",
    metadata,
    pk(),
    fk("assessment_id", "assessments.id", cascade=True),
    sa.Column("code", S(80), nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    enum_column("severity", health.Severity, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False, default=""),
    sa.Column("section", S(40), nullable=False, default=""),
    sa.Column("evidence_items", sa.JSON, nullable=False, default=list),
)
action_table = sa.Table(
    "remediation_actions",
    metadata,
    pk(),
    fk("assessment_id", "assessments.id", cascade=True),
    fk("finding_id", "findings.id", nullable=True),
    sa.Column("title", sa.Text, nullable=False),
    enum_column("status", health.ActionStatus, nullable=False),
    sa.Column("due_on", sa.Date),
    sa.Column("owner", S(200), nullable=False, default=""),
    sa.Column("priority", sa.Integer, nullable=False, default=0),
    sa.Column("effort_hours", sa.Float, nullable=False, default=0.0),
)
service_package_table = sa.Table(
    "service_packages",
    metadata,
    pk(),
    fk("assessment_id", "assessments.id", cascade=True),
    fk("provider_organisation_id", "organisations.id"),
    sa.Column("title", S(300), nullable=False),
    sa.Column("hours", sa.Float, nullable=False, default=0.0),
    sa.Column("status", S(40), nullable=False, default="proposed"),
    sa.Column("hours_used", sa.Float, nullable=False, default=0.0),
    sa.Column("topics", sa.JSON, nullable=False, default=list),
)

outreach_table = sa.Table(
    "outreach_events",
    metadata,
    pk(),
    fk("provider_organisation_id", "organisations.id"),
    enum_column("kind", OutreachKind, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("attendance", sa.Integer, nullable=False, default=0),
    sa.Column("summary", sa.Text, nullable=False, default=""),
    sa.Column("enterprise_ids", sa.JSON, nullable=False, default=list),
    fk("dispute_id", "disputes.id", nullable=True),
    enum_column("confidentiality", Confidentiality, nullable=False, default=Confidentiality.PUBLIC),
)

# --- disputes ---------------------------------------------------------------------------
dispute_table = sa.Table(
    "disputes",
    metadata,
    pk(),
    fk("provider_organisation_id", "organisations.id"),
    sa.Column("title", sa.Text, nullable=False),
    fk("claimant_party_id", "parties.id"),
    fk("respondent_party_id", "parties.id"),
    sa.Column("received_on", sa.Date, nullable=False),
    sa.Column("claims", sa.Text, nullable=False, default=""),
    sa.Column("right_ids", sa.JSON, nullable=False, default=list),
    *money("amount"),
    enum_column("status", disputes.DisputeStatus, nullable=False),
    enum_column("outcome", disputes.OutcomeKind, nullable=True),
    sa.Column("outcome_on", sa.Date),
    sa.Column("outcome_notes", sa.Text, nullable=False, default=""),
    marking(),
    illustrative(),
    fk("assigned_user_id", "users.id", nullable=True),
    fk("mediator_user_id", "users.id", nullable=True),
    sa.Column("suitability", sa.JSON),
    enum_column(
        "judicial_confirmation",
        disputes.JudicialConfirmation,
        nullable=False,
        default=disputes.JudicialConfirmation.NOT_SOUGHT,
    ),
    sa.Column("confirmation_requested_on", sa.Date),
    sa.Column("confirmation_decided_on", sa.Date),
    sa.Column("confirmation_court", S(disputes.COURT_LIMIT), nullable=False, default=""),
    sa.Column(
        "confirmation_reference", S(disputes.COURT_REFERENCE_LIMIT), nullable=False, default=""
    ),
    fk("case_id", "cases.id", nullable=True),
)
mediation_session_table = sa.Table(
    "mediation_sessions",
    metadata,
    pk(),
    fk("dispute_id", "disputes.id", cascade=True),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("mediator", S(200), nullable=False, default=""),
    sa.Column("notes", sa.Text, nullable=False, default=""),
    enum_column(
        "confidentiality", Confidentiality, nullable=False, default=Confidentiality.PRIVILEGED
    ),
    sa.Column("disclosure_agreed", sa.Boolean, nullable=False, default=False),
)


# --- evidence ---------------------------------------------------------------------------
evidence_table = sa.Table(
    "evidence_items",
    metadata,
    pk(),
    org(),
    fk("case_id", "cases.id", nullable=True),
    enum_column("kind", evidence.EvidenceKind, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("sha256", S(64), nullable=False, index=True),
    sa.Column("captured_at", UtcDateTime, nullable=False),
    sa.Column("captured_by", S(320), nullable=False),
    sa.Column("media_type", S(100), nullable=False, default=""),
    sa.Column("source_url", sa.Text, nullable=False, default=""),
    sa.Column("locale", S(35), nullable=False, default=""),
    sa.Column("ship_to", S(2), nullable=False, default=""),
    *money("price"),
    sa.Column("seller_id", S(200), nullable=False, default=""),
    marking(),
    sa.Column("source", sa.Text, nullable=False, default=""),
    fk("hit_id", "hits.id", nullable=True),
    fk("observation_id", "observations.id", nullable=True),
    fk("detention_id", "detentions.id", nullable=True),
)
# The captured bytes, apart from the item so listing evidence never loads them.
evidence_content_table = sa.Table(
    "evidence_contents",
    metadata,
    sa.Column(
        "evidence_id",
        sa.Integer,
        sa.ForeignKey("evidence_items.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("content", sa.LargeBinary, nullable=False),
)
custody_table = sa.Table(
    "custody_entries",
    metadata,
    pk(),
    fk("evidence_id", "evidence_items.id", cascade=True),
    sa.Column("sequence", sa.Integer, nullable=False),
    sa.Column("holder", S(320), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    sa.Column("claim_elements", sa.JSON, nullable=False, default=list),
    sa.Column("document_sha256", S(64), nullable=False, default=""),
    sa.Column("previous_hash", S(64), nullable=False),
    sa.Column("entry_hash", S(64), nullable=False),
    sa.UniqueConstraint("evidence_id", "sequence"),
)


# --- takedowns --------------------------------------------------------------------------
takedown_table = sa.Table(
    "takedown_notices",
    metadata,
    pk(),
    org(),
    fk("case_id", "cases.id", nullable=True),
    sa.Column("platform", S(200), nullable=False),
    sa.Column("seller", S(500), nullable=False),
    fk("seller_party_id", "parties.id", nullable=True),
    enum_column("status", takedowns.TakedownStatus, nullable=False),
    sa.Column("created_on", sa.Date),
    marking(),
    illustrative(),
)
takedown_listing_table = sa.Table(
    "takedown_listings",
    metadata,
    pk(),
    fk("notice_id", "takedown_notices.id", cascade=True),
    fk("observation_id", "observations.id"),
    fk("right_id", "rights.id"),
    sa.Column("listing_url", sa.Text, nullable=False, default=""),
    sa.Column("listing_ref", S(200), nullable=False, default=""),
    sa.Column("title", sa.Text, nullable=False, default=""),
    sa.Column("right_label", S(80), nullable=False, default=""),
    fk("hit_id", "hits.id", nullable=True),
    fk("evidence_id", "evidence_items.id", nullable=True),
    sa.Column("explanation", sa.Text, nullable=False, default=""),
)
takedown_step_table = sa.Table(
    "takedown_steps",
    metadata,
    pk(),
    fk("notice_id", "takedown_notices.id", cascade=True),
    enum_column("status", takedowns.TakedownStatus, nullable=False),
    sa.Column("on", sa.Date, nullable=False),
    sa.Column("note", sa.Text, nullable=False, default=""),
    fk("observation_id", "observations.id", nullable=True),
)
