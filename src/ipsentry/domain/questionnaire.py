"""Health-check questionnaires read from versioned data, with follow-ups and answer checks.

A questionnaire is data a practitioner edits (``ipsentry/data/health/KEY.vN.yaml``); this
module turns it into typed questions, refuses a file that is inconsistent (naming the
place in the file), decides which follow-ups are asked given the answers so far, and
checks answers one question at a time so they can be saved as the user goes.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ipsentry.domain.common import number_problem
from ipsentry.domain.conditions import Condition, ConditionError, parse_condition
from ipsentry.errors import InvalidInput, Problem, echoed

LANGUAGES = ("en", "zh_Hans")
MAX_TEXT = 5000


class QuestionType(enum.StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    MULTI_SELECT = "multi_select"
    NUMBER = "number"
    TEXT = "text"


YES_NO = ("yes", "no")


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    type: QuestionType
    text: Mapping[str, str]
    help: Mapping[str, str]
    options: tuple[str, ...] = ()
    option_labels: Mapping[str, Mapping[str, str]] | None = None
    show_if: Condition | None = None
    low: float = 0  # a number question's range (its ``min`` and ``max`` in the file)
    high: float = 0
    unit: Mapping[str, str] | None = None  # what a number counts ("hours a year")

    @property
    def choices(self) -> tuple[str, ...]:
        return YES_NO if self.type is QuestionType.YES_NO else self.options

    def worded(self, value: Any, locale: str = "en") -> str:
        """An answer as the questionnaire words it ("Agreed orally only", not the stored
        key "agreed_orally"), so findings quote what the enterprise was asked to pick."""
        chosen = value if isinstance(value, list) else [value]
        labels = self.option_labels or {}
        return ", ".join(
            labels[v].get(locale) or labels[v]["en"] if v in labels else str(v) for v in chosen
        )

    def check(self, value: Any) -> tuple[Any, str | None]:
        """The answer in its stored form, or the problem with it (in plain words)."""
        if self.type is QuestionType.YES_NO:
            if isinstance(value, bool):
                value = "yes" if value else "no"
            if value not in YES_NO:
                return value, "answer yes or no"
        elif self.type is QuestionType.CHOICE:
            if value not in self.options:
                return value, f"choose one of {', '.join(self.options)}"
        elif self.type is QuestionType.MULTI_SELECT:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return value, "give a list of choices"
            unknown = [v for v in value if v not in self.options]
            if unknown:
                return (
                    value,
                    f"unknown choice {echoed(unknown[0])} (choose from {', '.join(self.options)})",
                )
            value = sorted(set(value), key=self.options.index)
        elif self.type is QuestionType.NUMBER:
            if (wanted := number_problem(value, self.low, self.high)) is not None:
                return value, wanted
        elif not isinstance(value, str) or len(value) > MAX_TEXT:
            return value, f"give text of at most {MAX_TEXT} characters"
        return value, None


@dataclass(frozen=True)
class Section:
    key: str
    title: Mapping[str, str]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class QuestionnaireDefinition:
    key: str
    version: int
    title: Mapping[str, str]
    sections: tuple[Section, ...]

    @property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for s in self.sections for q in s.questions}

    def asked(self, answers: Mapping[str, Any]) -> list[Question]:
        """The questions asked given these answers: follow-ups only once their trigger holds.

        A follow-up whose trigger is unanswered is not asked yet; answers to questions
        that are no longer asked are kept by the caller but never counted.
        """
        asked: list[Question] = []
        counted: dict[str, Any] = {}
        for question in self.questions.values():
            if question.show_if is None or question.show_if.evaluate(counted, {}) is True:
                asked.append(question)
                if question.id in answers:
                    counted[question.id] = answers[question.id]
        return asked

    def counted_answers(self, answers: Mapping[str, Any]) -> dict[str, Any]:
        """The answers that count: those to questions asked, in the questionnaire's order."""
        return {q.id: answers[q.id] for q in self.asked(answers) if q.id in answers}

    def unanswered(self, answers: Mapping[str, Any]) -> list[Question]:
        return [q for q in self.asked(answers) if q.id not in answers]

    def save(
        self, stored: Mapping[str, Any], given: Mapping[str, Any], source: str = "answers"
    ) -> dict[str, Any]:
        """The answers once ``given`` is saved over ``stored`` (``None`` clears one), or
        InvalidInput naming every bad answer, each by its question.

        A questionnaire is saved as the user goes and resumed, so two cases differ:

        - An answer *given now* to a follow-up whose condition does not hold once this save
          is made (its trigger answered the other way, or not at all) is refused, naming
          the condition: it would be stored yet never asked, shown or counted, and the
          user would believe they had answered something that plays no part.
        - An answer given *earlier* to a follow-up whose trigger is changed now is kept but
          no longer counted (``counted_answers``, which the diagnosis, its facts and the
          progress read): changing a trigger back, after a slip or on second thoughts,
          brings the earlier answer back instead of losing what was typed, and a change of
          one answer never refuses a save or silently deletes another.
        """
        present = {k: v for k, v in given.items() if v is not None}
        checked, problems = self._checked(present, source)
        merged = after_saving(stored, {**given, **checked})
        counted = self.counted_answers(merged)
        questions = self.questions
        for question_id in checked:
            condition = questions[question_id].show_if
            if question_id in counted or condition is None:
                continue
            triggers = dict.fromkeys(name for kind, name in condition.inputs() if kind == "answer")
            state = ", ".join(_answered(name, merged, counted) for name in triggers)
            message = f"a follow-up asked only when {condition.describe()}, and {state}"
            problems.append(Problem(source, None, question_id, message))
        if problems:
            raise InvalidInput(problems)
        return merged

    def _checked(
        self, answers: Mapping[str, Any], source: str
    ) -> tuple[dict[str, Any], list[Problem]]:
        """The answers in their stored form, and the problem with each bad one."""
        problems: list[Problem] = []
        checked: dict[str, Any] = {}
        questions = self.questions
        for question_id, value in answers.items():
            question = questions.get(question_id)
            if question is None:
                problems.append(Problem(source, None, question_id, "no such question"))
                continue
            stored, problem = question.check(value)
            if problem:
                said = f"{problem}, not {echoed(value)}"
                problems.append(Problem(source, None, question_id, said))
            else:
                checked[question_id] = stored
        return checked, problems


def after_saving(stored: Mapping[str, Any], given: Mapping[str, Any]) -> dict[str, Any]:
    """``stored`` with ``given`` saved over it: ``None`` clears an answer."""
    merged = {**stored, **{k: v for k, v in given.items() if v is not None}}
    for cleared in (k for k, v in given.items() if v is None):
        merged.pop(cleared, None)
    return merged


def _answered(name: str, answers: Mapping[str, Any], counted: Mapping[str, Any]) -> str:
    if name in counted:
        return f"{name} is answered {echoed(counted[name])}"
    return f"{name} is not asked either" if name in answers else f"{name} is not answered yet"


def read_questionnaire(raw: Any, source: str) -> QuestionnaireDefinition:
    """Build a questionnaire from its data form, or raise naming every bad place."""
    problems: list[Problem] = []

    def bad(where: str, message: str) -> None:
        problems.append(Problem(source, None, where, message))

    if not isinstance(raw, Mapping):
        raise InvalidInput([Problem(source, None, "questionnaire", "not a mapping")])
    sections: list[Section] = []
    seen: dict[str, Question] = {}
    for s_index, raw_section in enumerate(raw.get("sections") or []):
        where = f"sections[{s_index}]"
        questions: list[Question] = []
        for q_index, raw_q in enumerate(raw_section.get("questions") or []):
            question = _question(
                raw_q, raw_section.get("key", ""), f"{where}.questions[{q_index}]", seen, bad
            )
            if question is not None:
                questions.append(question)
                seen[question.id] = question
        check_texts(raw_section.get("title"), f"{where}.title", bad)
        sections.append(
            Section(
                str(raw_section.get("key", "")), raw_section.get("title") or {}, tuple(questions)
            )
        )
    if not sections:
        bad("sections", "a questionnaire needs at least one section")
    if len({s.key for s in sections}) != len(sections):
        bad("sections", "section keys must be unique")
    if not isinstance(raw.get("version"), int):
        bad("version", "a whole number")
    check_texts(raw.get("title"), "title", bad)
    if problems:
        raise InvalidInput(problems)
    return QuestionnaireDefinition(str(raw["key"]), raw["version"], raw["title"], tuple(sections))


def check_texts(value: Any, where: str, bad: Callable[[str, str], None]) -> None:
    """Report through ``bad`` when a text is not given in every language, or in others.

    An unknown key is most often a text cut at a comma inside a YAML flow mapping
    (``{en: a, b}`` reads as two keys): quote such texts.
    """
    if not isinstance(value, Mapping) or any(not value.get(lang) for lang in LANGUAGES):
        bad(where, f"give the text in {' and '.join(LANGUAGES)}")
        return
    for key in value:
        if key not in LANGUAGES:
            bad(where, f"unknown language {key!r} (quote a text that holds a comma)")


def _question(
    raw: Mapping[str, Any],
    section: str,
    where: str,
    seen: Mapping[str, Question],
    bad: Callable[[str, str], None],
) -> Question | None:
    question_id = str(raw.get("id", ""))
    if not question_id:
        bad(f"{where}.id", "missing")
        return None
    if question_id in seen:
        bad(f"{where}.id", f"'{question_id}' is used twice")
        return None
    try:
        kind = QuestionType(str(raw.get("type")))
    except ValueError:
        given = raw.get("type")
        said = "missing" if given is None else f"not {echoed(given)}"
        bad(f"{where}.type", f"one of {', '.join(QuestionType)} ({said})")
        return None
    options = tuple(str(o) for o in raw.get("options") or ())
    if kind in (QuestionType.CHOICE, QuestionType.MULTI_SELECT) and len(options) < 2:
        bad(f"{where}.options", "a choice needs at least two options")
    labels = raw.get("option_labels")
    for option in labels or {}:
        if option not in options:
            bad(f"{where}.option_labels", f"'{option}' is not an option")
    check_texts(raw.get("text"), f"{where}.text", bad)
    if "help" in raw:
        check_texts(raw["help"], f"{where}.help", bad)
    if "unit" in raw:
        if kind is QuestionType.NUMBER:
            check_texts(raw["unit"], f"{where}.unit", bad)
        else:
            bad(f"{where}.unit", f"only a number question has a unit, not a {kind} one")
    low, high = _range(raw, kind, where, bad)
    show_if = None
    if "show_if" in raw:
        try:
            show_if = parse_condition(raw["show_if"])
        except ConditionError as error:
            bad(f"{where}.show_if", str(error))
        else:
            for problem in condition_problems(show_if, seen, facts=frozenset()):
                bad(f"{where}.show_if", f"{problem} (a follow-up follows an earlier question)")
    return Question(
        question_id,
        section,
        kind,
        raw.get("text") or {},
        raw.get("help") or {},
        options,
        labels,
        show_if,
        low,
        high,
        raw.get("unit"),
    )


def _range(
    raw: Mapping[str, Any], kind: QuestionType, where: str, bad: Callable[[str, str], None]
) -> tuple[float, float]:
    """A number question's ``min`` (default 0) and ``max`` (required).

    Without a largest sensible answer, 1e99 hours would be accepted as readily as 40: the
    file says what the question can mean.
    """
    if kind is not QuestionType.NUMBER:
        return 0, 0
    low: Any = raw.get("min", 0)
    high: Any = raw.get("max")
    for name, value in (("min", low), ("max", high)):
        if number_problem(value, -math.inf, math.inf) is not None:
            bad(f"{where}.{name}", "a number question needs a finite min (default 0) and max")
            return 0, 0
    if low > high:
        bad(f"{where}.max", f"at least min ({low})")
    return float(low), float(high)


def condition_problems(
    condition: Condition, questions: Mapping[str, Question], facts: frozenset[str]
) -> list[str]:
    """What in ``condition`` does not fit the questions and facts it may read."""
    problems: list[str] = []
    for kind, name in condition.inputs():
        if kind == "fact" and name not in facts:
            problems.append(f"unknown fact '{name}'")
        if kind == "answer" and name not in questions:
            problems.append(f"unknown question '{name}'")
    problems += _operand_problems(condition, questions)
    return problems


def _operand_problems(condition: Condition, questions: Mapping[str, Question]) -> list[str]:
    if condition.kind != "answer":
        return [p for part in condition.parts for p in _operand_problems(part, questions)]
    question = questions.get(condition.name)
    if question is None:
        return []
    operator, operand = condition.operator, condition.operand
    numeric = operator in ("at_least", "at_most")
    if numeric != (question.type is QuestionType.NUMBER):
        return [f"'{operator}' does not apply to the {question.type} question '{question.id}'"]
    if operator in ("includes", "excludes") and question.type is not QuestionType.MULTI_SELECT:
        return [f"'{operator}' applies to multi-select questions, not '{question.id}'"]
    values = operand if operator == "in" else [] if numeric else [operand]
    choices = question.choices
    if choices:
        return [f"'{v}' is not a choice of '{question.id}'" for v in values if v not in choices]
    return []
