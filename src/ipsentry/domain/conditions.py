"""A small condition language for questionnaires and diagnosis rules, kept as data.

Follow-up questions and diagnosis rules both say *when* in the same words, so a
practitioner can read and change them in YAML without code. A condition is one of::

    {answer: QUESTION, is: VALUE}            {answer: QUESTION, is_not: VALUE}
    {answer: QUESTION, in: [VALUE, ...]}     {answer: QUESTION, includes: VALUE}
    {answer: QUESTION, excludes: VALUE}      {answer: QUESTION, at_least: N}
    {answer: QUESTION, at_most: N}           {fact: NAME, not_empty: true}
    {all: [CONDITION, ...]}   {any: [CONDITION, ...]}   {not: CONDITION}

Evaluation is three-valued: a question not asked or not answered, or a fact not computed,
makes a condition *unknown* (``None``) rather than false, so a rule never fires — or counts
as passed — on an input nobody gave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

Known = Mapping[str, Any]  # question id or fact name -> value; absent means unknown

_ANSWER_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "is": lambda value, wanted: value == wanted,
    "is_not": lambda value, wanted: value != wanted,
    "in": lambda value, wanted: value in wanted,
    "includes": lambda value, wanted: wanted in value,
    "excludes": lambda value, wanted: wanted not in value,
    "at_least": lambda value, wanted: float(value) >= float(wanted),
    "at_most": lambda value, wanted: float(value) <= float(wanted),
}
OPERATORS = frozenset(_ANSWER_TESTS)
_WORDS = {
    "is": "is",
    "is_not": "is not",
    "in": "is one of",
    "includes": "includes",
    "excludes": "excludes",
    "at_least": "is at least",
    "at_most": "is at most",
}


class ConditionError(ValueError):
    """A condition that is not in the language; the message says what is wrong."""


@dataclass(frozen=True)
class Condition:
    """A parsed condition: ``kind`` is answer, fact, all, any or not."""

    kind: str
    name: str = ""  # question id or fact name
    operator: str = ""
    operand: Any = None
    parts: tuple[Condition, ...] = ()

    def evaluate(self, answers: Known, facts: Known) -> bool | None:
        if self.kind == "answer":
            if self.name not in answers:
                return None
            return _ANSWER_TESTS[self.operator](answers[self.name], self.operand)
        if self.kind == "fact":
            if self.name not in facts:
                return None
            return bool(facts[self.name]) is bool(self.operand)
        results = [part.evaluate(answers, facts) for part in self.parts]
        if self.kind == "not":
            return None if results[0] is None else not results[0]
        decisive = self.kind == "any"  # any: one True decides; all: one False decides
        if decisive in results:
            return decisive
        return None if None in results else not decisive

    def describe(self) -> str:
        """The condition in words, for a message: ``uses_contractors is 'yes'``."""
        if self.kind == "answer":
            operand = self.operand if self.operator == "in" else [self.operand]
            return f"{self.name} {_WORDS[self.operator]} {', '.join(map(repr, operand))}"
        if self.kind == "fact":
            return f"the records {'show' if self.operand else 'show no'} {self.name}"
        said = [f"({p.describe()})" if p.parts else p.describe() for p in self.parts]
        if self.kind == "not":
            return f"not {said[0]}"
        return f" {'and' if self.kind == 'all' else 'or'} ".join(said)

    def inputs(self) -> Iterator[tuple[str, str]]:
        """Every (``answer`` or ``fact``, name) the condition reads, in order."""
        if self.kind in ("answer", "fact"):
            yield self.kind, self.name
        for part in self.parts:
            yield from part.inputs()


def parse_condition(raw: Any) -> Condition:
    """Read a condition from its data form, or raise ``ConditionError`` saying why."""
    if not isinstance(raw, Mapping):
        raise ConditionError(f"a condition is a mapping, not {raw!r}")
    keys = set(raw)
    for combinator in ("all", "any"):
        if keys == {combinator}:
            parts = raw[combinator]
            if not isinstance(parts, list) or not parts:
                raise ConditionError(f"'{combinator}' needs a non-empty list of conditions")
            return Condition(combinator, parts=tuple(parse_condition(p) for p in parts))
    if keys == {"not"}:
        return Condition("not", parts=(parse_condition(raw["not"]),))
    if keys == {"fact", "not_empty"}:
        if not isinstance(raw["not_empty"], bool):
            raise ConditionError("'not_empty' is true or false")
        return Condition(
            "fact", name=str(raw["fact"]), operator="not_empty", operand=raw["not_empty"]
        )
    if "answer" in keys and len(keys) == 2:
        (operator,) = keys - {"answer"}
        if operator not in OPERATORS:
            known = ", ".join(sorted(OPERATORS))
            raise ConditionError(f"unknown test '{operator}' (use one of {known})")
        operand = raw[operator]
        if operator == "in" and not isinstance(operand, list):
            raise ConditionError("'in' needs a list of values")
        if operator in ("at_least", "at_most") and not isinstance(operand, int | float):
            raise ConditionError(f"'{operator}' needs a number")
        return Condition("answer", name=str(raw["answer"]), operator=operator, operand=operand)
    raise ConditionError(f"not a condition: {dict(raw)!r}")
