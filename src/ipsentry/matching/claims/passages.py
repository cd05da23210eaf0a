"""Product text split into passages that can be quoted and located.

A listing, a declaration's goods description, a saved product page (text or HTML) or a
datasheet's text is cut into sentences; a sentence too long to quote usefully, or a text
with no sentence punctuation at all (real product texts often have none), is cut into
windows of words. Every passage keeps its offsets in the text as given, so a chart can
say exactly where its evidence is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

MAX_WORDS = 40  # a longer sentence is quoted in overlapping windows of this many words
OVERLAP = 10

_SENTENCE_END = re.compile(r"(?<=[.!?;。！？；])\s+|\n\s*\n|\n(?=\s*[-•*\u2022])")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Passage:
    index: int
    text: str
    start: int
    end: int

    def location(self) -> str:
        return f"passage {self.index + 1}, characters {self.start}-{self.end}"


class _TextOnly(HTMLParser):
    SKIP = frozenset({"script", "style", "noscript", "head", "template"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "li",
            "br",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "td",
            "th",
            "dd",
            "dt",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    """The visible text of a saved web page, paragraph breaks kept."""
    parser = _TextOnly()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n\s*\n\s*", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    words = [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]
    if len(words) <= MAX_WORDS:
        return [(start, end)] if words else []
    spans = []
    step = MAX_WORDS - OVERLAP
    for first in range(0, len(words), step):
        chunk = words[first : first + MAX_WORDS]
        spans.append((chunk[0][0], chunk[-1][1]))
        if first + MAX_WORDS >= len(words):
            break
    return spans


def split(text: str) -> list[Passage]:
    """Sentences (or word windows) of `text`, each with its offsets."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for boundary in [*_SENTENCE_END.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        spans.extend(_windows(text, cursor, end))
        if boundary:
            cursor = boundary.end()
    passages: list[Passage] = []
    for start, end in spans:
        chunk = text[start:end].strip()
        if chunk:
            offset = text.index(chunk, start)
            passages.append(Passage(len(passages), chunk, offset, offset + len(chunk)))
    return passages
