"""Health-check pages on the demo: list, one check, the questionnaire saved as you go (its
follow-ups appearing), the PDF report, and the same pages in Chinese."""

from __future__ import annotations

import re
from datetime import date, timedelta

from fastapi.testclient import TestClient

from ipsentry.domain.health import Assessment, AssessmentStatus
from ipsentry.services import health_checks
from ipsentry.services.access import Actor, resolve_user
from ipsentry.store.unit_of_work import UnitOfWork
from tests.web.conftest import client_for, sign_in


def _fresh_self_check(uow: UnitOfWork, counsel: Actor) -> Assessment:
    """A new self-check; one left open by an earlier test is diagnosed first (one is open at
    a time)."""
    for earlier in health_checks.list_assessments(uow, counsel):
        if earlier.provider is None and earlier.assessment.status is AssessmentStatus.DRAFT:
            assert earlier.assessment.id is not None
            health_checks.answer(uow, counsel, earlier.assessment.id, {"trademark_watch": "no"})
            health_checks.diagnose(uow, counsel, earlier.assessment.id, date(2026, 12, 1))
    return health_checks.start(uow, counsel)


def _as(demo_url: str, email: str) -> tuple[TestClient, str]:
    client = client_for(demo_url)
    return client, sign_in(client, email)


def _the_enterprise(demo_url: str) -> tuple[TestClient, str, UnitOfWork, Actor]:
    """The demo enterprise's counsel signed in (client, CSRF token) and as an actor of the
    services, for tests that set a check up directly and read it on its page."""
    client, csrf = _as(demo_url, "counsel@robotics-demo.example")
    uow = UnitOfWork.for_url(demo_url)
    with uow:
        counsel = resolve_user(uow, "counsel@robotics-demo.example")
    return client, csrf, uow, counsel


def test_a_provider_sees_its_checks_scores_and_report(demo_url: str) -> None:
    client, _ = _as(demo_url, "advisor@ipservice-demo.example")
    listed = client.get("/health-checks")
    assert listed.status_code == 200 and listed.text.count('href="/health-checks/') >= 2
    page = client.get("/health-checks/2")
    assert "Overall score: 75 / 100" in page.text
    assert "<svg" in page.text and "improved" in page.text
    assert "<figcaption>Where a section was checked both times" in page.text
    assert 'class="marking"' in page.text
    answers = client.get("/health-checks/1/questions").text  # the demo's diagnosed first check
    assert "<dd>Agreed orally only</dd>" in answers and "agreed_orally" not in answers
    pdf = client.get("/health-checks/2/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_questionnaire_saves_answers_and_shows_follow_ups(demo_url: str) -> None:
    client, csrf, uow, counsel = _the_enterprise(demo_url)
    check = _fresh_self_check(uow, counsel)
    form = client.get(f"/health-checks/{check.id}/questions").text
    assert 'name="uses_contractors"' in form and 'name="contractor_assignment"' not in form
    saved = client.post(
        f"/health-checks/{check.id}/questions",
        data={
            "csrf_token": csrf,
            "shown_uses_contractors": "1",
            "uses_contractors": "yes",
            "shown_export_markets": "1",
        },
        follow_redirects=True,
    )
    assert saved.status_code == 200
    assert 'name="contractor_assignment"' in saved.text
    assert 'value="yes" checked' in saved.text
    refused = client.post(
        f"/health-checks/{check.id}/questions",
        data={"csrf_token": csrf, "shown_enforcement_budget": "1", "enforcement_budget": "lots"},
    )
    assert refused.status_code == 422 and "enforcement_budget" in refused.text
    for typed, said in [("nan", "nan"), ("inf", "inf"), ("-Infinity", "-inf"), ("1e400", "inf"),
                        ("1e99", "1e+99"), ("10001", "10001.0")]:  # fmt: skip
        no_amount = client.post(
            f"/health-checks/{check.id}/questions",
            data={"csrf_token": csrf, "shown_enforcement_budget": "1", "enforcement_budget": typed},
        )
        assert no_amount.status_code == 422
        assert f"give a finite number from 0 to 10,000, not {said}" in no_amount.text
    pasted = "lots " * 1000
    long = client.post(
        f"/health-checks/{check.id}/questions",
        data={"csrf_token": csrf, "shown_enforcement_budget": "1", "enforcement_budget": pasted},
    )
    assert long.status_code == 422
    # the field is filled in again with what was sent; the message quotes it cut short
    assert long.text.count(pasted.strip()) == 1 and "lots lots" in long.text
    assert "not &#39;" + "lots " * 11 + "lot…" in long.text
    assert (
        client.post(f"/health-checks/{check.id}/questions", data={}).status_code == 403
    )  # no CSRF


def test_each_question_has_its_help_under_it_and_a_number_its_unit(demo_url: str) -> None:
    client, csrf, uow, counsel = _the_enterprise(demo_url)
    check = _fresh_self_check(uow, counsel)
    assert check.id is not None
    form = client.get(f"/health-checks/{check.id}/questions").text
    shown = re.findall(r'<fieldset id="question-(\w+)"( aria-describedby="help-\1")?>', form)
    assert len(shown) > 20 and [q for q, hinted in shown if not hinted] == []
    assert '<p class="hint" id="help-enforcement_budget">Count the hours you can' in form
    number = 'aria-labelledby="q-enforcement_budget unit-enforcement_budget"'
    assert number in form and '<span id="unit-enforcement_budget">hours a year</span>' in form
    client.post("/language", data={"csrf_token": csrf, "locale": "zh_Hans", "next": "/"})
    in_chinese = client.get(f"/health-checks/{check.id}/questions").text
    assert '<span id="unit-enforcement_budget">小时/年</span>' in in_chinese
    assert "按每年实际可获得的小时数填写" in in_chinese
    health_checks.answer(uow, counsel, check.id, {"enforcement_budget": 40}, "test")
    health_checks.diagnose(uow, counsel, check.id, date(2026, 12, 1))
    answered = client.get(f"/health-checks/{check.id}/questions").text
    assert "<dd>40 小时/年</dd>" in answered  # the answers kept after diagnosis read whole


def test_a_trigger_changed_on_the_form_takes_its_follow_up_off_and_out_of_the_count(
    demo_url: str,
) -> None:
    client, csrf, uow, counsel = _the_enterprise(demo_url)
    check = _fresh_self_check(uow, counsel)
    assert check.id is not None
    url = f"/health-checks/{check.id}/questions"

    def post(**fields: str) -> str:
        data = {"csrf_token": csrf} | {f"shown_{k}": "1" for k in fields} | fields
        sent = client.post(url, data=data, follow_redirects=True)
        assert sent.status_code == 200, sent.text
        return sent.text

    post(uses_contractors="yes")
    post(uses_contractors="yes", contractor_assignment="no")
    # 'no' to the trigger, the follow-up still filled in as the page showed it: saved
    page = post(uses_contractors="no", contractor_assignment="no")
    assert 'name="contractor_assignment"' not in page
    assert "Questions answered: 1 of" in page
    # a follow-up the page does not show is not taken from a crafted form either
    post(contractor_assignment="yes")
    view = health_checks.show(uow, counsel, check.id)
    assert view.assessment.answers == {"uses_contractors": "no", "contractor_assignment": "no"}
    assert view.answered == 1  # kept for a change back, not counted
    page = post(uses_contractors="yes")
    assert 'name="contractor_assignment"' in page and 'value="no" checked' in page


def test_a_section_not_comparable_at_a_recheck_shows_no_none(demo_url: str) -> None:
    client, _, uow, counsel = _the_enterprise(demo_url)
    first = _fresh_self_check(uow, counsel)
    assert first.id is not None
    health_checks.answer(uow, counsel, first.id, {"trademark_watch": "no"}, "test")
    health_checks.diagnose(uow, counsel, first.id, date.today() - timedelta(days=1))
    again = health_checks.start(uow, counsel, recheck_previous=True)
    assert again.id is not None
    health_checks.answer(uow, counsel, again.id, {"customs_recorded": "no"}, "test")
    health_checks.diagnose(uow, counsel, again.id, date.today())
    page = client.get(f"/health-checks/{again.id}").text
    assert "<td>not comparable</td>" in page and "None" not in page


def test_the_pages_speak_chinese(demo_url: str) -> None:
    client, csrf = _as(demo_url, "advisor@ipservice-demo.example")
    client.post("/language", data={"csrf_token": csrf, "locale": "zh_Hans", "next": "/"})
    page = client.get("/health-checks/1")
    assert "权属与转让" in page.text and "整改计划" in page.text
    assert "负责方" in page.text and "权利人" not in page.text  # a task's owner, not a right's
    no_amount = client.post("/health-checks/1/hours", data={"csrf_token": csrf, "hours": "nan"})
    assert no_amount.status_code == 422 and "请填写有限的数字" in no_amount.text


def test_others_cannot_open_a_providers_check(demo_url: str) -> None:
    client, _ = _as(demo_url, "counsel@smoore-demo.example")
    assert client.get("/health-checks/1").status_code == 404
    assert client.get("/health-checks/1/report.pdf").status_code == 404


def test_a_mediator_sees_the_assigned_disputes_with_factors_and_session_notes(
    demo_url: str,
) -> None:
    client, _ = _as(demo_url, "mediator@ipservice-demo.example")
    listed = client.get("/disputes")
    assert "2 disputes, 1 open, 1 ended by mediation" in listed.text
    page = client.get("/disputes/2")
    assert "Suitability for mediation: suitable" in page.text
    assert "conduct_stopped_after_notice" in page.text and "authorised reseller" in page.text
    advisor, _ = _as(demo_url, "advisor@ipservice-demo.example")
    in_charge = advisor.get("/disputes/2").text  # the advisor took it in for the mediator
    assert "authorised reseller" not in in_charge and "privileged: not shown" in in_charge
    assert "Dispute 4" in advisor.get("/disputes/4").text


def test_sections_left_out_of_the_overall_score_are_named(demo_url: str) -> None:
    client, _, uow, counsel = _the_enterprise(demo_url)
    check = _fresh_self_check(uow, counsel)
    assert check.id is not None
    health_checks.answer(uow, counsel, check.id, {"uses_contractors": "no"}, "test")
    view = health_checks.diagnose(uow, counsel, check.id, date(2026, 12, 1))
    data = view.to_json()
    unscored = [s["title"] for s in data["sections"] if s["score"] is None]
    assert unscored and data["unscored_sections"] == unscored
    page = client.get(f"/health-checks/{check.id}").text
    assert "Not in the overall score" in page and unscored[0] in page


def test_a_provider_starts_diagnoses_and_tracks_a_check_on_the_pages(demo_url: str) -> None:
    client, csrf = _as(demo_url, "advisor@ipservice-demo.example")
    listed = client.get("/health-checks").text
    assert 'name="enterprise"' in listed and "robotics-demo" in listed
    started = client.post(
        "/health-checks", data={"csrf_token": csrf, "enterprise": "robotics-demo"}
    )
    assert started.status_code == 200 and "/questions" in str(started.url)
    check_id = int(str(started.url).split("/")[-2])
    page = client.get(f"/health-checks/{check_id}").text
    assert "Diagnose now" not in page and "a diagnosis needs answers" in page
    assert "report.pdf" not in page  # a draft has no report
    assert client.get(f"/health-checks/{check_id}/report.pdf").status_code == 409
    client.post(
        f"/health-checks/{check_id}/questions",
        data={"csrf_token": csrf, "shown_trademark_watch": "1", "trademark_watch": "no"},
    )
    page = client.get(f"/health-checks/{check_id}").text
    assert "Diagnose now" in page
    enterprise, enterprise_csrf = _as(demo_url, "counsel@robotics-demo.example")
    assert "Diagnose now" not in enterprise.get(f"/health-checks/{check_id}").text
    refused = enterprise.post(
        f"/health-checks/{check_id}/diagnosis", data={"csrf_token": enterprise_csrf}
    )
    assert refused.status_code == 403  # the provider's check is the provider's to diagnose
    diagnosed = client.post(f"/health-checks/{check_id}/diagnosis", data={"csrf_token": csrf})
    assert "Overall score" in diagnosed.text and "Diagnose now" not in diagnosed.text
    # the demo's first check has a plan and a ten-hour package with hours left
    page = client.get("/health-checks/1").text
    assert 'action="/health-checks/1/tasks/1"' in page and "Record hours" in page
    moved = client.post(
        "/health-checks/1/tasks/1", data={"csrf_token": csrf, "status": "done"}
    ).text
    assert 'value="done" selected' in moved
    too_many = client.post("/health-checks/1/hours", data={"csrf_token": csrf, "hours": "99"})
    assert too_many.status_code == 422 and "hours" in too_many.text
    for typed in ("nan", "inf", "1e400"):
        no_amount = client.post("/health-checks/1/hours", data={"csrf_token": csrf, "hours": typed})
        assert no_amount.status_code == 422 and "finite number" in no_amount.text
    bad_status = client.post(
        "/health-checks/1/tasks/1", data={"csrf_token": csrf, "status": "finished"}
    )
    assert bad_status.status_code == 422
    unknown = client.post("/health-checks", data={"csrf_token": csrf, "enterprise": "nobody"})
    assert unknown.status_code == 422 and "has engaged your organisation" in unknown.text


def test_an_enterprise_starts_its_own_self_check(demo_url: str) -> None:
    client, csrf = _as(demo_url, "counsel@robotics-demo.example")
    listed = client.get("/health-checks").text
    assert "Start a health check" in listed and 'name="enterprise"' not in listed
    started = client.post("/health-checks", data={"csrf_token": csrf})
    assert started.status_code == 200 and "/questions" in str(started.url)
