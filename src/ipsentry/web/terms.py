"""Words of the legal-service pages that are stored as codes (severities, dispute states,
outcomes, kinds) and shown in the page's language through the ``term`` filter.

``N_`` only marks a message for extraction (babel knows it); the lookup happens when a
page is rendered, in that page's language. A code with no entry is shown as it is, and a
test holds every value of the enums below to an entry. Where one code means different
things in two enums (a judicial confirmation ``refused`` by the court, a takedown
``refused`` by the platform), the entry of the one that differs is keyed ``kind:code`` and
pages ask for it by its kind (``status|term("takedown")``).
"""

from __future__ import annotations

import enum

from ipsentry.web import i18n
from ipsentry.wording import Said, message_of


def N_(message: str) -> str:  # noqa: N802 - the name babel extracts by default
    return message


TERMS = {
    # domain.health.Severity
    "critical": N_("critical"),
    "high": N_("high"),
    "medium": N_("medium"),
    "low": N_("low"),
    # domain.health.AssessmentStatus
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "diagnosed": N_("diagnosed"),
    "closed": N_("closed"),
    # domain.health.ActionStatus and the plan's owners
    "todo": N_("to do"),
    "in_progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
    "management": N_("management"),
    "ip_counsel": N_("IP counsel"),
    "legal_service": N_("legal service"),
    # domain.diagnosis.SectionChange.trend
    "improved": N_("improved"),
    "worse": N_("worse"),
    "same": N_("same"),
    "not comparable": N_("not comparable"),
    # domain.disputes.DisputeStatus
    "intake": N_("intake"),
    "in_mediation": N_("in mediation"),
    "resolved": N_("resolved"),
    "referred": N_("referred"),
    # domain.disputes.OutcomeKind
    "settlement": N_("settlement"),
    "cooperation_agreement": N_("cooperation agreement"),
    "withdrawal": N_("withdrawal"),
    "judgment": N_("judgment"),
    "no_agreement": N_("no agreement"),
    # domain.disputes.JudicialConfirmation
    "not_sought": N_("not sought"),
    "requested": N_("requested"),
    "confirmed": N_("confirmed"),
    "refused": N_("refused"),
    # domain.mediation.Suitability
    "suitable": N_("suitable"),
    "consider": N_("consider"),
    "not_suitable": N_("not suitable"),
    # domain.outreach.OutreachKind
    "case_study": N_("case study"),
    "seminar": N_("seminar"),
    "consultation": N_("consultation"),
    # domain.cases.CaseKind
    "itc_337": N_("ITC Section 337 investigation"),
    "district_court": N_("district-court suit"),
    "marketplace_suit": N_("marketplace suit"),
    "platform_takedown": N_("platform takedown"),
    "customs_action": N_("customs action"),
    "administrative": N_("administrative complaint"),
    "opposition": N_("opposition or cancellation"),
    # domain.screening.ReviewStatus (confirmed is above)
    "open": N_("open"),
    "dismissed": N_("dismissed"),
    "escalated": N_("escalated"),
    # domain.accounts.Role (legal_service is above)
    "admin": N_("admin"),
    "counsel": N_("counsel"),
    "analyst": N_("analyst"),
    "reviewer": N_("reviewer"),
    "customs_officer": N_("customs officer"),
    "mediator": N_("mediator"),
    "viewer": N_("viewer"),
    # domain.observations.ObservationKind
    "listing": N_("listing"),
    "declaration": N_("declaration"),
    "domain": N_("domain"),
    "app_link": N_("app link"),
    # domain.evidence.EvidenceKind
    "page": N_("web page"),
    "screenshot": N_("screenshot"),
    "photo": N_("photo"),
    "test_purchase": N_("test purchase"),
    "sample": N_("sample"),
    "document": N_("document"),
    # domain.takedowns.TakedownStatus (draft is above)
    "takedown:sent": N_("sent"),
    "takedown:removed": N_("removed"),
    "takedown:refused": N_("refused by the platform"),
    "takedown:relisted": N_("relisted"),
    # domain.cases.CaseStatus (open and closed are above)
    "stayed": N_("stayed"),
    # matching.claims.chart.Finding: its codes are its English words
    "present": N_("present"),
    "present (evidence of absence)": N_("present (evidence of absence)"),
    "possible equivalent — for counsel": N_("possible equivalent — for counsel"),
    "not found": N_("not found"),
    "contradicted": N_("contradicted"),
    "quantity not met": N_("quantity not met"),
    "means-plus-function — construe against the specification": N_(
        "means-plus-function — construe against the specification"
    ),
    "absence not shown — for counsel": N_("absence not shown — for counsel"),
    # matching.claims.chart.Verdict
    "verdict:reads_on": N_("reads on the product"),
    "verdict:partial": N_("partly reads on the product"),
    "verdict:no": N_("does not read on the product"),
}


def term(code: str | None, kind: str = "") -> str:
    """``code`` in the page's language (its ``kind``'s own entry first, when it has one);
    an unknown code as it is."""
    if code is None:
        return ""
    message = TERMS.get(f"{kind}:{code}") or TERMS.get(str(code))
    return i18n.gettext(message) if message else str(code)


def tell(message: object) -> str:
    """A message in the page's language: one said with ``wording.N_`` by its phrase, its
    values told in turn (a code by its term); any other as it is (stored English)."""
    if not isinstance(message, Said):
        return str(message)
    values = {name: _told(value) for name, value in message.values.items()}
    return i18n.gettext(message.phrase) % values


def _told(value: object) -> object:
    if isinstance(value, Said):
        return tell(value)
    if isinstance(value, enum.Enum):
        return term(str(value.value))
    return value  # numbers stay numbers for %(n)d


def tell_error(error: BaseException) -> str:
    return tell(message_of(error))
