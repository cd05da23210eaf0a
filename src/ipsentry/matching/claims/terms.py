"""What an element asks for, as weighted terms, and what a passage offers, as terms.

Both sides are stemmed; phrases found in a patent's own construction table become one
concept, so its 'heating element' meets the 'coil' it construes it as. Where the product
uses another word, WordNet's nouns (`relations.py`) say whether it names the same thing
or a kind of it (which counts nearly in full) or only a related thing (which counts less,
and never makes an element present by itself). Words of claim drafting weigh nothing and
generic nouns ('member', 'portion') weigh less.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ipsentry.matching.claims.lexicon import (
    CLAIM_WORDS,
    Synonyms,
    limitations,
    stems,
    words_and_stems,
)
from ipsentry.matching.claims.relations import Relation, related

SAME_CREDIT = 0.8  # a synonym or a kind of the claimed thing, in the product's words
RELATED_CREDIT = 0.4  # a broader thing, another kind of the same family, a part or whole
GENERIC_WEIGHT = 0.35
PAIR_WEIGHT = 0.5  # a pair of content words in a row, as one more term


@cache
def _generic() -> frozenset[str]:
    return frozenset(stems(" ".join(limitations()["generic_nouns"])))


@dataclass(frozen=True)
class Terms:
    """Stems and concepts of a text, with the weight of each."""

    weights: dict[str, float]  # 's:stem' or 'c:<table>:<concept>' -> weight
    surface: dict[str, str]  # the same keys -> the words they came from

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.weights)


def read_terms(text: str, tables: tuple[Synonyms, ...] = ()) -> Terms:
    """Terms of a text: concepts for phrases any table knows, stems for the other words."""
    written, words = words_and_stems(text)
    weights: dict[str, float] = {}
    surface: dict[str, str] = {}
    i = 0
    generic = _generic()
    previous = ""
    while i < len(words):
        matched = False
        for t, table in enumerate(tables):
            for n in range(min(table.longest, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + n])
                concept = table.concept(phrase)
                if concept is not None:
                    key = f"c:{t}:{concept}"
                    weights[key] = max(weights.get(key, 0.0), 1.0 + 0.25 * (n - 1))
                    surface[key] = " ".join(written[i : i + n])
                    previous = _pair(previous, key, weights, surface)
                    i += n
                    matched = True
                    break
            if matched:
                break
        if matched:
            continue
        word = words[i]
        i += 1
        if word in CLAIM_WORDS or word.isdigit() or len(word) < 2:
            continue
        key = f"s:{word}"
        weights[key] = max(weights.get(key, 0.0), GENERIC_WEIGHT if word in generic else 1.0)
        surface[key] = written[i - 1]
        previous = _pair(previous, key, weights, surface)
    return Terms(weights, surface)


def _pair(previous: str, key: str, weights: dict[str, float], surface: dict[str, str]) -> str:
    """Two content words in a row: a phrase matched as written is stronger evidence."""
    if previous and previous != key:
        pair = f"b:{previous}|{key}"
        weights[pair] = PAIR_WEIGHT
        surface[pair] = f"{surface[previous]} {surface[key]}"
    return key


def overlap(wanted: Terms, offered: frozenset[str]) -> tuple[float, list[str]]:
    """Share of the wanted weight the offered terms cover, and the words that matched."""
    total = sum(wanted.weights.values())
    if total <= 0:
        return 0.0, []
    hit = [k for k in wanted.weights if k in offered]
    return sum(wanted.weights[k] for k in hit) / total, [wanted.surface[k] for k in hit]


@dataclass(frozen=True)
class Match:
    """How much of an element's weighted terms a text offers, and how."""

    share: float  # literal terms, and the product's words for the same thing
    loose: float  # the same, and related things too
    matched: tuple[str, ...] = ()  # claim words met as written
    meaning: tuple[str, ...] = ()  # "'accumulator' for 'battery'"
    related: tuple[str, ...] = ()  # "'wire' for 'film'"


Kin = dict[str, list[tuple[str, Relation]]]  # wanted key -> product keys related to it


def kin(wanted: Terms, everywhere: dict[str, str]) -> Kin:
    """For each wanted word the product lacks, the product's words related to it (closest
    first): looked up once per element, then checked passage by passage."""
    found: Kin = {}
    for key in wanted.weights:
        if key.startswith("s:") and key not in everywhere:
            pairs = [
                (f"s:{stem}", relation)
                for stem, relation in related(wanted.surface[key]).items()
                if f"s:{stem}" in everywhere
            ]
            if pairs:
                found[key] = sorted(pairs, key=lambda pair: -pair[1])
    return found


def match(wanted: Terms, offered: dict[str, str], relatives: Kin | None = None) -> Match:
    """`wanted` against a text's terms (key -> the text's words), literally and, with
    `relatives` (from `kin`), by meaning."""
    total = sum(wanted.weights.values())
    if total <= 0:
        return Match(0.0, 0.0)
    literal = same = loose = 0.0
    matched: list[str] = []
    meaning: list[str] = []
    kinds: list[str] = []
    for key, weight in wanted.weights.items():
        if key in offered:
            literal += weight
            matched.append(wanted.surface[key])
            continue
        for other, relation in (relatives or {}).get(key, ()):
            if other in offered:
                note = f"'{offered[other]}' for '{wanted.surface[key]}'"
                if relation == Relation.SAME:
                    same += weight
                    meaning.append(note)
                else:
                    loose += weight
                    kinds.append(note)
                break
    share = (literal + SAME_CREDIT * same) / total
    return Match(
        share,
        share + RELATED_CREDIT * loose / total,
        tuple(matched),
        tuple(meaning),
        tuple(kinds),
    )
