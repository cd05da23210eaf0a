"""What an element asks for, as weighted terms, and what a passage offers, as terms.

Both sides are stemmed; phrases found in the synonym tables (the patent's own
construction first, then the global table) become one concept, so 'heating element' in a
claim meets 'coil' in a product. Words of claim drafting weigh nothing and generic nouns
('member', 'portion') weigh less.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ipsentry.matching.claims.lexicon import (
    CLAIM_WORDS,
    Synonyms,
    limitations,
    stems,
    synonyms,
    words_and_stems,
)

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
    tables = tables or (synonyms(),)
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
