"""Every route × every role × own or other organisation × marking: allowed, 403 or 404.

The routes are enumerated from the app itself and each must have a rule in ``RULES``, so a
new route cannot be left out. What a role may do comes from ``domain.accounts.PERMISSIONS``
(the services enforce it); this test checks that the app, end to end, gives each user
exactly that: 403 when the role lacks the permission, 404 for another organisation's
record or one above the role's clearance, success otherwise. Anonymous requests get 401
from the API and a redirect to sign-in from pages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ipsentry.api.app import create_app
from ipsentry.api.discovery import app_routes
from ipsentry.api.security import CSRF_COOKIE
from ipsentry.domain.accounts import PERMISSIONS, Organisation, OrganisationKind, Permission, Role
from ipsentry.domain.common import Confidentiality
from ipsentry.domain.jobs import Job, JobKind
from ipsentry.domain.observations import Observation, ObservationKind
from ipsentry.domain.rights import LegalStatus, Trademark
from ipsentry.domain.screening import Hit, HitKind, ReviewStatus, RunStatus, ScreeningRun
from ipsentry.services import accounts, tokens
from ipsentry.services.access import resolve_user
from ipsentry.services.database import unit_of_work
from ipsentry.services.jobs import ThreadRunner
from tests.web.conftest import client_for, sign_in
from tests.web.indexes import build_indexes

PASSWORD = "matrix password 2026"
MARKINGS = (Confidentiality.PUBLIC, Confidentiality.CONFIDENTIAL, Confidentiality.PRIVILEGED)
UPLOAD = {"file": ("m.csv", b"kind,text\nlisting,CCELL pod\n", "text/csv")}


@dataclass
class World:
    url: str
    runner: ThreadRunner
    clients: dict[Role, tuple[TestClient, str]]
    rights: dict[tuple[str, Confidentiality], int]  # (own/other, marking) -> right id
    hits: dict[str, int]
    jobs: dict[str, int]
    other_token: int


@dataclass(frozen=True)
class Rule:
    """What a route needs, and how to call it."""

    permission: Permission | None  # None: open to anyone (sign-in, language)
    record: str = ""  # the {id} in the path: right, hit, job, token
    form: dict[str, Any] = field(default_factory=dict)
    json: dict[str, Any] | None = None
    files: bool = False
    query: str = ""  # added to the path: a search's words, a confirmation
    # Routes whose role-by-role outcomes another test module holds (its workflow decides
    # visibility by engagement or assignment): here they are only kept listed, must answer
    # every role without a server error, and refuse anonymous requests.
    checked_in: str = ""


R, P = Rule, Permission
HEALTH = "tests/web/test_health_api.py"
HEALTH_PAGES = "tests/web/test_health_pages.py"
CUSTOMS = "tests/web/test_customs_pages.py"
RECORDS = "tests/web/test_customs_records_pages.py"
CASES = "tests/web/test_case_pages.py"
CASES_API = "tests/web/test_case_api.py"
INDEXES = "tests/web/test_index_jobs.py"  # an admin's upload would rebuild the shared index
DISPUTES = "tests/web/test_disputes_api.py"
DISPUTE_PAGES = "tests/web/test_dispute_pages.py"
RULES: dict[tuple[str, str], Rule] = {
    ("GET", "/api/v1/rights"): R(P.READ),
    ("GET", "/api/v1/rights/{right_id}"): R(P.READ, "right"),
    ("GET", "/api/v1/deadlines"): R(P.READ),
    ("GET", "/api/v1/tokens"): R(P.USE_TOKENS),
    ("POST", "/api/v1/tokens"): R(P.USE_TOKENS, json={"name": "matrix"}),
    ("DELETE", "/api/v1/tokens/{token_id}"): R(P.USE_TOKENS, "token"),
    ("GET", "/api/v1/audit"): R(P.READ_AUDIT),
    ("POST", "/api/v1/observations/upload"): R(P.SCREEN, files=True),
    ("GET", "/api/v1/indexes"): R(P.MANAGE_INDEXES),
    ("POST", "/api/v1/indexes/register"): R(P.MANAGE_INDEXES, files=True, checked_in=INDEXES),
    ("POST", "/api/v1/indexes/patents"): R(P.MANAGE_INDEXES, files=True, checked_in=INDEXES),
    ("GET", "/api/v1/jobs/{job_id}"): R(P.READ, "job"),
    ("GET", "/api/v1/hits"): R(P.READ),
    ("GET", "/api/v1/hits/{hit_id}"): R(P.READ, "hit"),
    ("POST", "/api/v1/hits/{hit_id}/decisions"): R(P.REVIEW, "hit", json={"reason": "matrix"}),
    ("GET", "/api/v1/health-checks"): R(P.READ, checked_in=HEALTH),
    ("GET", "/api/v1/health-checks/programme"): R(P.READ, checked_in=HEALTH),
    ("GET", "/api/v1/health-checks/enterprises"): R(P.ASSESS_HEALTH),
    ("GET", "/api/v1/health-checks/{assessment_id}"): R(P.READ, checked_in=HEALTH),
    ("PATCH", "/api/v1/health-checks/{assessment_id}/answers"): R(
        P.ASSESS_HEALTH, json={"answers": {}}, checked_in=HEALTH
    ),
    ("POST", "/api/v1/health-checks/{assessment_id}/diagnosis"): R(
        P.ASSESS_HEALTH, json={}, checked_in=HEALTH
    ),
    ("POST", "/api/v1/health-checks"): R(P.ASSESS_HEALTH, json={}, checked_in=HEALTH),
    ("PATCH", "/api/v1/health-checks/{assessment_id}/tasks/{priority}"): R(
        P.ASSESS_HEALTH, json={"status": "done"}, checked_in=HEALTH
    ),
    ("POST", "/api/v1/health-checks/{assessment_id}/hours"): R(
        P.ASSESS_HEALTH, json={"hours": 1}, checked_in=HEALTH
    ),
    ("POST", "/health-checks"): R(P.ASSESS_HEALTH, checked_in=HEALTH_PAGES),
    ("POST", "/health-checks/{assessment_id}/diagnosis"): R(
        P.ASSESS_HEALTH, checked_in=HEALTH_PAGES
    ),
    ("POST", "/health-checks/{assessment_id}/tasks/{priority}"): R(
        P.ASSESS_HEALTH, form={"status": "done"}, checked_in=HEALTH_PAGES
    ),
    ("POST", "/health-checks/{assessment_id}/hours"): R(
        P.ASSESS_HEALTH, form={"hours": "1"}, checked_in=HEALTH_PAGES
    ),
    ("GET", "/api/v1/disputes"): R(P.READ, checked_in=HEALTH),
    ("GET", "/api/v1/disputes/{dispute_id}"): R(P.READ, checked_in=HEALTH),
    ("POST", "/api/v1/disputes"): R(P.TAKE_IN_DISPUTES, json={}, checked_in=DISPUTES),
    ("GET", "/api/v1/disputes/statistics"): R(P.READ, checked_in=DISPUTES),
    ("POST", "/api/v1/disputes/{dispute_id}/assignment"): R(
        P.TAKE_IN_DISPUTES, json={"mediator": "mediator@matrix.example"}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/assessment"): R(
        P.MEDIATE, json={"factors": {}}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/override"): R(
        P.MEDIATE, json={"verdict": "suitable", "reason": "matrix"}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/mediation"): R(P.MEDIATE, checked_in=DISPUTES),
    ("POST", "/api/v1/disputes/{dispute_id}/sessions"): R(
        P.MEDIATE, json={"held_on": "2026-01-01"}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/outcome"): R(
        P.MEDIATE, json={"outcome": "withdrawal", "on": "2026-01-01"}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/judicial-confirmation"): R(
        P.MEDIATE,
        json={"state": "requested", "on": "2026-01-01", "court": "Matrix Court"},
        checked_in=DISPUTES,
    ),
    ("POST", "/api/v1/disputes/{dispute_id}/escalation"): R(
        P.TAKE_IN_DISPUTES, json={"kind": "district_court"}, checked_in=DISPUTES
    ),
    ("GET", "/api/v1/outreach"): R(P.READ, checked_in=DISPUTES),
    ("POST", "/api/v1/outreach"): R(
        P.ASSESS_HEALTH,
        json={"kind": "seminar", "title": "m", "held_on": "2026-01-01"},
        checked_in=DISPUTES,
    ),
    # case studies shared with the caller's organisation: every reader of it gets them
    # (here none are shared with the matrix's organisation; what is shown is in DISPUTE_PAGES)
    ("GET", "/api/v1/outreach/case-studies"): R(P.READ),
    ("PATCH", "/api/v1/outreach/{event_id}"): R(
        P.ASSESS_HEALTH, json={"attendance": 1}, checked_in=DISPUTES
    ),
    ("POST", "/api/v1/outreach/case-studies/{dispute_id}"): R(
        P.ASSESS_HEALTH, json={"held_on": "2026-01-01"}, checked_in=DISPUTES
    ),
    ("GET", "/health-checks"): R(P.READ, checked_in=HEALTH_PAGES),
    ("GET", "/health-checks/{assessment_id}"): R(P.READ, checked_in=HEALTH_PAGES),
    ("GET", "/health-checks/{assessment_id}/questions"): R(P.READ, checked_in=HEALTH_PAGES),
    ("POST", "/health-checks/{assessment_id}/questions"): R(
        P.ASSESS_HEALTH, form={"shown_exports": "1", "exports": "yes"}, checked_in=HEALTH_PAGES
    ),
    ("GET", "/health-checks/{assessment_id}/report.pdf"): R(P.READ, checked_in=HEALTH_PAGES),
    ("GET", "/disputes"): R(P.READ, checked_in=HEALTH_PAGES),
    ("GET", "/disputes/{dispute_id}"): R(P.READ, checked_in=HEALTH_PAGES),
    ("GET", "/api/v1/customs/recordations"): R(P.READ, checked_in=CUSTOMS),
    ("GET", "/api/v1/customs/recordations/{recordation_id}"): R(P.READ, checked_in=CUSTOMS),
    ("GET", "/api/v1/customs/detentions"): R(P.READ, checked_in=CUSTOMS),
    ("GET", "/api/v1/customs/detentions/{detention_id}"): R(P.READ, checked_in=CUSTOMS),
    ("GET", "/api/v1/customs/queue"): R(P.BORDER_CONTROL, checked_in=CUSTOMS),
    ("GET", "/api/v1/customs/statistics"): R(P.READ, checked_in=CUSTOMS),
    ("GET", "/customs"): R(P.READ, checked_in=CUSTOMS),
    ("POST", "/customs/score"): R(P.BORDER_CONTROL, files=True, checked_in=CUSTOMS),
    ("POST", "/customs/declarations/{declaration_id}/detain"): R(
        P.BORDER_CONTROL, form={"recordation_id": "1", "on": "2026-12-03"}, checked_in=CUSTOMS
    ),
    ("GET", "/customs/detentions/{detention_id}"): R(P.READ, checked_in=CUSTOMS),
    ("POST", "/customs/detentions/{detention_id}/step"): R(
        P.READ, form={"to": "notified", "on": "2026-12-03"}, checked_in=CUSTOMS
    ),
    ("GET", "/customs/recordations/{recordation_id}"): R(P.READ, checked_in=CUSTOMS),
    ("POST", "/api/v1/customs/recordations"): R(P.WRITE_PORTFOLIO, json={}, checked_in=RECORDS),
    ("PATCH", "/api/v1/customs/recordations/{recordation_id}"): R(
        P.WRITE_PORTFOLIO, json={}, checked_in=RECORDS
    ),
    ("PUT", "/api/v1/customs/recordations/{recordation_id}/guide"): R(
        P.WRITE_PORTFOLIO, json={}, checked_in=RECORDS
    ),
    ("GET", "/api/v1/customs/plans"): R(P.READ, checked_in=RECORDS),
    ("POST", "/api/v1/customs/plans"): R(P.WRITE_PORTFOLIO, json={}, checked_in=RECORDS),
    ("PATCH", "/api/v1/customs/plans/{plan_id}"): R(P.WRITE_PORTFOLIO, json={}, checked_in=RECORDS),
    ("GET", "/customs/recordations/new"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("POST", "/customs/recordations"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("GET", "/customs/recordations/{recordation_id}/edit"): R(
        P.WRITE_PORTFOLIO, checked_in=RECORDS
    ),
    ("POST", "/customs/recordations/{recordation_id}"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("GET", "/customs/plans/new"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("POST", "/customs/plans"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("GET", "/customs/plans/{plan_id}/edit"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("POST", "/customs/plans/{plan_id}"): R(P.WRITE_PORTFOLIO, checked_in=RECORDS),
    ("POST", "/customs/detentions/{detention_id}/evidence"): R(
        P.WRITE_PORTFOLIO, checked_in=RECORDS
    ),
    ("GET", "/disputes/new"): R(P.TAKE_IN_DISPUTES, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/new"): R(P.TAKE_IN_DISPUTES, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/assignment"): R(
        P.TAKE_IN_DISPUTES, form={"mediator": "mediator@matrix.example"}, checked_in=DISPUTE_PAGES
    ),
    ("POST", "/disputes/{dispute_id}/assessment"): R(P.MEDIATE, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/override"): R(P.MEDIATE, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/mediation"): R(P.MEDIATE, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/sessions"): R(P.MEDIATE, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/outcome"): R(P.MEDIATE, checked_in=DISPUTE_PAGES),
    ("POST", "/disputes/{dispute_id}/judicial-confirmation"): R(
        P.MEDIATE, checked_in=DISPUTE_PAGES
    ),
    ("POST", "/disputes/{dispute_id}/escalation"): R(
        P.TAKE_IN_DISPUTES, form={"kind": "district_court"}, checked_in=DISPUTE_PAGES
    ),
    ("GET", "/programme"): R(P.READ, checked_in=DISPUTE_PAGES),
    ("GET", "/case-studies"): R(P.READ),
    ("POST", "/programme/outreach"): R(P.ASSESS_HEALTH, checked_in=DISPUTE_PAGES),
    ("POST", "/programme/outreach/{event_id}/attendance"): R(
        P.ASSESS_HEALTH, form={"attendance": "1"}, checked_in=DISPUTE_PAGES
    ),
    ("POST", "/programme/case-studies/{dispute_id}"): R(P.ASSESS_HEALTH, checked_in=DISPUTE_PAGES),
    ("GET", "/sign-in"): R(None),
    ("POST", "/sign-in"): R(None, form={"email": "nobody@example.org", "password": "x"}),
    ("POST", "/sign-out"): R(None),
    ("POST", "/language"): R(None, form={"locale": "en"}),
    ("GET", "/"): R(P.READ),
    ("GET", "/portfolio"): R(P.READ),
    ("GET", "/portfolio/{right_id}"): R(P.READ, "right"),
    ("GET", "/deadlines"): R(P.READ),
    ("GET", "/deadlines.ics"): R(P.EXPORT, query="?confirm=yes"),
    ("GET", "/tokens"): R(P.USE_TOKENS),
    ("POST", "/tokens"): R(P.USE_TOKENS, form={"name": "matrix"}),
    ("POST", "/tokens/{token_id}/revoke"): R(P.USE_TOKENS, "token"),
    ("GET", "/audit"): R(P.READ_AUDIT),
    ("GET", "/upload"): R(P.READ),
    ("POST", "/upload"): R(P.SCREEN, files=True),
    ("GET", "/indexes"): R(P.MANAGE_INDEXES),
    ("POST", "/indexes/register"): R(P.MANAGE_INDEXES, files=True, checked_in=INDEXES),
    ("POST", "/indexes/patents"): R(P.MANAGE_INDEXES, files=True, checked_in=INDEXES),
    ("GET", "/jobs/{job_id}"): R(P.READ, "job"),
    ("GET", "/jobs/{job_id}/status"): R(P.READ, "job"),
    ("GET", "/review"): R(P.READ),
    ("GET", "/claims/chart"): R(P.READ),
    ("POST", "/claims/chart"): R(
        P.READ, form={"patent": "US 10357623", "product": "A vaporizer with a porous ceramic body."}
    ),
    ("POST", "/claims/chart/download"): R(
        P.EXPORT,
        form={
            "patent": "US 10357623",
            "product": "A porous ceramic body.",
            "format": "csv",
            "confirm": "yes",
        },
    ),
    ("GET", "/register/search"): R(P.READ, query="?q=CCELL"),
    ("GET", "/patents/search"): R(P.READ, query="?q=porous+ceramic"),
    ("GET", "/api/v1/register/search"): R(P.READ, query="?q=CCELL"),
    ("GET", "/api/v1/patents/search"): R(P.READ, query="?q=porous+ceramic"),
    ("POST", "/api/v1/claim-charts"): R(
        P.READ, json={"patent": "US 10357623", "product": "A porous ceramic heating body."}
    ),
    ("POST", "/review/{hit_id}"): R(P.REVIEW, "hit", form={"reason": "matrix"}),
    ("POST", "/review/bulk"): R(P.REVIEW, "hit", form={"reason": "matrix", "bulk": True}),
    ("GET", "/api/v1/cases"): R(P.READ),
    ("GET", "/api/v1/cases/{case_id}"): R(P.READ, checked_in=CASES_API),
    ("GET", "/api/v1/evidence"): R(P.READ),
    ("POST", "/api/v1/hits/{hit_id}/evidence"): R(P.WRITE_PORTFOLIO, json={}, checked_in=CASES_API),
    ("GET", "/api/v1/takedowns"): R(P.READ),
    ("POST", "/api/v1/takedowns"): R(P.WRITE_PORTFOLIO, json={"hits": [1]}, checked_in=CASES_API),
    ("GET", "/api/v1/takedowns/{notice_id}"): R(P.READ, checked_in=CASES_API),
    ("POST", "/api/v1/takedowns/{notice_id}/status"): R(
        P.WRITE_PORTFOLIO, json={"status": "sent"}, checked_in=CASES_API
    ),
    ("GET", "/api/v1/network"): R(P.READ),
    ("GET", "/cases"): R(P.READ),
    ("GET", "/evidence"): R(P.READ),
    ("GET", "/takedowns"): R(P.READ),
    ("GET", "/network"): R(P.READ),
    ("GET", "/cases/{case_id}"): R(P.READ, checked_in=CASES),
    ("GET", "/cases/{case_id}/binder.pdf"): R(P.EXPORT, checked_in=CASES),
    ("POST", "/review/{hit_id}/evidence"): R(P.WRITE_PORTFOLIO, checked_in=CASES),
    ("POST", "/takedowns"): R(P.WRITE_PORTFOLIO, form={"hit": "1"}, checked_in=CASES),
    ("GET", "/takedowns/{notice_id}"): R(P.READ, checked_in=CASES),
    ("POST", "/takedowns/{notice_id}"): R(
        P.WRITE_PORTFOLIO, form={"status": "sent"}, checked_in=CASES
    ),
    ("GET", "/takedowns/{notice_id}/notice.pdf"): R(P.EXPORT, checked_in=CASES),
}
NEXT_DECISION = {
    ReviewStatus.OPEN: ReviewStatus.ESCALATED,
    ReviewStatus.ESCALATED: ReviewStatus.CONFIRMED,
    ReviewStatus.CONFIRMED: ReviewStatus.ESCALATED,
    ReviewStatus.DISMISSED: ReviewStatus.OPEN,
}


def routes() -> list[tuple[str, str]]:
    return sorted((m, r.path) for r in app_routes(create_app()) for m in r.methods - {"HEAD"})


def test_every_route_has_a_rule() -> None:
    assert set(routes()) == set(RULES), "give the new route a rule in RULES"


def _other_organisation(url: str) -> tuple[int, int, int]:
    """A rival rights holder with a right, a hit and a job: (right, hit, job) ids."""
    with unit_of_work(url) as uow:
        rival = Organisation(name="Rival", slug="rival", kind=OrganisationKind.RIGHTS_HOLDER)
        uow.organisations.add(rival)
        uow.flush()
        assert rival.id is not None
        mark = Trademark(
            organisation_id=rival.id,
            jurisdiction="US",
            title="RIVALMARK",
            status=LegalStatus.REGISTERED,
            registration_number="9000001",
            confidentiality=Confidentiality.PUBLIC,
        )
        seen = Observation(
            organisation_id=rival.id, kind=ObservationKind.LISTING, text="RIVALMARK pods"
        )
        uow.records.add(mark)
        uow.records.add(seen)
        uow.flush()
        assert mark.id is not None and seen.id is not None
        run = ScreeningRun(
            organisation_id=rival.id,
            channel="mixed",
            started_at=datetime.now(UTC),
            status=RunStatus.FINISHED,
        )
        hit = Hit(kind=HitKind.MARK, observation_id=seen.id, right_id=mark.id, score=0.9)
        run.hits.append(hit)
        uow.records.add(run)
        admin = uow.organisations.user_by_email("admin@smoore-demo.example")
        assert admin is not None and admin.id is not None
        uow.flush()
        job = Job(
            organisation_id=rival.id,
            user_id=admin.id,
            kind=JobKind.SCREEN_UPLOAD,
            created_at=datetime.now(UTC),
        )
        uow.jobs.add(job)
        uow.commit()
        assert hit.id is not None and job.id is not None
        return mark.id, hit.id, job.id


def _own_rights(url: str) -> dict[Confidentiality, int]:
    """One right of the demo organisation per marking (markings set here for the matrix)."""
    with unit_of_work(url) as uow:
        org = uow.organisations.by_slug("smoore-demo")
        assert org is not None and org.id is not None
        rights = [r for r in uow.rights.list(org.id) if r.kind.value == "patent"]
        chosen = {}
        for marking, right in zip(MARKINGS, rights[-3:], strict=True):
            right.confidentiality = marking
            chosen[marking] = right.id or 0
        uow.commit()
        return chosen


@pytest.fixture(scope="module")
def world(demo_url: str, tmp_path_factory: pytest.TempPathFactory) -> World:
    url = demo_url
    runner = ThreadRunner()
    register, patents = build_indexes(tmp_path_factory.mktemp("indexes"))
    indexes = {"register_index": register, "patent_index": patents}
    with unit_of_work(url) as uow:
        admin = resolve_user(uow, "admin@smoore-demo.example")
    clients = {}
    for role in Role:
        email = f"{role.value}@matrix.example"
        accounts.add_user(
            unit_of_work(url), admin, email=email, name=role.value, role=role, password=PASSWORD
        )
        client = client_for(url, runner, **indexes)
        client.get("/sign-in")
        signed = client.post(
            "/sign-in",
            data={"email": email, "password": PASSWORD, "csrf_token": client.cookies[CSRF_COOKIE]},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        html = client.get("/sign-in").text  # every page carries the session's CSRF token
        csrf = html.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        clients[role] = (client, csrf)
    own = _own_rights(url)
    rival_right, rival_hit, rival_job = _other_organisation(url)
    # a hit and a job of the demo organisation
    counsel, counsel_csrf = clients[Role.COUNSEL]
    job = counsel.post(
        "/api/v1/observations/upload", files=UPLOAD, headers={"X-CSRF-Token": counsel_csrf}
    ).json()
    runner.wait()
    own_hit = counsel.get("/api/v1/hits").json()["items"][0]["id"]
    with unit_of_work(url) as uow:
        analyst = resolve_user(uow, "analyst@smoore-demo.example")
    other_token = tokens.create_token(unit_of_work(url), analyst, "not yours").token.id
    assert other_token is not None
    rights = {("own", m): i for m, i in own.items()} | {
        ("other", Confidentiality.PUBLIC): rival_right
    }
    return World(
        url,
        runner,
        clients,
        rights,
        {"own": own_hit, "other": rival_hit},
        {"own": job["id"], "other": rival_job},
        other_token,
    )


@dataclass(frozen=True)
class Case:
    owner: str  # own / other / "" (no record)
    marking: Confidentiality | None
    record_id: int | None


def cases(rule: Rule, world: World, role: Role) -> Iterator[Case]:
    if rule.record == "right":
        for (owner, marking), right_id in world.rights.items():
            yield Case(owner, marking, right_id)
    elif rule.record == "hit":
        for owner, hit_id in world.hits.items():
            yield Case(owner, Confidentiality.CONFIDENTIAL, hit_id)
    elif rule.record == "job":
        for owner, job_id in world.jobs.items():  # a job tells of confidential records
            yield Case(owner, Confidentiality.CONFIDENTIAL, job_id)
    elif rule.record == "token":
        yield Case("other", None, world.other_token)
        if P.USE_TOKENS in PERMISSIONS[role]:
            with unit_of_work(world.url) as uow:
                actor = resolve_user(uow, f"{role.value}@matrix.example")
            own = tokens.create_token(unit_of_work(world.url), actor, "mine").token.id
            yield Case("own", None, own)
    else:
        yield Case("", None, None)


def expected(rule: Rule, role: Role, case: Case) -> int | str:
    if rule.permission is not None and rule.permission not in PERMISSIONS[role]:
        return 403
    if case.owner == "other":
        return 404
    if case.marking is not None and case.marking.rank > role.clearance.rank:
        return 404
    return "ok"


def call(
    client: TestClient, csrf: str, method: str, path: str, rule: Rule, world: World, case: Case
) -> int:
    url = re.sub(r"\{[^}]+\}", str(case.record_id), path) + rule.query
    headers = {"X-CSRF-Token": csrf}
    json, form = rule.json, dict(rule.form)
    if rule.record == "hit":
        with unit_of_work(world.url) as uow:
            hit = uow.hits.get_any(case.record_id or 0)
            state = (hit.status, hit.version) if hit else (ReviewStatus.OPEN, 1)
        decision = {"decision": NEXT_DECISION[state[0]].value, "version": state[1]}
        json = {**json, **decision} if json is not None else None
        form = {**form, **decision} if json is None else form
        if form.pop("bulk", False):  # /review/bulk: the hits are named in the form
            form["hit"] = f"{case.record_id}:{form.pop('version')}"
            url = path
    if "email" in form:  # a new unknown account each time: throttling is tested elsewhere
        form["email"] = f"nobody{next(ATTEMPTS)}@example.org"
    files = UPLOAD if rule.files else None
    response = client.request(
        method,
        url,
        headers=headers,
        json=json,
        data=form or None,
        files=files,
        follow_redirects=False,
    )
    if rule.files:
        world.runner.wait()
    return response.status_code


ROLES = list(Role)
ATTEMPTS = itertools.count()


@pytest.mark.parametrize(("method", "path"), routes())
def test_route_by_role_organisation_and_marking(method: str, path: str, world: World) -> None:
    rule = RULES[(method, path)]
    wrong = []
    for role in ROLES:
        client, csrf = world.clients[role]
        for case in cases(rule, world, role):
            if path == "/sign-out":  # would end the shared session: a fresh one is signed out
                continue
            want = expected(rule, role, case)
            got = call(client, csrf, method, path, rule, world, case)
            ok = 200 <= got < 400 if want == "ok" else got == want
            if rule.checked_in:
                ok = got < 500 and got != 401
            if rule.permission is None:
                ok = got in (200, 303, 401)
            if not ok:
                wrong.append((role.value, case.owner, case.marking, want, got))
    assert not wrong, wrong


@pytest.mark.parametrize(("method", "path"), routes())
def test_route_without_sign_in(method: str, path: str, world: World) -> None:
    rule = RULES[(method, path)]
    client = client_for(world.url, world.runner)
    client.get("/sign-in")
    csrf = client.cookies[CSRF_COOKIE]
    got = call(client, csrf, method, path, rule, world, Case("own", None, 1))
    if rule.permission is None:
        assert got in (200, 303, 401), got  # sign-in with a wrong password answers 401
    elif path.startswith("/api/"):
        assert got == 401, got
    else:
        assert got == 303, got  # to the sign-in page


def test_the_matrix_means_something(world: World) -> None:
    """The roles differ: someone is refused something, and someone allowed it."""
    denied = {r for r in Role if P.READ_AUDIT not in PERMISSIONS[r]}
    assert denied and denied != set(Role)


def test_the_upload_form_is_offered_only_to_those_who_may_upload(world: World) -> None:
    """A role refused the upload (a viewer, a reviewer) is not shown a form it cannot use,
    but told which roles may upload; the others get the form."""
    uploaders = {r for r in Role if P.SCREEN in PERMISSIONS[r]}
    assert uploaders and {Role.VIEWER, Role.REVIEWER}.isdisjoint(uploaders)
    for role in Role:
        client, _ = world.clients[role]
        page = client.get("/upload").text
        told = page.split('<p id="upload-not-yours">', 1)[-1].split("</p>", 1)[0]
        if role in uploaders:
            assert 'action="/upload"' in page and 'type="file"' in page, role
            assert 'id="upload-not-yours"' not in page, role
        else:
            assert 'action="/upload"' not in page and 'type="file"' not in page, role
            assert f"Yours ({role.value.replace('_', ' ')})" in told, role
            named = {r for r in Role if f" {r.value}" in told.replace("Yours", "")}
            assert uploaders <= named and role not in uploaders, (role, told)
    # the language is chosen as a user chooses it (the matrix has set it to English before)
    viewer, csrf = world.clients[Role.VIEWER]
    chose = {"csrf_token": csrf}
    viewer.post("/language", data=chose | {"locale": "zh_Hans"}, follow_redirects=False)
    try:
        chinese = viewer.get("/upload").text
    finally:
        viewer.post("/language", data=chose | {"locale": "en"}, follow_redirects=False)
    assert "只有以下角色可以上传观察记录：管理员、律师和分析员。" in chinese


# A valid request of each route on the provider's side of a dispute, in an order the
# provider can take them all: the matrix's own users belong to a rights holder, so these
# routes are tried here by the demo's service centre, its mediator and its lawyer.
_INTAKE = {"title": "Matrix dispute", "claimant": {"name": "Matrix Claimant Ltd."},
           "respondent": {"name": "Matrix Respondent Ltd."}, "received_on": "2026-09-01",
           "assignee": "mediator@ipservice-demo.example"}  # fmt: skip
_FORM_INTAKE = {**_INTAKE, "claimant": "Matrix Form Claimant Ltd.",
                "respondent": "Matrix Form Respondent Ltd.", "assignee": ""}  # fmt: skip
PROVIDER_SIDE: dict[tuple[str, str], dict[str, Any]] = {
    ("GET", "/disputes/new"): {},
    ("POST", "/api/v1/disputes"): {"json": _INTAKE},
    ("POST", "/disputes/new"): {"data": _FORM_INTAKE},
    ("POST", "/api/v1/disputes/{dispute_id}/assignment"): {
        "json": {"mediator": "mediator@ipservice-demo.example"}
    },
    ("POST", "/disputes/{dispute_id}/assignment"): {
        "data": {"mediator": "mediator@ipservice-demo.example"}
    },
    ("POST", "/api/v1/disputes/{dispute_id}/escalation"): {"json": {"kind": "district_court"}},
    ("POST", "/disputes/{dispute_id}/escalation"): {"data": {"kind": "district_court"}},
}


def test_a_mediator_is_refused_the_providers_side_of_a_dispute(world: World) -> None:
    """Intake, reassignment and referral need TAKE_IN_DISPUTES, which a mediator (a neutral)
    lacks: 403 for the service centre's mediator on a dispute it mediates, success for the
    lawyer in charge of it."""
    ruled = {k for k, rule in RULES.items() if rule.permission is P.TAKE_IN_DISPUTES}
    assert ruled == set(PROVIDER_SIDE)
    assert P.TAKE_IN_DISPUTES not in PERMISSIONS[Role.MEDIATOR]
    assert P.MEDIATE in PERMISSIONS[Role.MEDIATOR]
    people = {}
    for who in ("mediator", "advisor"):
        client = client_for(world.url)
        people[who] = (client, {"X-CSRF-Token": sign_in(client, f"{who}@ipservice-demo.example")})
    advisor, headers = people["advisor"]
    taken = advisor.post("/api/v1/disputes", json=_INTAKE | {"title": "Matrix A"}, headers=headers)
    second = advisor.post("/api/v1/disputes", json=_INTAKE | {"title": "Matrix B"}, headers=headers)
    ids = {"/api/": taken.json()["id"], "/disputes": second.json()["id"]}  # one per interface
    for who, allowed in (("mediator", False), ("advisor", True)):
        client, headers = people[who]
        for (method, path), request in PROVIDER_SIDE.items():
            dispute_id = ids["/api/" if path.startswith("/api/") else "/disputes"]
            url = path.replace("{dispute_id}", str(dispute_id))
            body = dict(request)
            if "data" in body:
                body["data"] = {**body["data"], "csrf_token": headers["X-CSRF-Token"]}
            got = client.request(method, url, headers=headers, follow_redirects=False, **body)
            if allowed:
                assert got.status_code < 400, (who, method, path, got.text)
            else:
                assert got.status_code == 403, (who, method, path, got.status_code)
