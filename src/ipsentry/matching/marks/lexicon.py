"""The word lists the mark engine reads, kept as data under `ipsentry/data/marks/`.

Loaded once per process; every accessor returns immutable structures so engines can share them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from anyascii import anyascii

from ipsentry.matching.marks.reasons import Reason


def _read(name: str) -> str:
    return resources.files("ipsentry.data").joinpath("marks", name).read_text("utf-8")


def _json(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_read(name))
    return data


def fold_accents(word: str) -> str:
    """Lower-case ASCII spelling of a Latin word: 'Alacrán' -> 'alacran'."""
    return anyascii(unicodedata.normalize("NFKC", word)).lower()


@dataclass(frozen=True)
class WeakWords:
    """Words that weigh little in a mark whatever its goods, with the reason each one is weak."""

    annotations: tuple[str, ...]  # longest first; written inside brackets after the mark
    trailing_annotations: tuple[str, ...]  # longest first; written after the mark ('& Design')
    reasons: dict[str, Reason]
    short_word: int  # words this short (in a mark of several words) weigh little

    def reason(self, token: str) -> Reason | None:
        return self.reasons.get(token)


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def weak_words() -> WeakWords:
    data = _json("weak_words.json")
    reasons: dict[str, Reason] = {}
    for word in data["marketplace"]:
        reasons[word] = Reason.of("weight.marketplace")
    for word in data["company_forms"]:
        reasons[word] = Reason.of("weight.company_form")
    return WeakWords(
        annotations=_longest_first(data["annotations"]),
        trailing_annotations=_longest_first(data["trailing_annotations"]),
        reasons=reasons,
        short_word=int(data["short_token_max"]),
    )


@dataclass(frozen=True)
class NiceTerms:
    """The Nice class headings, cut into their terms, and how related two classes are."""

    headings: dict[int, str]
    terms: dict[str, tuple[int, ...]]  # a heading's part (lower-case) -> classes
    related: dict[tuple[int, int], tuple[float, str]]
    retail_class: int
    retail_strength: float

    def relation(self, a: int, b: int) -> tuple[float, str] | None:
        return self.related.get((min(a, b), max(a, b)))


def heading_terms(heading: str) -> list[str]:
    """The terms of a class heading: its parts between semicolons and commas."""
    parts = (p.strip(" .").lower() for p in re.split(r"[;,]", heading))
    return [p for p in parts if p and not p.startswith(("except", "other than", "not of"))]


@cache
def nice_terms() -> NiceTerms:
    headings = {int(n): text for n, text in _json("nice_classes.json")["classes"].items()}
    terms: dict[str, set[int]] = {}
    for number, heading in headings.items():
        for term in heading_terms(heading):
            terms.setdefault(term, set()).add(number)
    coordinated = _json("coordinated_classes.json")
    related = {
        (min(a, b), max(a, b)): (float(strength), why)
        for a, b, strength, why in coordinated["pairs"]
    }
    retail = coordinated["retail"]
    return NiceTerms(
        headings=headings,
        terms={t: tuple(sorted(c)) for t, c in terms.items()},
        related=related,
        retail_class=int(retail["class"]),
        retail_strength=float(retail["strength"]),
    )


@cache
def hs_classes() -> dict[str, tuple[int, ...]]:
    return {code: tuple(classes) for code, classes in _json("hs_nice.json")["codes"].items()}


@dataclass(frozen=True)
class ReferentialPhrases:
    before_mark: tuple[str, ...]
    after_mark: tuple[str, ...]
    imitation: tuple[str, ...]


@cache
def referential_phrases() -> ReferentialPhrases:
    data = _json("referential.json")

    return ReferentialPhrases(
        before_mark=_longest_first(data["before_mark"]),
        after_mark=_longest_first(data["after_mark"]),
        imitation=_longest_first(data["imitation"]),
    )


@dataclass(frozen=True)
class VisualTables:
    groups: tuple[tuple[str, str], ...]  # longest first
    characters: dict[str, str]
    leet: dict[str, str]
    homoglyphs: dict[str, str]  # any Unicode character -> the ASCII letter or digit it imitates


@cache
def visual_tables() -> VisualTables:
    data = _json("visual.json")
    groups = tuple(sorted(data["groups"].items(), key=lambda kv: len(kv[0]), reverse=True))
    return VisualTables(
        groups=groups,
        characters=dict(data["characters"]),
        leet=dict(data["leet"]),
        homoglyphs=_unicode_homoglyphs(),
    )


def _unicode_homoglyphs() -> dict[str, str]:
    """Unicode's confusables (UTS #39, as packaged by confusable-homoglyphs) onto ASCII."""
    import confusable_homoglyphs

    path = resources.files(confusable_homoglyphs).joinpath("confusables.json")
    table: dict[str, list[dict[str, str]]] = json.loads(path.read_text("utf-8"))
    mapping: dict[str, str] = {}
    for char, looks in table.items():
        if char.isascii():
            continue
        for look in looks:
            target = look["c"]
            if len(target) == 1 and target.isascii() and target.isalnum():
                mapping[char] = target.lower()
                break
    return mapping


@cache
def keyboard_neighbours() -> dict[str, str]:
    data = _json("keyboard.json")
    rows: list[str] = data["rows"]
    offsets: list[float] = data["offsets"]
    position = {
        char: (r, c + offsets[r]) for r, row in enumerate(rows) for c, char in enumerate(row)
    }
    neighbours: dict[str, str] = {}
    for char, (r, x) in position.items():
        near = [
            other
            for other, (r2, x2) in position.items()
            if other != char and abs(r2 - r) <= 1 and abs(x2 - x) <= 1.0
        ]
        neighbours[char] = "".join(sorted(near))
    return neighbours
