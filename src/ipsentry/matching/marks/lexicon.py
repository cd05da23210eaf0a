"""The word lists the mark engine reads, kept as data under `ipsentry/data/marks/`.

Loaded once per process; every accessor returns immutable structures so engines can share them.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from anyascii import anyascii


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
    """Words that weigh little in a mark, with the reason each one is weak."""

    annotations: tuple[str, ...]
    reasons: dict[str, str]
    short_word: int  # words this short (in a mark of several words) weigh little

    def reason(self, token: str) -> str | None:
        return self.reasons.get(token)


@cache
def weak_words() -> WeakWords:
    data = _json("weak_words.json")
    reasons: dict[str, str] = {}
    for trade, words in data["trades"].items():
        for word in words:
            reasons.setdefault(word, f"common word of the {trade.replace('_', ' ')} trade")
    for word in data["marketplace"]:
        reasons[word] = "laudatory, marketplace or function word"
    for word in data["company_forms"]:
        reasons[word] = "company form"
    annotations = tuple(sorted(data["annotations"], key=len, reverse=True))
    return WeakWords(
        annotations=annotations, reasons=reasons, short_word=int(data["short_token_max"])
    )


@dataclass(frozen=True)
class Glossary:
    """Common words across languages, grouped by concept (English headword)."""

    concepts: dict[str, str]  # any spelling (folded, or Chinese characters) -> English headword
    languages: dict[str, str]  # spelling -> language code

    def concept(self, word: str) -> str | None:
        return self.concepts.get(word)


@cache
def glossary() -> Glossary:
    rows = csv.reader(
        line for line in _read("glossary.csv").splitlines() if not line.startswith("#")
    )
    header = next(rows)
    concepts: dict[str, str] = {}
    languages: dict[str, str] = {}
    for row in rows:
        headword = row[0].split("/")[0]
        for language, cell in zip(header, row, strict=True):
            for spelling in cell.split("/"):
                key = spelling if language == "zh" else fold_accents(spelling)
                concepts.setdefault(key, headword)
                languages.setdefault(key, language)
    return Glossary(concepts=concepts, languages=languages)


@dataclass(frozen=True)
class NiceTerms:
    """Goods and services terms per Nice class, and how related two classes are."""

    terms: dict[str, tuple[int, ...]]  # term (lower-case, singular) -> classes
    related: dict[tuple[int, int], tuple[float, str]]
    retail_class: int
    retail_strength: float

    def relation(self, a: int, b: int) -> tuple[float, str] | None:
        return self.related.get((min(a, b), max(a, b)))


@cache
def nice_terms() -> NiceTerms:
    classes = _json("nice_classes.json")["classes"]
    terms: dict[str, set[int]] = {}
    for number, words in classes.items():
        for word in words:
            terms.setdefault(word, set()).add(int(number))
    coordinated = _json("coordinated_classes.json")
    related = {
        (min(a, b), max(a, b)): (float(strength), why)
        for a, b, strength, why in coordinated["pairs"]
    }
    retail = coordinated["retail"]
    return NiceTerms(
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

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(words, key=len, reverse=True))

    return ReferentialPhrases(
        before_mark=longest_first(data["before_mark"]),
        after_mark=longest_first(data["after_mark"]),
        imitation=longest_first(data["imitation"]),
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
