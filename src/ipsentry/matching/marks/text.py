"""One sign, normalised into the forms the comparisons read.

A mark or a stretch of text is looked at in several ways at once: its letters (folded to
ASCII, case and accents gone), its visual skeleton (homoglyphs, leetspeak and look-alike
letter groups folded), its sound (a coarse respelling and a Metaphone code; Chinese
characters through pinyin) and its meaning (common words mapped to an English concept).
Every token keeps its offsets in the original text so evidence can be quoted exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Generic, TypeVar

import jellyfish
from anyascii import anyascii
from pypinyin import Style, lazy_pinyin

from ipsentry.matching.marks.dictionaries import Reading, chinese_words, foreign_reading
from ipsentry.matching.marks.lexicon import _json, visual_tables, weak_words

_ANNOTATION = re.compile(r"[(\[（【]([^)\]）】]*)[)\]）】]")


def _is_han(char: str) -> bool:
    return (
        "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
    )


@dataclass(frozen=True)
class Token:
    """A word of the sign: its ASCII form and where it stands in the original text."""

    text: str  # lower-case ASCII (pinyin for Chinese characters)
    start: int
    end: int
    original: str  # exactly as written
    han: bool = False

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()


def strip_annotations(raw: str) -> str:
    """Drop register annotations: they describe how a mark is drawn, not what it says.

    Bracketed ones anywhere ('(stylized)', '[fig.]', '（图形）') and trailing ones ('& Design',
    'with device', '图形'). Offsets are kept: each annotation becomes as many spaces.
    """
    tables = weak_words()

    def drop(match: re.Match[str]) -> str:
        inside = match.group(1).strip().lower()
        return " " * len(match.group(0)) if inside in tables.annotations else match.group(0)

    cleaned = _ANNOTATION.sub(drop, raw)
    while True:
        body = cleaned.rstrip()
        lowered = body.lower()
        for tail in tables.trailing_annotations:
            if lowered.endswith(tail) and body[: -len(tail)].strip():
                before = body[: -len(tail)]
                if tail.isascii() and before[-1:].isalnum():
                    continue  # 'BIGDESIGN' is a word, not an annotation
                cleaned = before + " " * (len(cleaned) - len(before))
                break
        else:
            return cleaned


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def tokenize(raw: str) -> list[Token]:
    """Split into words; runs of Chinese characters become one token spelled in pinyin.

    A word that mixes Latin letters with letters of another script is the homoglyph trick
    ('pаypal' with a Cyrillic а): its foreign letters are read as the Latin letters they
    imitate. A word wholly in another script is transliterated by sound ('ЯНДЕКС' -> yandeks).
    """
    if raw.isascii():  # the common case, and offsets survive lower-casing
        return [
            Token(m.group(0), m.start(), m.end(), raw[m.start() : m.end()])
            for m in _ASCII_WORD.finditer(raw.lower())
        ]
    tokens: list[Token] = []
    for match in _ANY_WORD.finditer(raw):
        word, start = match.group(0), match.start()
        han_start = -1
        run_start = -1
        for i, char in enumerate(word + " "):
            han = _is_han(char)
            if run_start >= 0 and (han or char == " "):
                tokens.append(_latin_token(word[run_start:i], start + run_start))
                run_start = -1
            if han_start >= 0 and not han:
                # One token per character, so a Chinese mark can be found inside a longer text.
                syllables = lazy_pinyin(word[han_start:i])
                for k, syllable in enumerate(syllables):
                    at = start + han_start + k
                    tokens.append(Token(syllable.lower(), at, at + 1, raw[at], han=True))
                han_start = -1
            if han and han_start < 0:
                han_start = i
            elif not han and char != " " and run_start < 0:
                run_start = i
    return [t for t in tokens if t.text]


_ANY_WORD = re.compile(r"[^\W_]+")


def _latin_token(word: str, start: int) -> Token:
    homoglyphs = visual_tables().homoglyphs
    folded = unicodedata.normalize("NFKC", word)
    mixed = any(c.isascii() and c.isalpha() for c in folded) and not folded.isascii()
    if mixed:
        folded = "".join(c if c.isascii() else homoglyphs.get(c) or anyascii(c) for c in folded)
    text = "".join(c for c in anyascii(folded).lower() if c.isalnum())
    return Token(text, start, start + len(word), word)


@cache
def _sound_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    data = _json("sound_rules.json")
    return tuple((re.compile(pattern), repl) for pattern, repl in data["rules"])


@cache
def _digit_words() -> dict[str, str]:
    digits: dict[str, str] = _json("sound_rules.json")["digits"]
    return digits


@lru_cache(maxsize=1 << 18)
def respell(word: str) -> str:
    """A coarse spelling-by-sound of an English-like word ('seycos' -> 'sikos')."""
    for pattern, repl in _sound_rules():
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 18)
def _sound_word(token: str) -> str:
    """Digits inside words are read as the letters they imitate (r4quests); alone, as numbers."""
    if token.isdigit():
        return token
    letters = re.sub(r"\d+$", lambda m: "".join(_digit_words()[d] for d in m.group(0)), token)
    leet = visual_tables().leet
    return "".join(leet.get(c, c) for c in letters)


@lru_cache(maxsize=1 << 18)
def _metaphone(word: str) -> str:
    return str(jellyfish.metaphone(word))


def visual_skeleton(text: str) -> str:
    """Fold letters that look alike in print to one representative ('rnicrosoft' -> 'mlcrosoft')."""
    tables = visual_tables()
    for group, target in tables.groups:
        text = text.replace(group, target)
    return "".join(tables.characters.get(c, c) for c in text)


def _gloss_han(chars: str) -> tuple[list[str], list[Reading]]:
    """CC-CEDICT words of a run of Chinese characters; pinyin where no entry covers one."""
    words: list[str] = []
    readings: list[Reading] = []
    for part in chinese_words(chars):
        if isinstance(part, Reading):
            words.append(part.concept.replace(" ", ""))
            readings.append(part)
        else:
            words.append("".join(lazy_pinyin(part)))
    return words, readings


_T = TypeVar("_T")


class _lazy(Generic[_T]):  # noqa: N801 - used like functools.cached_property
    """Computed once per instance, without cached_property's lock (called millions of times)."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.compute(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass(frozen=True)
class MarkText:
    """A sign in all the forms the engine compares. Build with `MarkText.of`."""

    raw: str
    tokens: tuple[Token, ...]
    homoglyph_chars: tuple[str, ...] = field(default=())

    @classmethod
    def of(cls, raw: str) -> MarkText:
        cleaned = strip_annotations(raw)
        if cleaned.isascii():
            return cls(raw=raw, tokens=tuple(tokenize(cleaned)))
        homoglyphs = visual_tables().homoglyphs
        letters = [c for c in cleaned if c.isalpha()]
        has_latin = any(c.isascii() for c in letters)
        suspicious = (
            tuple(c for c in letters if c in homoglyphs and not _is_han(c)) if has_latin else ()
        )
        return cls(raw=raw, tokens=tuple(tokenize(cleaned)), homoglyph_chars=suspicious)

    @classmethod
    def without_foreign_words(cls, raw: str) -> MarkText:
        """A sign already known to hold no foreign word and no Chinese characters (a
        register index records which names do): its meaning form is its own words, read
        without looking each word up in six languages' lists and dictionaries."""
        sign = cls.of(raw)
        if not sign.has_han:
            sign.__dict__["_glossed"] = (sign.words, ())
        return sign

    def sub(self, start: int, end: int) -> MarkText:
        """The sign made of tokens[start:end], keeping the original offsets."""
        return MarkText(raw=self.raw, tokens=self.tokens[start:end])

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokens)

    @_lazy
    def compact(self) -> str:
        return "".join(self.words)

    @_lazy
    def spaced(self) -> str:
        return " ".join(self.words)

    @_lazy
    def skeleton(self) -> str:
        return visual_skeleton(self.compact)

    @_lazy
    def _spoken_words(self) -> tuple[str, ...]:
        """Words as said: a run of Chinese characters is one word, spelled in pinyin."""
        words: list[str] = []
        previous_han = False
        for token in self.tokens:
            if token.han and previous_han:
                words[-1] += token.text
            else:
                words.append(_sound_word(token.text) if not token.han else token.text)
            previous_han = token.han
        return tuple(words)

    @_lazy
    def sound(self) -> str:
        return "".join(respell(w) for w in self._spoken_words)

    @_lazy
    def metaphone(self) -> str:
        return "".join(_metaphone(w) for w in self._spoken_words if w)

    @_lazy
    def pinyin(self) -> str:
        """Tone-numbered pinyin of the Chinese characters, for explanations ('si1 mo2 er3')."""
        han = "".join(t.original for t in self.tokens if t.han)
        return " ".join(lazy_pinyin(han, style=Style.TONE3)) if han else ""

    @_lazy
    def _glossed(self) -> tuple[tuple[str, ...], tuple[Reading, ...]]:
        words: list[str] = []
        readings: list[Reading] = []
        han_run = ""
        for token in (*self.tokens, None):
            if token is not None and token.han:
                han_run += token.original
                continue
            if han_run:
                parts, known = _gloss_han(han_run)
                readings.extend(known)
                words.extend(parts)
                han_run = ""
            if token is None:
                break
            reading = foreign_reading(token.text) if not token.is_number else None
            if reading is not None:
                readings.append(reading)
                words.append(reading.concept.replace(" ", ""))
            else:
                words.append(token.text)
        return tuple(words), tuple(readings)

    @property
    def gloss(self) -> str:
        """The sign's words, each known foreign word replaced by its English concept, sorted
        (languages order words differently: LOBO NEGRO is BLACK WOLF)."""
        return " ".join(sorted(self._glossed[0]))

    @property
    def translated(self) -> bool:
        return bool(self._glossed[1])

    @property
    def readings(self) -> tuple[Reading, ...]:
        """The words read as foreign words, each with its language and English meaning."""
        return self._glossed[1]

    @property
    def has_han(self) -> bool:
        return any(t.han for t in self.tokens)

    def __bool__(self) -> bool:
        return bool(self.compact)
