"""How an element limits: what a negative limitation excludes, and which clauses are conditions.

"free of a wick" and "a wickless atomizer" exclude a wick; "when no puff is detected" or
"in response to no signal" is a condition under which the element acts, not an exclusion.
Markers are whole words ("no" is not the start of "nozzle", "notch", "node" or "normally";
"nonwoven" is a material), read from `data/claims/limitations.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ipsentry.matching.claims.lexicon import limitations

# a limit on a quantity ("no more than 2 ohms") excludes nothing
_COMPARATIVE = r"(?!\s*(?:more|less|greater|fewer|exceeding|higher|lower|later|earlier)\b)"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _whole(words: list[str]) -> str:
    """Alternatives matched as whole words; a marker written with a hyphen ('non-') as a prefix."""
    return rf"(?<![\w-])(?:{_alternatives(words)})(?:(?<=-)|\b)"


@dataclass(frozen=True)
class Patterns:
    negative: re.Pattern[str]
    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    absence: re.Pattern[str]
    condition: re.Pattern[str]
    closed: re.Pattern[str]
    means_plus_function: re.Pattern[str]
    mentioned: re.Pattern[str]


@cache
def patterns() -> Patterns:
    data = limitations()
    return Patterns(
        negative=re.compile(
            rf"{_whole(data['negative_markers'])}{_COMPARATIVE}\s*(?P<what>[^,;.]*)", re.I
        ),
        prefix=re.compile(rf"{_whole(data['negative_prefixes'])}\s*(?P<what>[a-z]+)", re.I),
        suffix=re.compile(r"\b(?P<what>[a-z]{3,})less\b", re.I),
        # the words just before the product's word for the excluded thing
        absence=re.compile(rf"{_whole(data['absence_in_product'])}[\s-]*(?:\w+\s+){{0,3}}?$", re.I),
        condition=re.compile(_whole(data["condition_markers"]), re.I),
        closed=re.compile(rf"\b(?:{_alternatives(data['closed_transitions'])})\b", re.I),
        means_plus_function=re.compile(
            rf"\b(?:{_alternatives(data['means_plus_function'])})\b", re.I
        ),
        mentioned=re.compile(
            rf"{_whole(data['mentioned_after'])}(?P<after>[^,;.:()]+)"
            rf"|(?P<before>[^,;.:()]+?)\s*{_whole(data['mentioned_before'])}",
            re.I,
        ),
    )


@dataclass(frozen=True)
class Exclusion:
    """A negative limitation: the words naming what is excluded, and the rest of the element."""

    excluded: str  # 'a wick'
    remainder: str  # the element without the exclusion: what must be present
    marker: str  # the words that exclude ('free of', 'wickless')


def exclusion(element: str) -> Exclusion | None:
    """What an element excludes, or None when it excludes nothing.

    A marker inside a conditional clause ("shuts off when no airflow is sensed") belongs to
    the condition, so it excludes nothing; an exclusion stops where a condition starts.
    """
    found = patterns()
    condition = found.condition.search(element)
    limit = condition.start() if condition else len(element)
    matches = (found.negative, found.prefix, found.suffix)
    for match in sorted((m for p in matches for m in p.finditer(element)), key=lambda m: m.start()):
        if match.start() >= limit:
            continue
        what_start = match.start("what")
        what_end = min(match.end("what"), limit)
        excluded = element[what_start:what_end].strip()
        if not excluded:
            continue
        if match.re is not found.negative:  # one word: 'wickless', 'non-conductive'
            marker = match.group(0)
            remainder = element[: match.start()] + element[match.end() :]
        else:
            marker = element[match.start() : what_start].strip()
            remainder = element[: match.start()] + element[what_end:]
        remainder = re.sub(r"\s+([,;:.])", r"\1", " ".join(remainder.split()))
        return Exclusion(excluded, remainder.strip(" ,;:"), marker)
    return None


def condition_of(element: str) -> str:
    """The conditional clause of an element ('when no puff is detected'), or ''."""
    match = patterns().condition.search(element)
    if not match:
        return ""
    rest = element[match.start() :]
    return re.split(r"[,;]", rest, maxsplit=1)[0].strip()


def mentions(text: str) -> list[tuple[int, int]]:
    """Spans of a product text naming things it only works with or that come separately."""
    spans = []
    for match in patterns().mentioned.finditer(text):
        group = "after" if match.group("after") is not None else "before"
        spans.append((match.start(group), match.end(group)))
    return spans
