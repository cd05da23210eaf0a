"""The word lists the claim engine reads, kept as data under `ipsentry/data/claims/`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import Stemmer

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _json(name: str) -> dict[str, Any]:
    text = resources.files("ipsentry.data").joinpath("claims", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def words_and_stems(text: str) -> tuple[list[str], tuple[str, ...]]:
    """The lower-case words of a text and their stems, position by position."""
    words = _WORD.findall(text.lower())
    return words, tuple(_stemmer().stemWords(words))


def stems(text: str) -> tuple[str, ...]:
    """Lower-case word stems ('heating elements' -> ('heat', 'element'))."""
    return tuple(_stemmer().stemWords(_WORD.findall(text.lower())))


def stem_phrase(text: str) -> str:
    return " ".join(stems(text))


@dataclass(frozen=True)
class Synonyms:
    """Concepts as groups of stemmed phrases; any member stands for the others."""

    groups: tuple[frozenset[str], ...]
    by_phrase: dict[str, int]
    longest: int  # words in the longest phrase

    def concept(self, phrase: str) -> int | None:
        return self.by_phrase.get(phrase)


def build_synonyms(groups: list[list[str]]) -> Synonyms:
    stemmed = tuple(
        frozenset(stem_phrase(term) for term in group if term.strip()) for group in groups
    )
    by_phrase: dict[str, int] = {}
    for index, group in enumerate(stemmed):
        for phrase in group:
            by_phrase.setdefault(phrase, index)
    longest = max((len(p.split()) for p in by_phrase), default=1)
    return Synonyms(stemmed, by_phrase, longest)


@cache
def limitations() -> dict[str, Any]:
    return _json("limitations.json")


# Words of claim drafting that say nothing about the product.
CLAIM_WORDS = frozenset(
    stems(
        "a an the said of for to in on at by with and or as is are be being been that which "
        "wherein whereby thereof therein thereto therefrom comprising comprises comprise "
        "including includes having has configured adapted operable arranged such least "
        "plurality first second third fourth one more each any further claim claims "
        "respective respectively substantially about approximately so from into onto within "
        "between along via when where whose its it this these those than other another "
        "also all both either not no can may disposed positioned located provided situated "
        "wherein said"
    )
)
