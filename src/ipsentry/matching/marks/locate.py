"""Find a mark inside a longer text (a listing title, a declaration line) and read its context.

A title such as "C-Cell style 510 cartridge 1ml" names CCELL in two tokens; the mark is
compared with every run of tokens about its own length, so short marks are never found
inside longer words ("CCELL" is not in "accelerate").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ipsentry.matching.marks.lexicon import referential_phrases
from ipsentry.matching.marks.similarity import Similarity, compare
from ipsentry.matching.marks.text import MarkText

MAX_EXTRA_TOKENS = 2  # a mark of n words is looked for in runs of 1 .. n + 2 words


@dataclass(frozen=True)
class Located:
    """Where in a text a mark was found best, and how alike that stretch is."""

    window: MarkText
    first: int  # token indexes in the text, end exclusive
    last: int
    similarity: Similarity

    @property
    def start(self) -> int:
        return self.window.tokens[0].start

    @property
    def end(self) -> int:
        return self.window.tokens[-1].end

    @property
    def quote(self) -> str:
        return self.window.raw[self.start : self.end]


def windows(text: MarkText, size: int) -> list[tuple[int, int]]:
    n = len(text.tokens)
    longest = min(n, size + MAX_EXTRA_TOKENS)
    return [(i, i + w) for w in range(1, longest + 1) for i in range(n - w + 1)]


def locate(
    mark: MarkText, text: MarkText, spans: list[tuple[int, int]] | None = None
) -> Located | None:
    """The stretch of `text` most like `mark` (among `spans`, else every window)."""
    best: Located | None = None
    for first, last in spans if spans is not None else windows(text, len(mark.tokens)):
        window = text.sub(first, last)
        similarity = compare(mark, window)
        better = best is None or similarity.score > best.similarity.score + 1e-9
        if better:
            best = Located(window, first, last, similarity)
    return best


@dataclass(frozen=True)
class Context:
    """What the words around a found mark say about how it is used."""

    referential: str | None  # the phrase that makes it a reference to another's goods
    imitation: str | None  # a word that admits imitation: 'style', 'replica', ...


def _phrase_pattern(phrases: tuple[str, ...], before: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in phrases)
    fillers = r"(?:\s*(?:the|a|an|all|your|original|genuine|most)\b)*"
    if before:
        return re.compile(
            rf"(?:^|(?<=[^\w])|(?<=[\u4e00-\u9fff]))({alternatives}){fillers}[\s\-:：]*$",
            re.IGNORECASE,
        )
    return re.compile(rf"^[\s\-]*({alternatives})(?:[^\w]|$)", re.IGNORECASE)


def context(located: Located) -> Context:
    """Read the words right before and after the found mark."""
    phrases = referential_phrases()
    raw = located.window.raw
    before, after = raw[: located.start], raw[located.end :]
    referential = None
    for phrases_, is_before, part in (
        (phrases.before_mark, True, before),
        (phrases.after_mark, False, after),
    ):
        match = _phrase_pattern(phrases_, is_before).search(part)
        if match and referential is None:
            referential = match.group(1).lower()
    imitation = None
    for part, is_before in ((after, False), (before, True)):
        match = _phrase_pattern(phrases.imitation, is_before).search(part)
        if match:
            imitation = match.group(1).lower()
            break
    return Context(referential=referential, imitation=imitation)
