"""How the words of a claim and of a product relate in meaning, from WordNet's nouns.

A product rarely uses the claim's word for a part. WordNet (Princeton WordNet 3.0, nouns
for things: `data/claims/wordnet_nouns.json.gz`, derived by scripts/derive-wordnet-nouns)
says when a product word names the same thing (a synonym), a kind of the claimed thing
(a hyponym: a 'screw' is a 'fastener', which meets the claim literally), or only a
related thing: the broader thing, another kind of the same family (a 'film' and a
'wire'), or a part or whole of it. Only the senses a word is most often read in count, so
'cell' the battery does not bring in 'cell' the prison room.
"""

from __future__ import annotations

import enum
import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ipsentry.matching.claims.lexicon import stems

SENSES = 2  # a word is read in its most frequent senses only
KIND_DEPTH = 2  # a kind of a kind of the claimed thing is still that thing
FAMILY_LIMIT = 40  # a broader thing with more kinds than this says nothing about family


class Relation(enum.IntEnum):
    """From the claim's word to the product's; higher is closer."""

    RELATED = 1  # broader, another kind of the same family, a part or a whole
    SAME = 2  # a synonym, or a kind of the claimed thing


@dataclass(frozen=True)
class _Nouns:
    words: dict[str, tuple[str, ...]]  # synset -> its one-word lemmas
    up: dict[str, tuple[str, ...]]  # synset -> hypernyms
    down: dict[str, tuple[str, ...]]  # synset -> hyponyms
    parts: dict[str, tuple[str, ...]]  # synset -> parts and wholes
    senses: dict[str, tuple[str, ...]]  # word -> its most frequent synsets


@cache
def _nouns() -> _Nouns:
    source = resources.files("ipsentry.data").joinpath("claims", "wordnet_nouns.json.gz")
    data = json.loads(gzip.decompress(source.read_bytes()))
    words = {o: tuple(s[0]) for o, s in data["synsets"].items()}
    up = {o: tuple(s[1]) for o, s in data["synsets"].items()}
    down: dict[str, list[str]] = defaultdict(list)
    parts: dict[str, list[str]] = defaultdict(list)
    for offset, (_, hypernyms, meronyms) in data["synsets"].items():
        for hypernym in hypernyms:
            down[hypernym].append(offset)
        for part in meronyms:
            parts[offset].append(part)
            parts[part].append(offset)
    return _Nouns(
        words,
        up,
        {o: tuple(d) for o, d in down.items()},
        {o: tuple(p) for o, p in parts.items()},
        {w: tuple(o[:SENSES]) for w, o in data["senses"].items()},
    )


# English plural endings, longest first (WordNet's own 'morphy' rules for nouns)
_PLURALS = (("ches", "ch"), ("shes", "sh"), ("ses", "s"), ("xes", "x"), ("zes", "z"),
            ("ies", "y"), ("men", "man"), ("s", ""))  # fmt: skip


def lemma(word: str) -> str:
    """The WordNet headword of a noun as written ('batteries' -> 'battery'), or ''."""
    word = word.lower()
    senses = _nouns().senses
    if word in senses:
        return word
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and word[: -len(ending)] + replacement in senses:
            return word[: -len(ending)] + replacement
    return ""


def _stems_of(offsets: set[str], nouns: _Nouns) -> set[str]:
    return {s for o in offsets for w in nouns.words.get(o, ()) for s in stems(w) if len(s) > 2}


@cache
def related(word: str) -> dict[str, Relation]:
    """The stems of product words related to a claim's word, each with how closely."""
    nouns = _nouns()
    own = set(nouns.senses.get(lemma(word), ()))
    if not own:
        return {}
    kinds, frontier = set(own), set(own)
    for _ in range(KIND_DEPTH):
        frontier = {d for o in frontier for d in nouns.down.get(o, ())}
        kinds |= frontier
    broader = {u for o in own for u in nouns.up.get(o, ())}
    family = {
        d for u in broader if len(nouns.down.get(u, ())) <= FAMILY_LIMIT for d in nouns.down[u]
    }
    wholes_and_parts = {p for o in own for p in nouns.parts.get(o, ())}
    found = dict.fromkeys(_stems_of(broader | family | wholes_and_parts, nouns), Relation.RELATED)
    found.update(dict.fromkeys(_stems_of(kinds, nouns), Relation.SAME))
    for stem in stems(word):
        found.pop(stem, None)
    return found
