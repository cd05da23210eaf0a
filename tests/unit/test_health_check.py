"""The health-check questionnaire and its diagnosis rules: data checks, branching, scoring.

Cases are written here from the questionnaire's own sections (WIPO IP Diagnostics,
GB/T 29490-2013), not from any enterprise's answers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml

from ipsentry.domain.conditions import ConditionError, parse_condition
from ipsentry.domain.diagnosis import FACTS, propose_package, read_rules, recheck
from ipsentry.domain.health_library import health_check, versions
from ipsentry.domain.questionnaire import LANGUAGES, QuestionType, read_questionnaire
from ipsentry.errors import InvalidInput, NotFound

ON = date(2026, 3, 2)


@pytest.fixture(scope="module")
def check() -> Any:
    return health_check()


def _all_good(check: Any) -> dict[str, Any]:
    """Answers a well-run enterprise gives: every loophole closed, every follow-up asked."""
    good: dict[str, Any] = {}
    for question in check.questionnaire.questions.values():
        if question.type is QuestionType.YES_NO:
            good[question.id] = "yes"
        elif question.type is QuestionType.MULTI_SELECT:
            good[question.id] = list(question.options)
        elif question.type is QuestionType.NUMBER:
            good[question.id] = 40
        elif question.type is QuestionType.TEXT:
            good[question.id] = ""
    good.update(
        co_development_ownership="agreed_in_writing",
        product_lines_patented="all",
        watch_frequency="every_gazette",
        opposed_last_two_years="no",
        response_taken="enforced",
    )
    return good


# --- the shipped data -------------------------------------------------------------------


def test_the_shipped_questionnaire_covers_the_practitioners_sections(check: Any) -> None:
    sections = [s.key for s in check.questionnaire.sections]
    assert sections == [
        "ownership", "coverage", "watch", "secrets", "contracts",
        "online", "customs", "enforcement", "fto",
    ]  # fmt: skip
    assert versions("ip-health-check") == [1]
    every_type = {q.type for q in check.questionnaire.questions.values()}
    assert every_type == set(QuestionType)


def test_every_question_explains_itself_and_a_number_says_what_it_counts(check: Any) -> None:
    """A user answering alone reads the help under each question to know what counts."""
    questions = check.questionnaire.questions.values()
    unhelped = [q.id for q in questions if any(not q.help.get(lang) for lang in LANGUAGES)]
    assert unhelped == []
    assert all(len(q.help["en"]) < 250 for q in questions)  # a hint, not a commentary
    numbers = [q for q in questions if q.type is QuestionType.NUMBER]
    assert [q.unit for q in numbers] == [{"en": "hours a year", "zh_Hans": "小时/年"}]


def test_every_section_has_rules_and_every_fact_is_used(check: Any) -> None:
    ruled = {r.section for r in check.rules.rules}
    assert ruled == {s.key for s in check.questionnaire.sections}
    read = {name for r in check.rules.rules for kind, name in r.when.inputs() if kind == "fact"}
    assert read == set(FACTS)


def read_by_rules(check: Any) -> set[tuple[str, str]]:
    return {pair for r in check.rules.rules for pair in r.when.inputs()}


def test_every_closed_question_is_read_by_a_rule_or_opens_a_follow_up(check: Any) -> None:
    questionnaire = check.questionnaire
    read = {name for _, name in read_by_rules(check)}
    read |= {
        name
        for q in questionnaire.questions.values()
        if q.show_if
        for _, name in q.show_if.inputs()
    }
    read |= {name for kind, fact in read_by_rules(check) if kind == "fact" for name in FACTS[fact]}
    unread = [
        q.id
        for q in questionnaire.questions.values()
        if q.type is not QuestionType.TEXT and q.id not in read
    ]
    assert unread == []


def test_a_well_run_enterprise_has_no_loophole_and_full_marks(check: Any) -> None:
    facts = {name: [] for name in FACTS}
    diagnosis = check.rules.diagnose(check.questionnaire, _all_good(check), facts, ON)
    assert diagnosis.findings == ()
    assert {s.score for s in diagnosis.scores} == {100}
    assert diagnosis.overall == 100


# --- follow-up questions ----------------------------------------------------------------


def _asked(check: Any, answers: dict[str, Any]) -> set[str]:
    return {q.id for q in check.questionnaire.asked(answers)}


def test_a_follow_up_is_asked_only_once_its_trigger_holds(check: Any) -> None:
    assert "contractor_assignment" not in _asked(check, {})
    assert "contractor_assignment" not in _asked(check, {"uses_contractors": "no"})
    assert "contractor_assignment" in _asked(check, {"uses_contractors": "yes"})


def test_a_follow_up_with_two_triggers_needs_both(check: Any) -> None:
    assert "fto_markets" not in _asked(check, {"fto_search": "yes", "exports": "no"})
    assert "fto_markets" not in _asked(check, {"fto_search": "yes"})
    assert "fto_markets" in _asked(check, {"fto_search": "yes", "exports": "yes"})


def test_an_answer_to_a_question_no_longer_asked_is_kept_but_never_counted(check: Any) -> None:
    answers = {"uses_contractors": "no", "contractor_assignment": "no"}
    assert check.questionnaire.counted_answers(answers) == {"uses_contractors": "no"}
    diagnosis = check.rules.diagnose(check.questionnaire, answers, {}, ON)
    assert "OWN-CONTRACTOR-ASSIGNMENT" not in {f.code for f in diagnosis.findings}


@pytest.mark.parametrize(
    ("stored", "given", "question", "says"),
    [
        ({"uses_contractors": "no"}, {"contractor_assignment": "yes"}, "contractor_assignment",
         "a follow-up asked only when uses_contractors is 'yes', and uses_contractors is "
         "answered 'no'"),
        ({}, {"contractor_assignment": "yes"}, "contractor_assignment",
         "a follow-up asked only when uses_contractors is 'yes', and uses_contractors is not "
         "answered yet"),
        # the trigger changed in the same save: the follow-up given with it is not asked
        ({"uses_contractors": "yes"}, {"uses_contractors": False, "contractor_assignment": "no"},
         "contractor_assignment", "and uses_contractors is answered 'no'"),
        ({"fto_search": "yes", "exports": "no"}, {"fto_markets": "yes"}, "fto_markets",
         "a follow-up asked only when fto_search is 'yes' and exports is 'yes', and fto_search "
         "is answered 'yes', exports is answered 'no'"),
    ],
)  # fmt: skip
def test_an_answer_to_a_follow_up_not_asked_is_refused_naming_its_condition(
    check: Any, stored: dict[str, Any], given: dict[str, Any], question: str, says: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        check.questionnaire.save(stored, given, source="answers.yaml")
    (problem,) = refused.value.problems
    assert (problem.source, problem.field) == ("answers.yaml", question)
    assert says in problem.message


def test_a_follow_up_given_with_its_trigger_is_saved(check: Any) -> None:
    saved = check.questionnaire.save({}, {"uses_contractors": True, "contractor_assignment": "no"})
    assert saved == {"uses_contractors": "yes", "contractor_assignment": "no"}


def test_a_trigger_changed_keeps_its_follow_ups_answer_uncounted_until_changed_back(
    check: Any,
) -> None:
    """Saved as you go: a slip on the trigger loses nothing, and nothing stale is counted."""
    questionnaire = check.questionnaire
    first = questionnaire.save({}, {"uses_contractors": "yes", "contractor_assignment": "no"})
    changed = questionnaire.save(first, {"uses_contractors": "no"})
    assert changed == {"uses_contractors": "no", "contractor_assignment": "no"}
    assert questionnaire.counted_answers(changed) == {"uses_contractors": "no"}
    codes = {f.code for f in check.rules.diagnose(questionnaire, changed, {}, ON).findings}
    assert "OWN-CONTRACTOR-ASSIGNMENT" not in codes
    cleared = questionnaire.save(changed, {"contractor_assignment": None})  # may be cleared
    assert cleared == {"uses_contractors": "no"}
    back = questionnaire.save(changed, {"uses_contractors": "yes"})
    codes = {f.code for f in check.rules.diagnose(questionnaire, back, {}, ON).findings}
    assert "OWN-CONTRACTOR-ASSIGNMENT" in codes


def test_a_follow_up_of_a_follow_up_no_longer_asked_says_so() -> None:
    chain = read_questionnaire(
        _questionnaire(
            {"id": "a", "type": "yes_no"},
            {"id": "b", "type": "yes_no", "show_if": {"answer": "a", "is": "yes"}},
            {"id": "c", "type": "yes_no", "show_if": {"answer": "b", "is": "yes"}},
        ),
        "q.yaml",
    )
    stored = chain.save({}, {"a": "yes", "b": "yes"})
    with pytest.raises(InvalidInput, match="b is 'yes', and b is not asked either"):
        chain.save(stored, {"a": "no", "c": "yes"})


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ({"answer": "q", "is_not": "no"}, "q is not 'no'"),
        ({"answer": "q", "in": ["a", "b"]}, "q is one of 'a', 'b'"),
        ({"answer": "q", "at_least": 3}, "q is at least 3"),
        ({"any": [{"answer": "q", "includes": "a"}, {"not": {"answer": "r", "is": "yes"}}]},
         "q includes 'a' or (not r is 'yes')"),
        ({"all": [{"fact": "f", "not_empty": True}, {"any": [{"answer": "q", "is": "x"},
                                                             {"answer": "q", "excludes": "y"}]}]},
         "the records show f and (q is 'x' or q excludes 'y')"),
    ],
)  # fmt: skip
def test_a_condition_is_told_in_words(raw: dict[str, Any], said: str) -> None:
    assert parse_condition(raw).describe() == said


def test_unanswered_lists_what_is_left_to_ask_in_order(check: Any) -> None:
    left = [q.id for q in check.questionnaire.unanswered({"employee_inventions_policy": "no"})]
    assert left[0] == "uses_contractors"
    assert "inventor_reward_rules" not in left


# --- answers ----------------------------------------------------------------------------


def test_answers_are_stored_in_one_form(check: Any) -> None:
    stored = check.questionnaire.save(
        {}, {"exports": True, "export_markets": ["US", "EM", "US"], "enforcement_budget": 10}
    )
    assert stored == {"exports": "yes", "export_markets": ["US", "EM"], "enforcement_budget": 10}


@pytest.mark.parametrize(
    ("question", "value", "says"),
    [
        ("exports", "maybe", "answer yes or no"),
        ("product_lines_patented", "most", "choose one of all, some, none"),
        ("export_markets", "US", "give a list of choices"),
        ("export_markets", ["US", "Mars"], "unknown choice 'Mars'"),
        ("enforcement_budget", -1, "give a finite number from 0 to 10,000, not -1"),
        ("enforcement_budget", True, "give a finite number from 0 to 10,000, not True"),
        ("enforcement_budget", "12", "give a finite number from 0 to 10,000, not '12'"),
        # what float() reads and JSON or YAML carry, yet no amount anyone has
        ("enforcement_budget", float("nan"), "give a finite number from 0 to 10,000, not nan"),
        ("enforcement_budget", float("inf"), "give a finite number from 0 to 10,000, not inf"),
        ("enforcement_budget", float("-inf"), "give a finite number from 0 to 10,000, not -inf"),
        ("enforcement_budget", 1e400, "give a finite number from 0 to 10,000, not inf"),
        ("enforcement_budget", 1e99, "give a finite number from 0 to 10,000, not 1e+99"),
        ("enforcement_budget", 10**400, "give a finite number from 0 to 10,000"),
        ("enforcement_budget", 10_001, "give a finite number from 0 to 10,000, not 10001"),
        ("fto_notes", "x" * 5001, "at most 5000 characters"),
        ("no_such_question", "yes", "no such question"),
    ],
)
def test_a_bad_answer_is_refused_naming_the_question(
    check: Any, question: str, value: Any, says: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        check.questionnaire.save({}, {"exports": "yes", question: value}, source="form")
    (problem,) = refused.value.problems
    assert (problem.source, problem.field) == ("form", question)
    assert says in problem.message


def test_a_long_value_is_quoted_back_cut_to_a_readable_length(check: Any) -> None:
    pasted = "The whole of a contract pasted into the wrong box. " * 100  # 5,100 characters
    with pytest.raises(InvalidInput) as refused:
        check.questionnaire.save({}, {"enforcement_budget": pasted, "exports": pasted})
    for problem in refused.value.problems:
        said = problem.message.split(", not ")[1]
        assert said == repr(pasted)[:59] + "…", problem


# --- conditions -------------------------------------------------------------------------

YES, NO = {"q": "yes"}, {"q": "no"}


@pytest.mark.parametrize(
    ("raw", "answers", "facts", "expected"),
    [
        ({"answer": "q", "is": "yes"}, YES, {}, True),
        ({"answer": "q", "is": "yes"}, {}, {}, None),
        ({"not": {"answer": "q", "is": "yes"}}, NO, {}, True),
        ({"not": {"answer": "q", "is": "yes"}}, {}, {}, None),
        ({"all": [{"answer": "q", "is": "yes"}, {"fact": "f", "not_empty": True}]}, YES, {}, None),
        ({"all": [{"answer": "q", "is": "yes"}, {"fact": "f", "not_empty": True}]}, NO, {}, False),
        ({"any": [{"answer": "q", "is": "yes"}, {"fact": "f", "not_empty": True}]}, YES, {}, True),
        ({"any": [{"answer": "q", "is": "yes"}, {"fact": "f", "not_empty": True}]}, NO, {}, None),
        (
            {"any": [{"answer": "q", "is": "yes"}, {"fact": "f", "not_empty": True}]},
            NO,
            {"f": []},
            False,
        ),
        ({"fact": "f", "not_empty": True}, {}, {"f": 3}, True),
        ({"fact": "f", "not_empty": True}, {}, {"f": 0}, False),
        ({"answer": "q", "excludes": "a"}, {"q": []}, {}, True),
        ({"answer": "q", "at_most": 0}, {"q": 0}, {}, True),
    ],
)
def test_conditions_are_three_valued(
    raw: dict[str, Any], answers: dict[str, Any], facts: dict[str, Any], expected: bool | None
) -> None:
    assert parse_condition(raw).evaluate(answers, facts) is expected


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({"answer": "q", "equals": "yes"}, "unknown test 'equals'"),
        ({"answer": "q", "in": "yes"}, "'in' needs a list"),
        ({"answer": "q", "at_least": "two"}, "needs a number"),
        ({"all": []}, "non-empty list"),
        ("q is yes", "a condition is a mapping"),
    ],
)
def test_a_condition_outside_the_language_is_refused(raw: Any, says: str) -> None:
    with pytest.raises(ConditionError, match=says):
        parse_condition(raw)


# --- bad data files ---------------------------------------------------------------------


def _questionnaire(*questions: dict[str, Any]) -> dict[str, Any]:
    text = {"en": "t", "zh_Hans": "t"}
    return {
        "key": "k",
        "version": 1,
        "title": text,
        "sections": [
            {"key": "s", "title": text, "questions": [{"text": text, **q} for q in questions]}
        ],
    }


@pytest.mark.parametrize(
    ("questions", "where", "says"),
    [
        ([{"id": "a", "type": "yes_no"}, {"id": "a", "type": "yes_no"}], "questions[1].id", "used twice"),
        ([{"id": "a", "type": "essay"}], "questions[0].type", "one of yes_no"),
        ([{"id": "a"}], "questions[0].type", "text (missing)"),  # not "not None"
        ([{"id": "a", "type": "choice", "options": ["x"]}], "questions[0].options", "at least two"),
        ([{"id": "a", "type": "yes_no", "show_if": {"answer": "b", "is": "yes"}}, {"id": "b", "type": "yes_no"}],
         "questions[0].show_if", "unknown question 'b'"),
        ([{"id": "a", "type": "yes_no"}, {"id": "b", "type": "yes_no", "show_if": {"answer": "a", "is": True}}],
         "questions[1].show_if", "'True' is not a choice of 'a'"),
        ([{"id": "a", "type": "yes_no"}, {"id": "b", "type": "yes_no", "show_if": {"answer": "a", "at_least": 1}}],
         "questions[1].show_if", "does not apply"),
        ([{"id": "a", "type": "yes_no", "text": {"en": "only English"}}], "questions[0].text", "en and zh_Hans"),
        ([{"id": "a", "type": "number"}], "questions[0].max", "needs a finite min (default 0) and max"),
        ([{"id": "a", "type": "number", "max": float("inf")}], "questions[0].max", "finite"),
        ([{"id": "a", "type": "number", "min": float("nan"), "max": 9}], "questions[0].min", "finite"),
        ([{"id": "a", "type": "number", "min": 5, "max": 1}], "questions[0].max", "at least min"),
        ([{"id": "a", "type": "yes_no", "help": {"en": "only English"}}], "questions[0].help", "en and zh_Hans"),
        ([{"id": "a", "type": "number", "max": 9, "unit": "hours"}], "questions[0].unit", "en and zh_Hans"),
        ([{"id": "a", "type": "yes_no", "unit": {"en": "h", "zh_Hans": "时"}}], "questions[0].unit",
         "only a number question has a unit, not a yes_no one"),
    ],
)  # fmt: skip
def test_a_bad_questionnaire_file_names_the_place(
    questions: list[dict[str, Any]], where: str, says: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        read_questionnaire(_questionnaire(*questions), "q.yaml")
    problems = [(p.source, p.field, p.message) for p in refused.value.problems]
    assert any(src == "q.yaml" and f.endswith(where) and says in m for src, f, m in problems), (
        problems
    )


def test_unquoted_yes_in_yaml_is_caught_not_silently_false() -> None:
    """YAML 1.1 reads a bare ``yes`` as true; a rule written that way would never fire."""
    questionnaire = read_questionnaire(_questionnaire({"id": "a", "type": "yes_no"}), "q.yaml")
    raw = yaml.safe_load(
        "key: k\nversion: 1\nrules:\n  - code: R\n    section: s\n    severity: low\n"
        "    when: {answer: a, is: yes}\n    title: {en: t, zh_Hans: t}\n"
        "    action: {title: {en: t, zh_Hans: t}, owner: management, effort_hours: 1}\n"
    )
    with pytest.raises(InvalidInput, match="'True' is not a choice of 'a'"):
        read_rules(raw, questionnaire, "r.yaml")


def test_bad_rules_name_each_place(check: Any) -> None:
    text = {"en": "t", "zh_Hans": "t"}
    action = {"title": text, "owner": "management", "effort_hours": 1}
    raw = {
        "key": "ip-health-check",
        "version": 1,
        "rules": [
            {"code": "A", "section": "nowhere", "severity": "low", "when": {"fact": "x", "not_empty": True},
             "title": text, "action": action},
            {"code": "A", "section": "coverage", "severity": "low", "when": {"answer": "exports", "is": "no"},
             "title": text, "action": action},
            {"code": "B", "section": "coverage", "severity": "dire", "when": {}, "title": text, "action": action},
            {"code": "C", "section": "coverage", "severity": "low", "when": {"answer": "exports", "is": "no"},
             "title": text, "action": {**action, "owner": "intern", "effort_hours": 0}},
            {"code": "D", "section": "coverage", "severity": "low", "when": {"answer": "exports", "is": "no"},
             "title": text, "action": {**action, "effort_hours": float("inf")}},
        ],
    }  # fmt: skip
    with pytest.raises(InvalidInput) as refused:
        read_rules(raw, check.questionnaire, "r.yaml")
    found = {(p.field, p.message.split(" (")[0]) for p in refused.value.problems}
    assert ("rules[0].section", "unknown section 'nowhere'") in found
    raw["rules"][0].pop("section")
    del raw["version"]
    with pytest.raises(InvalidInput) as refused:
        read_rules(raw, check.questionnaire, "r.yaml")
    said = {p.field: p.message for p in refused.value.problems}
    assert said["key"] == "name the questionnaire the rules are for (key and version: " \
        "ip-health-check v1)"  # fmt: skip
    assert said["rules[0].section"].startswith("missing (one of ownership, coverage,")
    assert "None" not in str(refused.value)
    assert ("rules[0].when", "unknown fact 'x'") in found
    assert ("rules[1].code", "'A' is used twice") in found
    assert any(field == "rules[2].severity" for field, _ in found)
    assert any(field == "rules[3].action.owner" for field, _ in found)
    assert any(field == "rules[3].action.effort_hours" for field, _ in found)
    assert (
        "rules[4].action.effort_hours",
        "give a finite number above 0, at most 10,000 hours, not inf",
    ) in found


def test_an_unknown_questionnaire_version_is_not_found() -> None:
    with pytest.raises(NotFound, match="have: v1"):
        health_check("ip-health-check", 9)


# --- diagnosis, plan, package, re-check -------------------------------------------------


def test_a_finding_from_the_data_carries_the_items_as_evidence(check: Any) -> None:
    facts = {"marks_without_recordation": ["CN 12345678 ACME"], "rights_in_grace": []}
    diagnosis = check.rules.diagnose(check.questionnaire, {}, facts, ON)
    (finding,) = diagnosis.findings
    assert finding.code == "CUS-MARKS-UNRECORDED-DATA"
    assert [(e.source, e.name, e.value) for e in finding.evidence] == [
        ("data", "marks_without_recordation", ["CN 12345678 ACME"])
    ]
    scores = {s.section: s for s in diagnosis.scores}
    assert (
        scores["coverage"].score == 100 and scores["coverage"].findings == 0
    )  # grace checked, clean
    assert scores["customs"].score == 0
    assert scores["watch"].score is None  # nothing known: not scored rather than perfect


def test_a_section_score_weighs_findings_by_severity(check: Any) -> None:
    answers = _all_good(check) | {"secrets_identified": "no", "non_compete": "no"}
    scores = {
        s.section: s for s in check.rules.diagnose(check.questionnaire, answers, {}, ON).scores
    }
    # secrets rules: NOT-IDENTIFIED high 4, NO-NDA critical 8, FEW-MEASURES medium 2, NON-COMPETE low 1
    assert scores["secrets"].score == round(100 * (1 - 5 / 15))
    assert scores["secrets"].findings == 2


def test_the_plan_puts_what_can_be_lost_first_then_quick_wins(check: Any) -> None:
    answers = {
        "customs_recorded": "yes",
        "customs_contact": "no",  # high, 1 hour, due in 14 days by its rule
        "trademark_watch": "no",  # high, 2 hours
        "confidentiality_agreements": "no",  # critical
        "own_domains": "no",  # low
    }
    plan = check.rules.diagnose(check.questionnaire, answers, {}, ON).plan
    assert [a.finding_code for a in plan] == [
        "SEC-NO-NDA",
        "CUS-NO-CONTACT",
        "WATCH-NONE",
        "ONL-DOMAINS",
    ]
    assert [a.priority for a in plan] == [1, 2, 3, 4]
    due = {a.finding_code: (a.due_on - ON).days for a in plan}
    assert due == {"SEC-NO-NDA": 14, "CUS-NO-CONTACT": 14, "WATCH-NONE": 30, "ONL-DOMAINS": 180}


def test_a_package_of_ten_hours_takes_the_providers_most_urgent_work(check: Any) -> None:
    answers = {
        "uses_contractors": "yes",
        "contractor_assignment": "no",  # critical, legal_service, 6 h
        "customs_recorded": "no",  # high, legal_service, 3 h
        "trademark_watch": "no",  # high, legal_service, 2 h
        "employee_inventions_policy": "no",  # high, management: not the provider's
    }
    plan = check.rules.diagnose(check.questionnaire, answers, {}, ON).plan
    chosen, left = propose_package(plan, 10)
    assert [a.finding_code for a in chosen] == ["OWN-CONTRACTOR-ASSIGNMENT", "WATCH-NONE"]
    assert left == 2


def test_a_recheck_shows_what_improved_section_by_section(check: Any) -> None:
    before_answers = {
        "customs_recorded": "no",
        "trademark_watch": "yes",
        "watch_frequency": "occasionally",
    }
    after_answers = {
        "customs_recorded": "yes",
        "identification_guide": "no",
        "customs_contact": "yes",
        "trademark_watch": "no",
    }
    before = check.rules.diagnose(check.questionnaire, before_answers, {}, ON)
    after = check.rules.diagnose(check.questionnaire, after_answers, {}, date(2026, 9, 1))
    changes = {c.section: c for c in recheck(before, after)}
    assert changes["customs"].trend == "improved"
    assert changes["customs"].resolved == ("CUS-NOT-RECORDED",)
    assert changes["customs"].new == ("CUS-NO-GUIDE",)
    assert changes["watch"].trend == "worse"
    assert changes["secrets"].trend == "not comparable"


def test_a_recheck_compares_a_section_only_on_the_checks_made_both_times(check: Any) -> None:
    # customs judged from an answer first, then only from the records: no change is shown
    before = check.rules.diagnose(check.questionnaire, {"customs_recorded": "no"}, {}, ON)
    records = {"marks_without_recordation": []}
    after = check.rules.diagnose(check.questionnaire, {}, records, date(2026, 9, 1))
    customs = {c.section: c for c in recheck(before, after)}["customs"]
    assert next(s for s in after.scores if s.section == "customs").score == 100
    assert (customs.trend, customs.compared, customs.before, customs.after) == (
        "not comparable",
        0,
        None,
        None,
    )
    both = check.rules.diagnose(check.questionnaire, {"customs_recorded": "yes"}, records, ON)
    customs = {c.section: c for c in recheck(before, both)}["customs"]
    assert (customs.trend, customs.compared, customs.before, customs.after) == (
        "improved",
        1,
        0,
        100,
    )  # the answer given both times, not the new records check, makes the comparison


def test_a_text_cut_at_a_comma_in_a_yaml_flow_mapping_is_caught() -> None:
    raw = yaml.safe_load("{en: Record marks with customs (GACC, and CBP), zh_Hans: 海关备案}")
    questionnaire = _questionnaire({"id": "a", "type": "yes_no", "text": raw})
    with pytest.raises(InvalidInput, match="quote a text that holds a comma"):
        read_questionnaire(questionnaire, "q.yaml")


def test_an_answer_is_worded_as_the_questionnaire_offers_it(check: Any) -> None:
    questions = check.questionnaire.questions
    ownership = questions["co_development_ownership"]
    assert ownership.worded("agreed_orally") == "Agreed orally only"
    assert ownership.worded("agreed_orally", "zh_Hans") == "仅口头约定"
    assert questions["access_controls"].worded(["marking", "logging"]) == (
        "Documents marked confidential, Access logged"
    )
    assert questions["export_markets"].worded(["US", "EM"]) == "US, EM"  # codes are their label
    assert questions["exports"].worded("no") == "no"
