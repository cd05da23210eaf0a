"""Diagnosis of an IP health check: rules as data turn answers and facts into loopholes.

Each rule names one loophole, the condition that reveals it (an answer, or a fact the
enterprise's own data shows), its severity and the action that closes it. The diagnosis
is the findings with their evidence, a score per section, and a plan whose actions are
ordered by what a loss would cost and then by effort. A re-check compares two diagnoses
section by section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ipsentry.domain.common import number_problem
from ipsentry.domain.conditions import Condition, ConditionError, parse_condition
from ipsentry.domain.health import PACKAGE_HOURS_MAX, Severity
from ipsentry.domain.questionnaire import (
    QuestionnaireDefinition,
    check_texts,
    condition_problems,
)
from ipsentry.errors import InvalidInput, Problem, echoed

# The facts a service computes from the enterprise's data (see the rules file's header),
# each with the answers it also reads: export markets come from the questionnaire.
FACTS: Mapping[str, tuple[str, ...]] = {
    "product_lines_unpatented": (),
    "export_markets_without_mark": ("export_markets",),
    "marks_without_recordation": (),
    "rights_in_grace": (),
    "similar_marks_of_others": (),
    "unresolved_hits": (),
}
OWNERS = ("management", "ip_counsel", "legal_service")
WEIGHT = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 4, Severity.CRITICAL: 8}
DUE_IN_DAYS = {Severity.CRITICAL: 14, Severity.HIGH: 30, Severity.MEDIUM: 90, Severity.LOW: 180}
_RANK = list(Severity)


@dataclass(frozen=True)
class ActionTemplate:
    title: Mapping[str, str]
    owner: str
    effort_hours: float
    due_in_days: int | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    section: str
    severity: Severity
    when: Condition
    title: Mapping[str, str]
    action: ActionTemplate


@dataclass(frozen=True)
class Evidence:
    """What a finding rests on: an answer given or an item of the enterprise's data."""

    source: str  # "answer" or "data"
    name: str  # question id or fact name
    value: Any


@dataclass(frozen=True)
class DiagnosedFinding:
    code: str
    section: str
    severity: Severity
    title: Mapping[str, str]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class PlannedAction:
    priority: int
    finding_code: str
    title: Mapping[str, str]
    owner: str
    effort_hours: float
    due_on: date


@dataclass(frozen=True)
class SectionScore:
    """0-100, the share of the section's checked weight with no loophole; None if unchecked."""

    section: str
    score: int | None
    weighed: tuple[tuple[str, int], ...]  # (code, weight) of the rules whose inputs were known
    findings: int

    @property
    def checked(self) -> int:
        return len(self.weighed)


@dataclass(frozen=True)
class Diagnosis:
    findings: tuple[DiagnosedFinding, ...]
    scores: tuple[SectionScore, ...]
    plan: tuple[PlannedAction, ...]

    @property
    def overall(self) -> int | None:
        known = [s.score for s in self.scores if s.score is not None]
        return round(sum(known) / len(known)) if known else None


@dataclass(frozen=True)
class SectionChange:
    """A section's score before and after, both over the checks made both times.

    A check made only once — a question answered at one assessment and not the other, a
    fact known only later — says nothing of change, so it is left out of both scores;
    with no check in common the section is not comparable.
    """

    section: str
    before: int | None
    after: int | None
    resolved: tuple[str, ...]
    new: tuple[str, ...]
    compared: int = 0  # checks made at both assessments

    @property
    def trend(self) -> str:
        if self.before is None or self.after is None:
            return "not comparable"
        return (
            "improved"
            if self.after > self.before
            else "worse"
            if self.after < self.before
            else "same"
        )


@dataclass(frozen=True)
class RuleSet:
    key: str
    version: int
    rules: tuple[Rule, ...] = field(default=())

    def diagnose(
        self,
        questionnaire: QuestionnaireDefinition,
        answers: Mapping[str, Any],
        facts: Mapping[str, Any],
        assessed_on: date,
    ) -> Diagnosis:
        """Findings, section scores and plan for these answers and facts on ``assessed_on``."""
        counted = questionnaire.counted_answers(answers)
        known_facts = {k: v for k, v in facts.items() if v is not None}
        findings: list[DiagnosedFinding] = []
        checked: dict[str, list[Rule]] = {s.key: [] for s in questionnaire.sections}
        for rule in self.rules:
            verdict = rule.when.evaluate(counted, known_facts)
            if verdict is None:
                continue
            checked[rule.section].append(rule)
            if verdict:
                findings.append(_finding(rule, counted, known_facts))
        findings.sort(key=lambda f: -_RANK.index(f.severity))
        by_code = {r.code: r for r in self.rules}
        scores = tuple(_score(section, rules, findings) for section, rules in checked.items())
        plan = _plan(findings, by_code, assessed_on)
        return Diagnosis(tuple(findings), scores, plan)


def recheck(before: Diagnosis, after: Diagnosis) -> list[SectionChange]:
    """What changed, section by section, from one diagnosis of an enterprise to the next."""
    old = {s.section: dict(s.weighed) for s in before.scores}
    changes = []
    for score in after.scores:
        was = {f.code for f in before.findings if f.section == score.section}
        now = {f.code for f in after.findings if f.section == score.section}
        earlier = old.get(score.section, {})
        common = {code: w for code, w in score.weighed if code in earlier}
        changes.append(
            SectionChange(
                score.section,
                _share_without(common, was),
                _share_without(common, now),
                tuple(sorted(was - now)),
                tuple(sorted(now - was)),
                len(common),
            )
        )
    return changes


def _share_without(weights: Mapping[str, int], found: set[str]) -> int | None:
    """0-100: the share of these checks' weight with no loophole; None with no checks."""
    total = sum(weights.values())
    if not total:
        return None
    lost = sum(w for code, w in weights.items() if code in found)
    return round(100 * (1 - lost / total))


def propose_package(
    plan: Sequence[PlannedAction], hours: float
) -> tuple[list[PlannedAction], float]:
    """The provider's actions that fit a package of ``hours``, in plan order, and hours left.

    Mirrors practice such as a lawyers' association's ten free hours of check-ups: the
    provider takes the most urgent work first and skips what does not fit.
    """
    chosen: list[PlannedAction] = []
    left = hours
    for action in plan:
        if action.owner == "legal_service" and action.effort_hours <= left:
            chosen.append(action)
            left -= action.effort_hours
    return chosen, left


def _finding(rule: Rule, answers: Mapping[str, Any], facts: Mapping[str, Any]) -> DiagnosedFinding:
    evidence = []
    for kind, name in dict.fromkeys(rule.when.inputs()):
        known = answers if kind == "answer" else facts
        if name in known:
            evidence.append(Evidence("answer" if kind == "answer" else "data", name, known[name]))
    return DiagnosedFinding(rule.code, rule.section, rule.severity, rule.title, tuple(evidence))


def _score(section: str, rules: list[Rule], findings: list[DiagnosedFinding]) -> SectionScore:
    found = {f.code for f in findings if f.section == section}
    weighed = tuple((r.code, WEIGHT[r.severity]) for r in rules)
    return SectionScore(section, _share_without(dict(weighed), found), weighed, len(found))


def _plan(
    findings: list[DiagnosedFinding], rules: Mapping[str, Rule], on: date
) -> tuple[PlannedAction, ...]:
    ordered = sorted(
        findings,
        key=lambda f: (-_RANK.index(f.severity), rules[f.code].action.effort_hours, f.code),
    )
    plan = []
    for priority, finding in enumerate(ordered, start=1):
        template = rules[finding.code].action
        days = template.due_in_days or DUE_IN_DAYS[finding.severity]
        plan.append(
            PlannedAction(
                priority,
                finding.code,
                template.title,
                template.owner,
                template.effort_hours,
                on + timedelta(days=days),
            )
        )
    return tuple(plan)


def read_rules(raw: Any, questionnaire: QuestionnaireDefinition, source: str) -> RuleSet:
    """Build the rules from their data form against their questionnaire, naming bad places."""
    problems: list[Problem] = []

    def bad(where: str, message: str) -> None:
        problems.append(Problem(source, None, where, message))

    if not isinstance(raw, Mapping):
        raise InvalidInput([Problem(source, None, "rules", "not a mapping")])
    if (raw.get("key"), raw.get("version")) != (questionnaire.key, questionnaire.version):
        wanted = f"{questionnaire.key} v{questionnaire.version}"
        if raw.get("key") is None or raw.get("version") is None:
            bad("key", f"name the questionnaire the rules are for (key and version: {wanted})")
        else:
            bad("key", f"rules are for {raw.get('key')} v{raw.get('version')}, not {wanted}")
    sections = {s.key for s in questionnaire.sections}
    questions = questionnaire.questions
    rules: list[Rule] = []
    codes: set[str] = set()
    for index, item in enumerate(raw.get("rules") or []):
        where = f"rules[{index}]"
        code = str(item.get("code", ""))
        if not code or code in codes:
            bad(f"{where}.code", "missing" if not code else f"'{code}' is used twice")
            continue
        codes.add(code)
        if item.get("section") not in sections:
            known = ", ".join(s.key for s in questionnaire.sections)
            given = item.get("section")
            said = "missing" if given is None else f"unknown section {echoed(given)}"
            bad(f"{where}.section", f"{said} (one of {known})")
        try:
            severity = Severity(item.get("severity"))
        except ValueError:
            bad(f"{where}.severity", f"one of {', '.join(Severity)}")
            continue
        try:
            when = parse_condition(item.get("when"))
        except ConditionError as error:
            bad(f"{where}.when", str(error))
            continue
        for problem in condition_problems(when, questions, frozenset(FACTS)):
            bad(f"{where}.when", problem)
        check_texts(item.get("title"), f"{where}.title", bad)
        action = item.get("action") or {}
        check_texts(action.get("title"), f"{where}.action.title", bad)
        if action.get("owner") not in OWNERS:
            bad(f"{where}.action.owner", f"one of {', '.join(OWNERS)}")
        effort: Any = action.get("effort_hours")
        if (hours := number_problem(effort, 0, PACKAGE_HOURS_MAX, above=True)) is not None:
            bad(f"{where}.action.effort_hours", f"{hours} hours, not {echoed(effort)}")
            continue
        template = ActionTemplate(
            action.get("title") or {},
            str(action.get("owner")),
            float(effort),
            action.get("due_in_days"),
        )
        rules.append(
            Rule(code, str(item.get("section")), severity, when, item.get("title") or {}, template)
        )
    if problems:
        raise InvalidInput(problems)
    return RuleSet(questionnaire.key, questionnaire.version, tuple(rules))
